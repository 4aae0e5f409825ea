/**
 * A Windows-1257 ledger from another accounting system (tests/fixtures/imports, written by
 * make-ledger-1257.ts): Latvian headers unlike the sample's, NBSP-grouped amounts, dates with a
 * trailing dot, rows of three projects and a "Kopā" line. Imported into SOLID, every record must
 * be accounted for and every letter kept. The expected figures are the fixture's rows, added up
 * here by hand.
 */
import { ENGINES, freshDatabase } from '$tests/factories/database';
import { solidDefinition } from '$tests/factories/projects';
import { asc, eq } from 'drizzle-orm';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkBalance } from '$lib/domain/import/report';
import { fromPackageRoot } from '../package-root';
import { SYSTEM_ACTOR } from '../audit/record-audit';
import type { DatabaseHandle } from '../db';
import { expenses } from '../db/schema';
import { applyProjectDefinition } from '../projects/apply-definition';
import { fileSource } from './byte-source';
import { loadImportProject } from './import-project';
import { runImport, type ImportRequest } from './run-import';

const actor = { id: null, email: 'coordinator@example.lv' };
const LEDGER = fromPackageRoot('tests/fixtures/imports/ledger-1257-multi-project.csv');

/** SOLID's rows as the fixture has them: file line, document, payee, amount in cents. */
const SOLID_ROWS: [line: number, document: string, payee: string, cents: number][] = [
	[2, 'AB-118273', 'airBaltic Corporation AS', 42690],
	[4, 'DR-0412', 'SIA „Latgales druka”', 3850],
	[5, 'AO-2018/031', 'Inese Kalniņa', 9000],
	[6, 'AO-2018/032', 'Jānis Bērziņš', 9000],
	[8, 'HTL-30311', 'Viesnīca „Jette Palace”', 28800],
	[9, 'AB-120554', 'airBaltic Corporation AS', 101100],
	[11, 'AO-2018/071', 'Ģirts Ķeņģis', 8000],
	[13, 'AB-124980', 'airBaltic Corporation AS', 46360],
	[14, 'AB-124980-K', 'airBaltic Corporation AS', -19000],
	[15, 'AO-2018/101', 'Natālija Žukova', 9000]
];
/** The other projects' rows: CITY-LAB 2 480,00 and 150,00; ROADS 12 345,67 and 7 654,33. */
const OTHER_PROJECT_CENTS = [248000, 15000, 1234567, 765433];
/** What the "Kopā" line on line 16 says: 25 018,00. */
const STATED_TOTAL_CENTS = 2501800;

const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);
const SOLID_CENTS = 238800; // 2 388,00 EUR
const OTHER_CENTS = 2263000; // 2 630,00 + 20 000,00 EUR

describe.each(ENGINES)('a Windows-1257 ledger of several projects on %s', (engine) => {
	let handle: DatabaseHandle;
	const run = async (mode: ImportRequest['mode']) =>
		runImport(handle.db, {
			project: (await loadImportProject(handle.db, 'SOLID'))!,
			kind: 'expenses',
			input: { source: await fileSource(LEDGER) },
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

	it('has a totals line equal to the sum of its rows', () => {
		// The fixture itself, checked by hand: the figures the import is held to below.
		expect(sum(SOLID_ROWS.map(([, , , cents]) => cents))).toBe(SOLID_CENTS);
		expect(sum(OTHER_PROJECT_CENTS)).toBe(OTHER_CENTS);
		expect(SOLID_CENTS + OTHER_CENTS).toBe(STATED_TOTAL_CENTS);
	});

	it('dry-runs: Windows-1257 detected, every record accounted for, nothing written', async () => {
		const result = await run('dry-run');
		expect(result.dialect).toMatchObject({
			encoding: 'windows-1257',
			bom: false,
			delimiter: ';',
			newline: '\r\n',
			decimal: 'comma',
			preamble: 0,
			ignored: [],
			columns: {
				date: { column: 1, header: 'Grāmatošanas datums' },
				documentNumber: { column: 2, header: 'Dokumenta numurs' },
				payee: { column: 3, header: 'Piegādātājs' },
				description: { column: 4, header: 'Maksājuma mērķis' },
				category: { column: 5, header: 'EKK kods' },
				amount: { column: 6, header: 'Summa' },
				projectCode: { column: 7, header: 'Projekta kods' },
				event: { column: 8, header: 'Pasākuma nr.' },
				fundingSource: { column: 9, header: 'Finansējuma avots' }
			}
		});

		const { report } = result;
		expect(report.records).toBe(15);
		expect(report.accepted).toEqual({ count: 10, totalCents: SOLID_CENTS });
		expect(report.rejected).toEqual({ count: 0, totalCents: 0, rows: [] });
		expect(report.setAside.byReason).toEqual({
			blank: { count: 0, totalCents: 0 },
			totals: { count: 1, totalCents: STATED_TOTAL_CENTS },
			'other-project': { count: 4, totalCents: OTHER_CENTS },
			duplicate: { count: 0, totalCents: 0 }
		});
		expect(report.setAside.count).toBe(5);
		expect(report.unmatched.count).toBe(0);
		expect(checkBalance(report)).toBe(true);
		expect(report.accepted.count + report.rejected.count + report.setAside.count).toBe(
			report.records
		);
		// The control total: the rows of the file add up to what its "Kopā" line states.
		expect(report.fileTotalCents).toBe(STATED_TOTAL_CENTS);
		expect(report.setAside.byReason.totals.totalCents).toBe(report.fileTotalCents);

		expect(await handle.db.$count(expenses)).toBe(0);
	});

	it('commits SOLID’s rows with every diacritic intact, and keeps the original bytes', async () => {
		const result = await run('commit');
		expect(result.committed).toBe(true);
		expect(result.sha256).toBe(createHash('sha256').update(readFileSync(LEDGER)).digest('hex'));

		const stored = await handle.db
			.select({
				line: expenses.line,
				documentNumber: expenses.documentNumber,
				payee: expenses.payee,
				amountCents: expenses.amountCents
			})
			.from(expenses)
			.where(eq(expenses.batchId, result.batchId!))
			.orderBy(asc(expenses.line));
		expect(stored.map((r) => [r.line, r.documentNumber, r.payee, r.amountCents])).toEqual(
			SOLID_ROWS
		);

		const [creditNote] = await handle.db
			.select({ description: expenses.description, date: expenses.date })
			.from(expenses)
			.where(eq(expenses.documentNumber, 'AB-124980-K'));
		expect(creditNote).toEqual({
			description: 'Kredītrēķins: atcelta 1 biļete (slimība)',
			date: '2018-10-05'
		});
	});

	it('counts nothing twice when the same ledger comes again', async () => {
		const result = await run('dry-run');
		expect(result.report.accepted).toEqual({ count: 0, totalCents: 0 });
		expect(result.report.setAside.byReason.duplicate).toEqual({
			count: 10,
			totalCents: SOLID_CENTS
		});
		expect(result.report.setAside.byReason['other-project']).toEqual({
			count: 4,
			totalCents: OTHER_CENTS
		});
		expect(checkBalance(result.report)).toBe(true);
		expect(await handle.db.$count(expenses)).toBe(10);
	});
});
