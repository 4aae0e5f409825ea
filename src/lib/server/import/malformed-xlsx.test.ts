/**
 * The malformed corpus's spreadsheets: files that look like Excel and are not readable (a
 * password-protected workbook, an old .xls, a ZIP of other files, a cut-off archive, an
 * OpenDocument file), and workbooks with what a sheet can hold that a CSV cannot (formula cells,
 * merged or empty header cells, date cells beside text dates, several sheets). PGlite only, as the
 * rest of the corpus.
 */
import { ENGINES, freshDatabase } from '$tests/factories/database';
import { solidDefinition } from '$tests/factories/projects';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MappingProfile } from '$lib/domain/import/profile';
import { fromPackageRoot } from '../package-root';
import { SYSTEM_ACTOR } from '../audit/record-audit';
import type { DatabaseHandle } from '../db';
import { expenses, sourceFiles } from '../db/schema';
import { applyProjectDefinition } from '../projects/apply-definition';
import { bytesSource, fileSource, type ByteSource } from './byte-source';
import { ImportFileError } from './import-errors';
import { loadImportProject } from './import-project';
import { runImport, type ImportProjectRef, type ImportRequest } from './run-import';

const engine = ENGINES[0]!;
const actor = { id: null, email: 'coordinator@example.lv' };
const corpus = (name: string) => fromPackageRoot(`tests/fixtures/malformed/${name}`);
const HEADER = [
	'Datums',
	'Dok. Nr.',
	'Partneris',
	'Apraksts',
	'EKK',
	'Summa EUR',
	'Projekts',
	'Pasākums',
	'Finansējums'
];
const day = (iso: string) => new Date(`${iso}T00:00:00Z`);
/** The sample ledger's first rows, in typed cells. */
const ROWS: ExcelJS.CellValue[][] = [
	[
		day('2018-02-27'),
		'AB-118273',
		'airBaltic Corporation AS',
		'Aviobiļetes',
		2122,
		426.9,
		'SOLID',
		1,
		'ES'
	],
	[
		day('2018-03-05'),
		'DR-0412',
		'SIA Latgales druka',
		'Druka',
		2311,
		38.5,
		'SOLID',
		null,
		'Pašvaldība'
	],
	[
		day('2018-03-09'),
		'BTA-55120',
		'BTA Baltic Insurance',
		'Apdrošināšana',
		2122,
		11.7,
		'SOLID',
		1,
		'Pašvaldība'
	]
];

async function workbook(fill: (book: ExcelJS.Workbook) => void): Promise<Buffer> {
	const book = new ExcelJS.Workbook();
	fill(book);
	return Buffer.from(await book.xlsx.writeBuffer());
}

function ledgerSheet(book: ExcelJS.Workbook, name = 'Grāmatojumi', rows = ROWS) {
	const sheet = book.addWorksheet(name);
	sheet.addRow(HEADER);
	for (const row of rows) sheet.addRow(row);
	sheet.getColumn(1).numFmt = 'dd.mm.yyyy';
	return sheet;
}

describe(`spreadsheets in the malformed corpus on ${engine}`, () => {
	let handle: DatabaseHandle;
	let project: ImportProjectRef;

	beforeAll(async () => {
		handle = await freshDatabase(engine);
		await applyProjectDefinition(handle.db, solidDefinition(), { actor: SYSTEM_ACTOR });
		project = (await loadImportProject(handle.db, 'SOLID'))!;
	});
	afterAll(async () => {
		await handle?.close();
	});

	const run = (
		source: ByteSource,
		mode: ImportRequest['mode'] = 'dry-run',
		profile: MappingProfile = {}
	) =>
		runImport(handle.db, {
			project,
			kind: 'expenses',
			input: { source },
			profile,
			actor,
			mode,
			today: '2026-11-24'
		});
	/** Refused on a dry run and on a commit alike, and nothing kept of it. */
	async function expectRefused(source: ByteSource, failure: Record<string, unknown>) {
		for (const mode of ['dry-run', 'commit'] as const) {
			const error = await run(source, mode).catch((e: unknown) => e);
			expect(error).toBeInstanceOf(ImportFileError);
			expect((error as ImportFileError).failure).toEqual(failure);
		}
		expect(await handle.db.$count(expenses)).toBe(0);
		expect(await handle.db.$count(sourceFiles)).toBe(0);
	}

	it('refuses a password-protected workbook (an encrypted package in an OLE file) by name', async () => {
		await expectRefused(await fileSource(corpus('password-protected.xlsx')), {
			code: 'encrypted-workbook'
		});
	});

	it('refuses an OLE file without an encrypted package as an old Excel file, not as binary', async () => {
		const xls = Buffer.alloc(4096);
		Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(xls);
		Buffer.from('Workbook', 'utf16le').copy(xls, 1024);
		await expectRefused(bytesSource('ledger.xls', xls), { code: 'old-excel' });
	});

	it('refuses a ZIP of other files as no workbook', async () => {
		const zip = new JSZip();
		zip.file('readme.txt', 'Rēķini par 2018. gadu');
		zip.file('ledger.csv', `${HEADER.join(';')}\r\n27.02.2018;A;B;C;2122;426,90;SOLID;1;ES\r\n`);
		const bytes = await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
		await expectRefused(bytesSource('ledger.xlsx', bytes), { code: 'not-a-workbook' });
	});

	it('refuses a cut-off workbook (an .xlsx start under a .csv name) as no readable workbook', async () => {
		await expectRefused(await fileSource(corpus('binary-xlsx.csv')), { code: 'not-a-workbook' });
	});

	it('refuses an OpenDocument spreadsheet, saying to save it as .xlsx or CSV', async () => {
		const zip = new JSZip();
		zip.file('mimetype', 'application/vnd.oasis.opendocument.spreadsheet', {
			compression: 'STORE'
		});
		zip.file('content.xml', '<office:document-content/>');
		const bytes = await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
		await expectRefused(bytesSource('ledger.ods', bytes), { code: 'ods' });
	});

	it('refuses an empty workbook as empty', async () => {
		const bytes = await workbook((book) => book.addWorksheet('Lapa1'));
		await expectRefused(bytesSource('empty.xlsx', bytes), { code: 'empty' });
	});

	it('refuses a sheet the profile names that the workbook does not have, naming its sheets', async () => {
		const bytes = await workbook((book) => {
			book.addWorksheet('Kopsavilkums').addRow(['SOLID, 2018']);
			ledgerSheet(book);
		});
		const error = await run(bytesSource('l.xlsx', bytes), 'dry-run', { sheet: '2019' }).catch(
			(e: unknown) => e
		);
		expect((error as ImportFileError).failure).toEqual({
			code: 'no-such-sheet',
			sheet: '2019',
			sheets: ['Kopsavilkums', 'Grāmatojumi']
		});
	});

	it('reads the first sheet with a header row, or the sheet the profile names', async () => {
		const bytes = await workbook((book) => {
			book.addWorksheet('Kopsavilkums').addRow(['SOLID, 2018', 'Kopā', 476.1]);
			ledgerSheet(book);
			ledgerSheet(book, '2019', ROWS.slice(0, 1));
		});
		const first = await run(bytesSource('l.xlsx', bytes));
		expect(first.dialect.sheet?.name).toBe('Grāmatojumi');
		expect(first.dialect.given.sheet).toBe(false);
		expect(first.report.accepted).toEqual({ count: 3, totalCents: 47710 });
		const named = await run(bytesSource('l.xlsx', bytes), 'dry-run', { sheet: '2019' });
		expect(named.dialect.sheet?.name).toBe('2019');
		expect(named.dialect.given.sheet).toBe(true);
		expect(named.report.accepted).toEqual({ count: 1, totalCents: 42690 });
	});

	it('reads a formula cell by its cached value and names it in the report', async () => {
		const bytes = await workbook((book) => {
			const sheet = ledgerSheet(book);
			sheet.addRow([
				{ formula: 'DATE(2018,3,12)', result: 43171 },
				'AO-2018/031',
				'Inese Kalniņa',
				'Dienas nauda',
				{ formula: '2000+121', result: 2121 },
				{ formula: 'F2/4.743333', result: 90 },
				'SOLID',
				1,
				'Pašvaldība'
			]);
			sheet.getCell('A5').numFmt = 'dd.mm.yyyy';
		});
		const result = await run(bytesSource('formulas.xlsx', bytes));
		expect(result.report.accepted).toEqual({ count: 4, totalCents: 56710 });
		expect(result.preview[3]).toEqual({
			line: 5,
			cells: [
				'2018-03-12',
				'AO-2018/031',
				'Inese Kalniņa',
				'Dienas nauda',
				'2121',
				'90',
				'SOLID',
				'1',
				'Pašvaldība'
			]
		});
		expect(result.dialect.sheet?.formulas).toEqual({ count: 3, cells: ['A5', 'E5', 'F5'] });
	});

	it('warns of merged header cells, and does not count a merged title above the header', async () => {
		const bytes = await workbook((book) => {
			const sheet = book.addWorksheet('Grāmatojumi');
			sheet.addRow(['SOLID: grāmatojumi 2018']);
			sheet.addRow([...HEADER.slice(0, 5), 'Summa', '', ...HEADER.slice(6)]);
			for (const row of ROWS) sheet.addRow([...row.slice(0, 6), null, ...row.slice(6)]);
			sheet.mergeCells('A1:J1');
			sheet.mergeCells('F2:G2');
		});
		const result = await run(bytesSource('merged.xlsx', bytes));
		expect(result.report.accepted).toEqual({ count: 3, totalCents: 47710 });
		expect(result.dialect.preamble).toBe(1);
		expect(result.dialect.sheet).toMatchObject({ mergedHeader: ['F2:G2'], emptyHeader: [] });
	});

	it('warns of an empty header cell, naming it', async () => {
		const bytes = await workbook((book) => {
			const sheet = book.addWorksheet('Grāmatojumi');
			sheet.addRow([...HEADER.slice(0, 3), null, ...HEADER.slice(4)]);
			for (const row of ROWS) sheet.addRow(row);
		});
		const result = await run(bytesSource('empty-header.xlsx', bytes));
		expect(result.report.accepted).toEqual({ count: 3, totalCents: 47710 });
		expect(result.dialect.sheet).toMatchObject({ mergedHeader: [], emptyHeader: ['D1'] });
		expect(result.dialect.columns.description).toBeUndefined();
	});

	it('reads date cells and text dates in one column, and number cells beside text amounts', async () => {
		const bytes = await workbook((book) =>
			ledgerSheet(book, 'Grāmatojumi', [
				ROWS[0]!,
				[
					'05.03.2018',
					'DR-0412',
					'SIA Latgales druka',
					'Druka',
					2311,
					'38,50',
					'SOLID',
					null,
					'ES'
				],
				// A number cell is its value, whatever the text cells' decimal comma would make of it.
				[day('2018-03-09'), 'BTA-1', 'BTA', 'Apdrošināšana', 2122, 1234.5, 'SOLID', 1, 'ES'],
				[day('2018-03-10'), 'BTA-2', 'BTA', 'Apdrošināšana', 2122, 1.234, 'SOLID', 1, 'ES'],
				['2018-03-11', 'BTA-3', 'BTA', 'Apdrošināšana', 2122, '1.234,50', 'SOLID', 1, 'ES']
			])
		);
		const result = await run(bytesSource('mixed.xlsx', bytes));
		// Detected from the text cells only: "05.03.2018" and "2018-03-11", "38,50" and "1.234,50".
		expect(result.dialect.decimal).toBe('comma');
		expect(result.dialect.dateFormats.sort()).toEqual(['dd.mm.yyyy', 'yyyy-mm-dd']);
		expect(result.report.accepted).toEqual({
			count: 4,
			totalCents: 42690 + 3850 + 123450 + 123450
		});
		expect(result.report.rejected.rows).toEqual([
			{ line: 5, problems: [{ field: 'amount', code: 'amount-decimals', value: '1.234' }] }
		]);
	});
});
