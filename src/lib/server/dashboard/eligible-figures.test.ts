import { ENGINES, freshDatabase } from '$tests/factories/database';
import { recordFindings, SOLID_CONTROL } from '$tests/factories/findings';
import { importGeneratedLedger, importSample } from '$tests/factories/imports';
import { solidDefinition } from '$tests/factories/projects';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { summaryJson } from '../../../cli/commands/summary-output';
import { SYSTEM_ACTOR } from '../audit/record-audit';
import type { DatabaseHandle } from '../db';
import { loadImportProject } from '../import/import-project';
import { revertImport } from '../import/revert-import';
import { applyProjectDefinition } from '../projects/apply-definition';
import { expensesCsv } from './expenses-csv';
import { portfolio } from './portfolio';
import { projectDashboard } from './project-dashboard';
import { loadProjectFigures } from './project-figures';

/** SOLID's sample ledger, 8 rows verified, 20,00 EUR deducted on one and one queried. */
const SOLID_TOTAL = {
	declared: 418470,
	verified: 108010,
	queried: 2700,
	ineligible: 2000,
	unchecked: 418470 - 108010 - 2700 - 101100,
	eligible: 416470,
	rows: 33,
	checkedRows: 10
};

describe.each(ENGINES)('eligible against declared on %s', (engine) => {
	let handle: DatabaseHandle;
	beforeAll(async () => {
		handle = await freshDatabase(engine);
		await applyProjectDefinition(handle.db, solidDefinition(), { actor: SYSTEM_ACTOR });
		await importSample(handle.db, 'expenses');
		await recordFindings(handle.db, 'SOLID', SOLID_CONTROL);
	});
	afterAll(async () => {
		await handle?.close();
	});

	it('shows 4184.70 declared and 4164.70 eligible on the dashboard, per year, code and event', async () => {
		const { control } = (await projectDashboard(handle.db, 'SOLID', '2026-11'))!;
		expect(control.total).toEqual(SOLID_TOTAL);
		expect(control.years.map((y) => [y.year, y.declared, y.ineligible, y.eligible])).toEqual([
			[2018, 307450, 2000, 305450],
			[2019, 111020, 0, 111020]
		]);
		expect(control.byCategory.find((c) => c.category === '2122')).toMatchObject({
			ineligible: 2000,
			queried: 2700
		});
		expect(control.byEvent.find((e) => e.event === 2)).toMatchObject({ ineligible: 2000 });
		expect(control.byEvent.find((e) => e.event === null)).toMatchObject({ verified: 3850 });
	});

	it('shows the same amounts per project and in total on the portfolio', async () => {
		const view = await portfolio(handle.db, { id: null, role: 'admin' }, '2026-11');
		expect(view.projects.find((p) => p.code === 'SOLID')!.control).toEqual(SOLID_TOTAL);
		expect(view.control.total).toEqual(SOLID_TOTAL);
		expect(view.control.years.map((y) => [y.year, y.eligible])).toEqual([
			[2018, 305450],
			[2019, 111020]
		]);
	});

	it('gives the same amounts in `cofund summary --json`', async () => {
		const { definition, figures } = (await loadProjectFigures(handle.db, 'SOLID'))!;
		const json = summaryJson(definition, figures).control;
		expect(json.total).toMatchObject({
			declared: '4184.70',
			verified: '1080.10',
			queried: '27.00',
			ineligible: '20.00',
			eligible: '4164.70'
		});
		expect(json.byYear['2018']).toMatchObject({ declared: '3074.50', eligible: '3054.50' });
		expect(json.byCategory['2122']).toMatchObject({ ineligible: '20.00' });
		expect(json.byEvent['2']).toMatchObject({ ineligible: '20.00' });
	});

	it('writes each row with its finding, deduction and eligible amount in the expenses CSV', async () => {
		const project = (await loadImportProject(handle.db, 'SOLID'))!;
		let csv = '';
		for await (const part of expensesCsv(handle.db, project.id, 'en')) csv += part;
		const lines = csv.slice(1).trimEnd().split('\r\n');
		expect(lines[0]).toContain(',Amount,Currency,Finding,Deducted,Eligible amount,File,Line');
		const row = (document: string) => lines.find((l) => l.includes(`,${document},`));
		expect(row('AB-120554')).toContain(',1011,EUR,ineligible,20,991,ledger.csv,');
		expect(row('BTA-57302')).toContain(',27,EUR,queried,0,27,ledger.csv,');
		expect(row('AB-118273')).toContain(',426.9,EUR,verified,0,426.9,ledger.csv,');
		let lv = '';
		for await (const part of expensesCsv(handle.db, project.id, 'lv')) lv += part;
		expect(lv).toContain(';1011;EUR;neattiecināms;20;991;ledger.csv;');
	});

	it('refuses to revert an import whose rows carry findings, and counts a reverted row nowhere', async () => {
		const project = (await loadImportProject(handle.db, 'SOLID'))!;
		const extra = await importGeneratedLedger(handle.db, 2);
		await recordFindings(handle.db, 'SOLID', [
			{ document: 'GEN-00000', state: 'ineligible', deductedCents: 500 }
		]);
		const before = (await projectDashboard(handle.db, 'SOLID', '2026-11'))!.control.total;
		expect(before.ineligible).toBe(2500);
		// Reverted and imported again, the rows would come back without the deduction.
		expect(await revertImport(handle.db, extra.batchId!, project.id, SYSTEM_ACTOR)).toEqual({
			status: 'has-findings',
			rows: 1
		});
		expect((await projectDashboard(handle.db, 'SOLID', '2026-11'))!.control.total).toEqual(before);
		// Once the auditor clears it, the import reverts and its rows count nowhere.
		await handle.db.execute(
			sql`delete from expense_findings where expense_id in (select id from expenses where batch_id = ${extra.batchId!})`
		);
		expect(await revertImport(handle.db, extra.batchId!, project.id, SYSTEM_ACTOR)).toMatchObject({
			status: 'reverted'
		});
		const after = (await projectDashboard(handle.db, 'SOLID', '2026-11'))!.control.total;
		expect(after).toEqual(SOLID_TOTAL);
	});
});
