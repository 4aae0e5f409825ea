/**
 * The SOLID ledger from an Excel workbook (date cells, number cells) imports as its CSV does: the
 * same records, the same accepted total, the same row identities, so a re-import of the CSV after
 * the workbook adds nothing. Both engines.
 */
import { ENGINES, freshDatabase } from '$tests/factories/database';
import { solidDefinition } from '$tests/factories/projects';
import { ledgerWorkbook } from '$tests/fixtures/imports/ledger-xlsx';
import { asc } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fromPackageRoot } from '../package-root';
import { SYSTEM_ACTOR } from '../audit/record-audit';
import type { DatabaseHandle } from '../db';
import { expenses } from '../db/schema';
import { applyProjectDefinition } from '../projects/apply-definition';
import { bytesSource, fileSource, type ByteSource } from './byte-source';
import { loadImportProject } from './import-project';
import { runImport, type ImportRequest } from './run-import';

const actor = { id: null, email: 'coordinator@example.lv' };

describe.each(ENGINES)('the SOLID ledger from an Excel workbook on %s', (engine) => {
	let handle: DatabaseHandle;
	let workbook: Buffer;
	const run = async (source: ByteSource, mode: ImportRequest['mode']) =>
		runImport(handle.db, {
			project: (await loadImportProject(handle.db, 'SOLID'))!,
			kind: 'expenses',
			input: { source },
			profile: {},
			actor,
			mode,
			today: '2026-11-24'
		});
	const csv = () => fileSource(fromPackageRoot('static/samples/solid/ledger.csv'));
	const xlsx = () => bytesSource('ledger.xlsx', workbook);
	const rows = (db = handle.db) =>
		db
			.select({
				line: expenses.line,
				rowKey: expenses.rowKey,
				occurrence: expenses.occurrence,
				date: expenses.date,
				amountCents: expenses.amountCents,
				documentNumber: expenses.documentNumber,
				payee: expenses.payee,
				description: expenses.description,
				category: expenses.category,
				eventNumber: expenses.eventNumber,
				fundingSource: expenses.fundingSource
			})
			.from(expenses)
			.orderBy(asc(expenses.line));

	beforeAll(async () => {
		handle = await freshDatabase(engine);
		await applyProjectDefinition(handle.db, solidDefinition(), { actor: SYSTEM_ACTOR });
		workbook = await ledgerWorkbook();
	});
	afterAll(async () => {
		await handle?.close();
	});

	it('checks to the same summary as the CSV, read as a workbook sheet', async () => {
		const fromCsv = await run(await csv(), 'dry-run');
		const fromXlsx = await run(xlsx(), 'dry-run');
		expect(fromXlsx.report).toEqual(fromCsv.report);
		expect(fromXlsx.report.records).toBe(33);
		expect(fromXlsx.report.accepted).toEqual({ count: 33, totalCents: 418470 });
		expect(fromXlsx.dialect.sheet).toEqual({
			name: 'Grāmatojumi',
			sheets: ['Grāmatojumi'],
			formulas: { count: 0, cells: [] },
			mergedHeader: [],
			emptyHeader: []
		});
		expect(fromXlsx.dialect.columns).toEqual(fromCsv.dialect.columns);
		// The amounts are number cells: nothing was left to tell the decimal mark by.
		expect(fromXlsx.dialect.dateFormats).toEqual([]);
		expect(fromXlsx.preview[0]).toEqual({
			line: 2,
			cells: [
				'2018-02-27',
				'AB-118273',
				'airBaltic Corporation AS',
				'Aviobiļetes Rīga–Brisele–Rīga, 3 pers. (SOLID kick-off)',
				'2122',
				'426.9',
				'SOLID',
				'1',
				'ES'
			]
		});
	});

	it('commits the workbook with the rows the CSV gives, and a re-import of the CSV adds nothing', async () => {
		const committed = await run(xlsx(), 'commit');
		expect(committed.committed).toBe(true);
		expect(committed.report.accepted).toEqual({ count: 33, totalCents: 418470 });
		const fromWorkbook = await rows();

		const again = await run(await csv(), 'commit').catch((error: unknown) => error);
		expect(again).toMatchObject({ failure: { code: 'nothing-to-commit' } });
		const check = await run(await csv(), 'dry-run');
		expect(check.report.accepted.count).toBe(0);
		expect(check.report.setAside.byReason.duplicate).toEqual({ count: 33, totalCents: 418470 });
		expect(await rows()).toEqual(fromWorkbook);

		// The rows are the CSV's own: committed from the CSV into a fresh project, they match.
		const other = await freshDatabase(engine);
		try {
			await applyProjectDefinition(other.db, solidDefinition(), { actor: SYSTEM_ACTOR });
			await runImport(other.db, {
				project: (await loadImportProject(other.db, 'SOLID'))!,
				kind: 'expenses',
				input: { source: await csv() },
				profile: {},
				actor,
				mode: 'commit',
				today: '2026-11-24'
			});
			const fromCsv = await rows(other.db);
			expect(fromCsv).toEqual(fromWorkbook);
		} finally {
			await other.close();
		}
	});

	it('adds nothing when the workbook comes again after the CSV', async () => {
		const check = await run(xlsx(), 'dry-run');
		expect(check.report.accepted.count).toBe(0);
		expect(check.report.setAside.byReason.duplicate.count).toBe(33);
	});
});
