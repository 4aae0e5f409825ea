import { ENGINES, freshDatabase } from '$tests/factories/database';
import { importGeneratedLedger, importSample } from '$tests/factories/imports';
import { solidDefinition } from '$tests/factories/projects';
import { and, asc, eq, isNull } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM_ACTOR } from '../audit/record-audit';
import type { Database, DatabaseHandle } from '../db';
import { expenseFindings, expenses, projects } from '../db/schema';
import { applyProjectDefinition } from '../projects/apply-definition';
import { expenseRecords } from './expense-records';

describe.each(ENGINES)("a document's expense rows read in pages on %s", (engine) => {
	let handle: DatabaseHandle;
	let projectId: number;
	beforeAll(async () => {
		handle = await freshDatabase(engine);
		await applyProjectDefinition(handle.db, solidDefinition(), { actor: SYSTEM_ACTOR });
		await importSample(handle.db, 'expenses');
		await importGeneratedLedger(handle.db, 40);
		const [project] = await handle.db
			.select({ id: projects.id })
			.from(projects)
			.where(eq(projects.code, 'SOLID'));
		projectId = project!.id;
	}, 120_000);
	afterAll(async () => {
		await handle?.close();
	});

	it('reads every live row once, in the documents’ order, whatever the page size', async () => {
		const whole = await expenseRecords(handle.db, projectId, 100_000);
		expect(whole).toHaveLength(33 + 40);
		expect(new Set(whole.map((r) => r.key)).size).toBe(whole.length);
		for (const size of [1, 7, 33, 72, 73])
			expect(await expenseRecords(handle.db, projectId, size)).toEqual(whole);
		const days = whole.map((r) => r.date);
		expect(days).toEqual([...days].sort());
	});

	// Only the embedded database runs queries strictly in the order they are sent, which the test
	// needs to land its change between two pages; on PostgreSQL the same code path is taken.
	if (engine === 'pglite')
		it('reads the rows again when the project changed between pages', async () => {
			const [first] = await handle.db
				.select({ id: expenses.id })
				.from(expenses)
				.where(and(eq(expenses.projectId, projectId), isNull(expenses.revertedAt)))
				.orderBy(asc(expenses.rowKey), asc(expenses.occurrence))
				.limit(1);
			let selects = 0;
			// The change is sent when the second page is asked for: the embedded database runs
			// queries in the order they are sent, so it lands after the first page was read.
			const db = new Proxy(handle.db, {
				get(target, name, receiver) {
					const value: unknown = Reflect.get(target, name, receiver);
					if (name !== 'select' || typeof value !== 'function') return value;
					return (...args: unknown[]) => {
						if (++selects === 3)
							void target
								.insert(expenseFindings)
								.values({ expenseId: first!.id, projectId, state: 'verified', updatedBy: 'a' })
								.execute();
						return (value as (...a: unknown[]) => unknown).apply(target, args);
					};
				}
			}) as Database;
			const rows = await expenseRecords(db, projectId, 10);
			const changed = rows.filter((r) => r.finding?.state === 'verified');
			expect(changed).toHaveLength(1);
			expect(rows).toEqual(await expenseRecords(handle.db, projectId, 100_000));
			// versions before and after, 8 pages, and once more after the change was seen.
			expect(selects).toBe(2 * (1 + 8 + 1));
		});
});
