import { ENGINES, freshDatabase } from '$tests/factories/database';
import { importSample } from '$tests/factories/imports';
import { solidDefinition } from '$tests/factories/projects';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM_ACTOR } from '../audit/record-audit';
import { queryRows, type DatabaseHandle } from '../db';
import { loadImportProject } from '../import/import-project';
import { revertImport } from '../import/revert-import';
import { applyProjectDefinition } from '../projects/apply-definition';
import { expenseRows } from './expense-rows';
import { portfolio } from './portfolio';
import { projectDashboard } from './project-dashboard';

describe.each(ENGINES)('the SOLID dashboard on %s', (engine) => {
	let handle: DatabaseHandle;
	beforeAll(async () => {
		handle = await freshDatabase(engine);
		await applyProjectDefinition(handle.db, solidDefinition(), { actor: SYSTEM_ACTOR });
		await importSample(handle.db, 'expenses');
		await importSample(handle.db, 'participation');
	});
	afterAll(async () => {
		await handle?.close();
	});

	it('sets each year against its plan: 2018 15.50 under, 2019 40.20 over, 4184.70 in all', async () => {
		const dashboard = (await projectDashboard(handle.db, 'SOLID', '2026-11'))!;
		expect(dashboard.years.map((y) => [y.year, y.plan, y.actual, y.variance, y.status])).toEqual([
			[2018, 309000, 307450, -1550, 'under'],
			[2019, 107000, 111020, 4020, 'over']
		]);
		expect(dashboard.total).toMatchObject({ plan: 416000, actual: 418470 });
		expect(dashboard.monthly.at(-1)).toMatchObject({
			month: '2019-11',
			cumulative: 418470,
			proRata: 416000
		});
	});

	it('counts 14 of 15 mobilities, event 3 with one done and one cancelled', async () => {
		const dashboard = (await projectDashboard(handle.db, 'SOLID', '2026-11'))!;
		expect(dashboard.mobility).toEqual({ planned: 15, completed: 14, cancelled: 1, unassigned: 0 });
		expect(dashboard.events.find((e) => e.number === 3)).toMatchObject({
			planned: 2,
			completed: 1,
			cancelled: 1,
			from: '2018-10-09',
			to: '2018-10-11'
		});
	});

	it('raises the alerts: 2019 over plan and its amendment, event 3 behind, the printing linked to no event', async () => {
		const dashboard = (await projectDashboard(handle.db, 'SOLID', '2026-11'))!;
		expect(dashboard.alerts.map((a) => a.kind)).toEqual([
			'year-over-plan',
			'plan-amendment',
			'event-behind',
			'unassigned'
		]);
		expect(dashboard.alerts[1]).toEqual({ kind: 'plan-amendment', year: 2019, amount: 4020 });
		expect(dashboard.alerts[3]).toEqual({ kind: 'unassigned', count: 1, cents: 3850 });
	});

	it('drills from the 2019 bar down to its rows, each with its file and line', async () => {
		const project = (await loadImportProject(handle.db, 'SOLID'))!;
		const rows = await expenseRows(handle.db, project.id, { year: 2019 });
		expect(rows.totalCents).toBe(111020);
		expect(rows.rows.length).toBe(rows.count);
		expect(rows.rows.every((r) => r.fileName === 'ledger.csv' && r.line > 1)).toBe(true);
		expect(rows.rows.every((r) => r.date.startsWith('2019-'))).toBe(true);
		const unlinked = await expenseRows(handle.db, project.id, { event: 'none' });
		expect(unlinked.rows.map((r) => [r.documentNumber, r.line])).toEqual([['DR-0412', 3]]);
	});
});

describe.each(ENGINES)('the dashboard sums on %s', (engine) => {
	let handle: DatabaseHandle;
	beforeAll(async () => {
		handle = await freshDatabase(engine);
		await applyProjectDefinition(handle.db, solidDefinition(), { actor: SYSTEM_ACTOR });
	});
	afterAll(async () => {
		await handle?.close();
	});

	/** The sums as kept, and as the live rows say they should be. */
	const sums = async () => {
		const kept = await queryRows(
			handle.db,
			sql`select project_id, month, category, event, cents::text, rows from expense_sums order by 1, 2, 3, 4`
		);
		const fromRows = await queryRows(
			handle.db,
			sql`select project_id, to_char(date, 'YYYY-MM') as month, category,
					coalesce(event_number, 0) as event, sum(amount_cents)::text as cents, count(*)::int as rows
				from expenses where reverted_at is null group by 1, 2, 3, 4 order by 1, 2, 3, 4`
		);
		return { kept, fromRows };
	};

	it('follow every import and revert exactly', async () => {
		const project = (await loadImportProject(handle.db, 'SOLID'))!;
		const ledger = await importSample(handle.db, 'expenses');
		let now = await sums();
		expect(now.kept.length).toBeGreaterThan(10);
		expect(now.kept).toEqual(now.fromRows);
		expect((await projectDashboard(handle.db, 'SOLID', '2026-11'))!.total.actual).toBe(418470);

		await revertImport(handle.db, ledger.batchId!, project.id, SYSTEM_ACTOR);
		now = await sums();
		expect(now.kept).toEqual([]);
		expect(now.fromRows).toEqual([]);
		expect((await projectDashboard(handle.db, 'SOLID', '2026-11'))!.total.actual).toBe(0);
	});
});

describe.each(ENGINES)('the council portfolio on %s', (engine) => {
	let handle: DatabaseHandle;
	beforeAll(async () => {
		handle = await freshDatabase(engine);
		await applyProjectDefinition(handle.db, solidDefinition(), { actor: SYSTEM_ACTOR });
		await applyProjectDefinition(
			handle.db,
			solidDefinition((d) => {
				d.code = 'OTHER';
			}),
			{ actor: SYSTEM_ACTOR }
		);
		await importSample(handle.db, 'participation');
	});
	afterAll(async () => {
		await handle?.close();
	});

	it('adds up both projects per year and rates each one', async () => {
		const view = await portfolio(handle.db, { id: null, role: 'admin' }, '2026-11');
		expect(view.years.map((y) => [y.year, y.prefinancing, y.cofinancing])).toEqual([
			[2018, 220000, 398000],
			[2019, 80000, 134000]
		]);
		const solid = view.projects.find((p) => p.code === 'SOLID')!;
		expect(solid).toMatchObject({ mobilityPlanned: 15, mobilityDone: 14 });
		expect(solid.attention).toContainEqual({ kind: 'events-behind', count: 1 });
		const other = view.projects.find((p) => p.code === 'OTHER')!;
		expect(other).toMatchObject({ mobilityDone: 0, actual: 0 });
		expect(other.attention).toContainEqual({ kind: 'events-behind', count: 5 });
	});

	it('shows a member only the projects they may see', async () => {
		const view = await portfolio(handle.db, { id: 'nobody', role: 'council' }, '2026-11');
		expect(view.projects).toEqual([]);
		expect(view.years).toEqual([]);
	});
});
