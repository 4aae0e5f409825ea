import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { ENGINES, freshDatabase } from '$tests/factories/database';
import { solidDefinition } from '$tests/factories/projects';
import { checkPlan } from '$lib/domain/project/plan-checks';
import type { ProjectDefinition } from '$lib/domain/project/definition';
import { SYSTEM_ACTOR } from '$lib/server/audit/record-audit';
import { readDatabaseConfig } from '$lib/server/config';
import { openDatabase, type DatabaseHandle, type Engine } from '$lib/server/db';
import { projectDashboard } from '$lib/server/dashboard/project-dashboard';
import { portfolio } from '$lib/server/dashboard/portfolio';
import { templateContext } from '$lib/server/documents/template-context';
import { applyProjectDefinition } from '$lib/server/projects/apply-definition';
import { run } from './main';
import type { SummaryJson } from './commands/summary-output';

/**
 * The dashboard, the final report and `cofund summary --json` read one figures object; this holds
 * them to the same totals and the same planned mobilities on the SOLID demo, as `cofund demo`
 * loads it, and again for a plan that promises more mobilities than its events list.
 */

/** Runs the CLI in this process, as `cofund` would, and gives its exit code and printed lines. */
async function cofund(...args: string[]): Promise<{ code: number; out: string }> {
	const lines: string[] = [];
	const log = vi.spyOn(console, 'log').mockImplementation((line: unknown) => {
		lines.push(String(line));
	});
	try {
		const code = await run(['node', 'cofund', '--lang', 'en', ...args]);
		return { code, out: lines.join('\n') };
	} finally {
		log.mockRestore();
	}
}

/**
 * A database the CLI opens from the environment, as it would on a machine: a data folder for
 * PGlite, a new database on the test server for PostgreSQL. Both keep their audit key in the
 * folder, so the test and the CLI sign with the same one.
 */
const ENV_KEYS = [
	'COFUND_DATA_DIR',
	'COFUND_DEMO_PASSWORD',
	'COFUND_USER',
	'DATABASE_URL'
] as const;

async function cliDatabase(engine: Engine): Promise<{ drop: () => Promise<void> }> {
	const saved = ENV_KEYS.map((key) => [key, process.env[key]] as const);
	const restore = () => {
		for (const [key, value] of saved)
			if (value === undefined) delete process.env[key];
			else process.env[key] = value;
	};
	process.env.COFUND_DATA_DIR = mkdtempSync(join(tmpdir(), 'cofund-figures-'));
	process.env.COFUND_DEMO_PASSWORD = 'demo password for tests';
	process.env.COFUND_USER = '';
	if (engine === 'pglite') {
		process.env.DATABASE_URL = '';
		return { drop: async () => restore() };
	}
	const server = await freshDatabase('postgres');
	const url = new URL(process.env.TEST_DATABASE_URL!);
	url.pathname = `/${server.location}`;
	process.env.DATABASE_URL = url.toString();
	return {
		drop: async () => {
			restore();
			await server.close();
		}
	};
}

/** Opens the CLI's database, works in it and closes it again: PGlite's folder takes one process. */
async function inDatabase<T>(work: (handle: DatabaseHandle) => Promise<T>): Promise<T> {
	const handle = await openDatabase(readDatabaseConfig(), 'figures test');
	try {
		return await work(handle);
	} finally {
		await handle.close();
	}
}

/** What each view says: the dashboard's, the final report's and the CLI's figures, in cents. */
async function threeViews() {
	const { dashboard, report, portfolioPlanned } = await inDatabase(async ({ db }) => ({
		dashboard: (await projectDashboard(db, 'SOLID', '2026-11'))!,
		report: await templateContext(db, {
			project: 'SOLID',
			template: 'final-report',
			lang: 'lv',
			date: '2026-11-24'
		}),
		portfolioPlanned: (await portfolio(db, { id: null, role: 'admin' }, '2026-11')).projects[0]!
			.mobilityPlanned
	}));
	const summary = await cofund(
		'--as',
		'coordinator@cofund.example',
		'summary',
		'--project',
		'SOLID',
		'--json'
	);
	expect(summary.code).toBe(0);
	const json = JSON.parse(summary.out) as SummaryJson;
	const cents = (decimal: string) => Math.round(Number(decimal) * 100);
	return {
		dashboard: {
			total: dashboard.total.actual,
			years: dashboard.years.map((y) => [y.year, y.actual]),
			mobilities: [dashboard.mobility.completed, dashboard.mobility.planned]
		},
		report: {
			total: report.budget!.total.actual,
			years: report.budget!.years.map((y) => [y.year, y.actual]),
			mobilities: [report.mobility!.done, report.mobility!.planned]
		},
		summary: {
			total: cents(json.actual.total),
			years: Object.entries(json.actual.byYear).map(([year, sum]) => [Number(year), cents(sum)]),
			mobilities: [json.mobilities.completed, json.mobilities.planned]
		},
		reportPlanned: report.project.planned_mobilities,
		portfolioPlanned
	};
}

describe.each(ENGINES)('one set of figures in every view, on %s', (engine) => {
	let database: { drop: () => Promise<void> };
	beforeAll(async () => {
		database = await cliDatabase(engine);
		expect((await cofund('demo')).code).toBe(0);
	}, 300_000);
	afterAll(async () => {
		await database?.drop();
	});

	it('gives SOLID as 4184,70 spent (2018 3074,50, 2019 1110,20) and 14 of 15 mobilities everywhere', async () => {
		const views = await threeViews();
		const solid = {
			total: 418470,
			years: [
				[2018, 307450],
				[2019, 111020]
			],
			mobilities: [14, 15]
		};
		expect(views.dashboard).toEqual(solid);
		expect(views.report).toEqual(solid);
		expect(views.summary).toEqual(solid);
		expect([views.reportPlanned, views.portfolioPlanned]).toEqual([15, 15]);
	}, 180_000);

	it('plans the 18 mobilities a plan flagged mobilities-sum promises, in every view', async () => {
		const promised = (d: ProjectDefinition) => void (d.plannedMobilities = 18);
		expect(checkPlan(solidDefinition(promised)).map((f) => f.rule)).toContain('mobilities-sum');
		await inDatabase(({ db }) =>
			applyProjectDefinition(db, solidDefinition(promised), { actor: SYSTEM_ACTOR })
		);
		const views = await threeViews();
		for (const view of [views.dashboard, views.report, views.summary])
			expect(view).toEqual({ ...views.dashboard, total: 418470, mobilities: [14, 18] });
		expect([views.reportPlanned, views.portfolioPlanned]).toEqual([18, 18]);
	}, 180_000);
});
