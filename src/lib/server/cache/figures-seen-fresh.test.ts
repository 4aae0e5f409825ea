import { ENGINES, freshDatabase } from '$tests/factories/database';
import { importGeneratedLedger, importSample } from '$tests/factories/imports';
import { solidDefinition } from '$tests/factories/projects';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM_ACTOR } from '../audit/record-audit';
import { openPostgres, type Database, type DatabaseHandle } from '../db';
import { portfolio } from '../dashboard/portfolio';
import { projectDashboard } from '../dashboard/project-dashboard';
import { loadImportProject } from '../import/import-project';
import { revertImport } from '../import/revert-import';
import { applyProjectDefinition } from '../projects/apply-definition';
import { listProjects } from '../projects/list-projects';
import { councilRegisterFor } from '../plans/council-register';
import { loadRetention, retentionEnding, setRetention } from '../control/retention';

const admin = { id: null, role: 'admin' } as const;
const MONTH = '2026-11';
const TODAY = '2026-12-01';

/** What each cached page shows of SOLID: the dashboard's total, the portfolio's, the list's title. */
async function shown(db: Database) {
	const dashboard = (await projectDashboard(db, 'SOLID', MONTH, TODAY))!;
	const council = await portfolio(db, admin, MONTH, TODAY);
	const [item] = await listProjects(db, admin);
	return {
		actual: dashboard.total.actual,
		plan2019: dashboard.years.find((y) => y.year === 2019)!.plan,
		portfolioActual: council.total.actual,
		title: item!.title.en
	};
}

/** SOLID's 2019 council co-financing amended 670 → 710,20 EUR by decision No. 512. */
const amended = () =>
	solidDefinition((d) => {
		d.decision.date = '2019-09-19';
		d.decision.number = '512';
		d.funding.years[1]!.cofinancing = 71020;
		d.funding.council += 4020;
		d.funding.total += 4020;
	});

describe.each(ENGINES)('cached figures after a change, on %s', (engine) => {
	let handle: DatabaseHandle;
	beforeAll(async () => {
		handle = await freshDatabase(engine);
		await applyProjectDefinition(handle.db, solidDefinition(), { actor: SYSTEM_ACTOR });
		await importSample(handle.db, 'expenses');
	}, 120_000);
	afterAll(async () => {
		await handle?.close();
	});

	it('shows an imported row on the next request, and loses it on the next after its revert', async () => {
		const before = await shown(handle.db);
		expect(before).toMatchObject({ actual: 418470, portfolioActual: 418470 });
		// Asked again unchanged, the pages answer the very objects they were answered with.
		expect(await projectDashboard(handle.db, 'SOLID', MONTH, TODAY)).toBe(
			await projectDashboard(handle.db, 'SOLID', MONTH, TODAY)
		);

		// One generated row of 10,00 EUR.
		const imported = await importGeneratedLedger(handle.db, 1);
		expect(await shown(handle.db)).toMatchObject({ actual: 419470, portfolioActual: 419470 });

		const project = (await loadImportProject(handle.db, 'SOLID'))!;
		await revertImport(handle.db, imported.batchId!, project.id, SYSTEM_ACTOR);
		expect(await shown(handle.db)).toMatchObject({ actual: 418470, portfolioActual: 418470 });
	});

	it('shows a plan amendment and a new title on the next request', async () => {
		expect((await shown(handle.db)).plan2019).toBe(107000);
		await applyProjectDefinition(handle.db, amended(), { actor: SYSTEM_ACTOR });
		expect((await shown(handle.db)).plan2019).toBe(111020);
		const renamed = amended();
		renamed.title.en = 'SOLID, renamed';
		await applyProjectDefinition(handle.db, renamed, { actor: SYSTEM_ACTOR });
		expect((await shown(handle.db)).title).toBe('SOLID, renamed');
	});

	it('keeps each date apart: the same version asked for another day is worked out for that day', async () => {
		const years = async (today: string) =>
			(await projectDashboard(handle.db, 'SOLID', MONTH, today))!.years.find(
				(y) => y.year === 2019
			)!.plan;
		// Decision 512 of 19.09.2019 is not yet in force the day before.
		expect(await years('2019-09-18')).toBe(107000);
		expect(await years(TODAY)).toBe(111020);
	});

	it('shows a new council decision in the register and a retention date set, on the next request', async () => {
		const decisions = async () =>
			(await councilRegisterFor(handle.db, admin)).decisions.map((d) => d.decision.number);
		const before = await decisions();
		const next = amended();
		next.decision.date = '2019-10-10';
		next.decision.number = '600';
		next.funding.years[1]!.cofinancing += 100;
		next.funding.council += 100;
		next.funding.total += 100;
		await applyProjectDefinition(handle.db, next, { actor: SYSTEM_ACTOR });
		expect(await decisions()).toEqual(['600', ...before]);

		const project = (await loadImportProject(handle.db, 'SOLID'))!;
		const ending = async (today: string) =>
			(await retentionEnding(handle.db, today, ['SOLID']))[0]?.until;
		const kept = (await loadRetention(handle.db, project.id))!.until;
		// Asked on the date itself, the project's records are within a year of their end.
		expect(await ending(kept)).toBe(kept);
		await setRetention(handle.db, project, '2040-12-31', 'a court case', SYSTEM_ACTOR);
		expect(await ending(kept)).toBeUndefined();
		expect(await ending('2040-06-01')).toBe('2040-12-31');
	});
});

describe.runIf(ENGINES.includes('postgres'))('two app instances on one PostgreSQL', () => {
	let first: DatabaseHandle;
	let second: DatabaseHandle;
	beforeAll(async () => {
		first = await freshDatabase('postgres');
		const url = new URL(process.env.TEST_DATABASE_URL!.trim());
		url.pathname = `/${first.location}`;
		second = await openPostgres(url.toString());
		await applyProjectDefinition(first.db, solidDefinition(), { actor: SYSTEM_ACTOR });
		await importSample(first.db, 'expenses');
	}, 120_000);
	afterAll(async () => {
		await second?.close();
		await first?.close();
	});

	it('shows on the other instance, on its next request, a row one instance imported', async () => {
		expect(await shown(second.db)).toMatchObject({ actual: 418470, portfolioActual: 418470 });
		await importGeneratedLedger(first.db, 1);
		expect(await shown(second.db)).toMatchObject({ actual: 419470, portfolioActual: 419470 });
	});
});
