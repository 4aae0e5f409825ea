import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { ENGINES, freshDatabase } from '$tests/factories/database';
import { affectedRows } from '.';

describe('the rows a write touched', () => {
	it.each(ENGINES)(
		'counts only the rows an INSERT … ON CONFLICT DO NOTHING took, on %s',
		async (engine) => {
			const handle = await freshDatabase(engine);
			try {
				await handle.db.execute(sql`create table numbers (n int primary key)`);
				const insert = (from: number, to: number) =>
					affectedRows(
						handle.db,
						sql`insert into numbers select generate_series(${from}::int, ${to}::int) on conflict do nothing`
					);
				expect(await insert(1, 5)).toBe(5);
				expect(await insert(3, 9)).toBe(4);
			} finally {
				await handle.close();
			}
		}
	);
});
