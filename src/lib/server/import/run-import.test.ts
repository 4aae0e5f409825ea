import { ENGINES, freshDatabase } from '$tests/factories/database';
import { solidDefinition } from '$tests/factories/projects';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fromPackageRoot } from '../package-root';
import { SYSTEM_ACTOR } from '../audit/record-audit';
import { queryRows, type DatabaseHandle } from '../db';
import { expenses, participations } from '../db/schema';
import { applyProjectDefinition } from '../projects/apply-definition';
import { fileSource } from './byte-source';
import { loadImportProject } from './import-project';
import { runImport, type ImportRequest } from './run-import';

const actor = { id: null, email: 'coordinator@example.lv' };
const sample = (name: string) => fromPackageRoot(`static/samples/solid/${name}`);

describe.each(ENGINES)('importing the SOLID samples on %s', (engine) => {
	let handle: DatabaseHandle;
	const run = async (
		kind: ImportRequest['kind'],
		file: string,
		mode: ImportRequest['mode'] = 'commit'
	) =>
		runImport(handle.db, {
			project: (await loadImportProject(handle.db, 'SOLID'))!,
			kind,
			input: { source: await fileSource(sample(file)) },
			profile: {},
			actor,
			mode,
			today: '2026-11-24'
		});

	beforeAll(async () => {
		handle = await freshDatabase(engine);
		await applyProjectDefinition(handle.db, solidDefinition(), { actor: SYSTEM_ACTOR });
	});
	afterAll(async () => {
		await handle?.close();
	});

	it('dry-runs the ledger: every record accepted, nothing written', async () => {
		const result = await run('expenses', 'ledger.csv', 'dry-run');
		expect(result.committed).toBe(false);
		expect(result.dialect).toMatchObject({
			encoding: 'utf-8',
			bom: true,
			delimiter: ';',
			newline: '\r\n',
			decimal: 'comma'
		});
		expect(result.report.records).toBe(33);
		expect(result.report.accepted).toEqual({ count: 33, totalCents: 418470 });
		expect(result.report.rejected.count).toBe(0);
		expect(await handle.db.$count(expenses)).toBe(0);
	});

	it('commits the ledger and the travel orders: 4184.70 EUR, 14 trips done and 1 cancelled', async () => {
		const ledger = await run('expenses', 'ledger.csv');
		expect(ledger.report.accepted.totalCents).toBe(418470);
		const travel = await run('participation', 'travel.csv');
		expect(travel.report.records).toBe(15);
		expect(travel.report.statuses).toEqual({ done: 14, cancelled: 1 });
		expect(travel.report.unmatched.count).toBe(0);

		const rows = await queryRows<{ year: number; cents: string }>(
			handle.db,
			sql`select extract(year from date)::int as year, sum(amount_cents)::text as cents
				from expenses group by 1 order by 1`
		);
		expect(rows.map((r) => [Number(r.year), Number(r.cents)])).toEqual([
			[2018, 307450],
			[2019, 111020]
		]);
	});

	it('adds nothing when both files are imported again', async () => {
		const ledger = await run('expenses', 'ledger.csv', 'dry-run');
		expect(ledger.report.accepted.count).toBe(0);
		expect(ledger.report.setAside.byReason.duplicate).toEqual({ count: 33, totalCents: 418470 });
		const travel = await run('participation', 'travel.csv', 'dry-run');
		expect(travel.report.setAside.byReason.duplicate.count).toBe(15);
		expect(await handle.db.$count(expenses)).toBe(33);
		expect(await handle.db.$count(participations)).toBe(15);
	});
});
