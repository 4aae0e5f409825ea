/**
 * The malformed corpus (tests/fixtures/malformed, described in its README): every odd export is
 * either refused as a whole with a clear code, or imported with an exact report, and no run leaves
 * a half-written row behind. PGlite only, to keep the corpus quick; the engines are compared by the
 * other import suites.
 */
import { ECHOED_TEXT } from '$lib/domain/import/echo';
import { ENGINES, freshDatabase } from '$tests/factories/database';
import { solidDefinition } from '$tests/factories/projects';
import { eq } from 'drizzle-orm';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RejectedRow, UnmatchedRow, ImportReport } from '$lib/domain/import/report';
import { checkBalance } from '$lib/domain/import/report';
import type { RowProblem, SetAsideReason } from '$lib/domain/import/classify';
import type { MappingProfile } from '$lib/domain/import/profile';
import { fromPackageRoot } from '../package-root';
import { SYSTEM_ACTOR } from '../audit/record-audit';
import type { DatabaseHandle } from '../db';
import {
	auditEvents,
	expenses,
	importBatches,
	participations,
	sourceFileChunks,
	sourceFiles
} from '../db/schema';
import { applyProjectDefinition } from '../projects/apply-definition';
import { fileSource } from './byte-source';
import { ImportFileError, type ImportFailure } from './import-errors';
import { loadImportProject } from './import-project';
import {
	runImport,
	type ImportProjectRef,
	type ImportRequest,
	type ImportResult
} from './run-import';

const engine = ENGINES[0]!;
const actor = { id: null, email: 'coordinator@example.lv' };
const TODAY = '2026-11-24';
const corpus = (name: string) => fromPackageRoot(`tests/fixtures/malformed/${name}`);

/** The sample ledger's header, as the generated files write it. */
const LEDGER_HEADER =
	'Datums;Dok. Nr.;Partneris;Apraksts;EKK;Summa EUR;Projekts;Pasākums;Finansējums';
const MiB = 1024 * 1024;

interface RunOptions {
	kind?: ImportRequest['kind'];
	profile?: MappingProfile;
	skipRejected?: boolean;
	/** A file outside the corpus folder, such as a generated one. */
	path?: string;
}

type Expected = {
	kind?: ImportReport['kind'];
	records: number;
	accepted: [count: number, cents: number];
	rejected?: { cents?: number; rows: RejectedRow[] };
	setAside?: Partial<Record<SetAsideReason, [count: number, cents: number]>>;
	unmatched?: UnmatchedRow[];
	statuses?: ImportReport['statuses'];
	fileTotalCents: number;
};

/** A failure's code with the numbers a test states. */
type ExpectedFailure = Partial<ImportFailure> & { code: ImportFailure['code'] };

/** The parts of a report every test states in full. */
type ReportParts = Pick<
	ImportReport,
	| 'kind'
	| 'records'
	| 'accepted'
	| 'rejected'
	| 'setAside'
	| 'unmatched'
	| 'statuses'
	| 'fileTotalCents'
>;

/** A report from the few numbers a test states; everything it leaves out is zero. */
function report(e: Expected): ReportParts {
	const reasons: SetAsideReason[] = ['blank', 'totals', 'other-project', 'duplicate'];
	const byReason = Object.fromEntries(
		reasons.map((reason) => {
			const [count, totalCents] = e.setAside?.[reason] ?? [0, 0];
			return [reason, { count, totalCents }];
		})
	) as ImportReport['setAside']['byReason'];
	const setAside = Object.values(byReason);
	return {
		kind: e.kind ?? 'expenses',
		records: e.records,
		accepted: { count: e.accepted[0], totalCents: e.accepted[1] },
		rejected: {
			count: e.rejected?.rows.length ?? 0,
			totalCents: e.rejected?.cents ?? 0,
			rows: e.rejected?.rows ?? []
		},
		setAside: {
			count: setAside.reduce((n, t) => n + t.count, 0),
			totalCents: setAside.reduce((n, t) => n + t.totalCents, 0),
			byReason
		},
		unmatched: { count: e.unmatched?.length ?? 0, rows: e.unmatched ?? [] },
		statuses: e.statuses ?? { done: 0, cancelled: 0 },
		fileTotalCents: e.fileTotalCents
	};
}

/** A rejected line with its one problem. */
const rejectedLine = (
	line: number,
	field: RowProblem['field'],
	code: RowProblem['code'],
	value: string,
	expected?: string
): RejectedRow => ({
	line,
	problems: [{ field, code, value, ...(expected === undefined ? {} : { expected }) }]
});

describe(`the malformed corpus on ${engine}`, () => {
	let handle: DatabaseHandle;
	let project: ImportProjectRef;
	let scratch: string;

	beforeAll(async () => {
		handle = await freshDatabase(engine);
		await applyProjectDefinition(handle.db, solidDefinition(), { actor: SYSTEM_ACTOR });
		project = (await loadImportProject(handle.db, 'SOLID'))!;
		scratch = await mkdtemp(join(tmpdir(), 'cofund-malformed-'));
	});
	afterAll(async () => {
		await handle?.close();
		if (scratch) await rm(scratch, { recursive: true, force: true });
	});

	const run = async (name: string, mode: ImportRequest['mode'], options: RunOptions = {}) =>
		runImport(handle.db, {
			project,
			kind: options.kind ?? (name.startsWith('travel-') ? 'participation' : 'expenses'),
			input: { source: await fileSource(options.path ?? corpus(name), name) },
			profile: options.profile ?? {},
			actor,
			mode,
			skipRejected: options.skipRejected,
			today: TODAY
		});

	/** Every table an import writes to, counted. */
	const counts = async () => ({
		expenses: await handle.db.$count(expenses),
		participations: await handle.db.$count(participations),
		importBatches: await handle.db.$count(importBatches),
		sourceFiles: await handle.db.$count(sourceFiles),
		sourceFileChunks: await handle.db.$count(sourceFileChunks),
		auditEvents: await handle.db.$count(auditEvents)
	});

	/** The failure a run was refused with; anything but an ImportFileError fails the test as it is. */
	async function refusal(running: Promise<ImportResult>): Promise<ImportFailure> {
		try {
			await running;
		} catch (error) {
			if (error instanceof ImportFileError) return error.failure;
			throw error;
		}
		throw new Error('the import was not refused');
	}

	/**
	 * A dry run and a commit are both refused with `failure`, and the database is as it was. The
	 * code and the numbers given must match exactly; what else a failure carries for the screen
	 * (such as the header row read) is left to the tests of that screen.
	 */
	async function expectRefused(name: string, failure: ExpectedFailure, options: RunOptions = {}) {
		const before = await counts();
		expect(await refusal(run(name, 'dry-run', options))).toMatchObject(failure);
		expect(await refusal(run(name, 'commit', options))).toMatchObject(failure);
		expect(await counts()).toEqual(before);
	}

	/**
	 * A dry run: its report balances and nothing is written. When it rejected rows, a commit that
	 * does not skip them is refused and writes nothing either.
	 */
	async function dryRun(name: string, options: RunOptions = {}): Promise<ImportResult> {
		const before = await counts();
		const result = await run(name, 'dry-run', options);
		expect(result.committed).toBe(false);
		const { report } = result;
		expect(checkBalance(report)).toBe(true);
		expect(report.accepted.count + report.rejected.count + report.setAside.count).toBe(
			report.records
		);
		expect(await counts()).toEqual(before);
		if (report.rejected.count > 0) {
			expect(await refusal(run(name, 'commit', options))).toMatchObject({
				code: 'has-rejected',
				rejected: report.rejected.count
			});
			expect(await counts()).toEqual(before);
		}
		return result;
	}

	/** The sample ledger's dialect, which most of the corpus keeps. */
	const SAMPLE_DIALECT = {
		encoding: 'utf-8',
		bom: true,
		delimiter: ';',
		newline: '\r\n',
		decimal: 'comma'
	} as const;

	// Refused as a whole.

	it('refuses an empty file', async () => {
		await expectRefused('empty.csv', { code: 'empty' });
	});

	it('refuses a header with no records under it', async () => {
		await expectRefused('header-only.csv', { code: 'no-records' });
	});

	it('refuses a file of blank lines as empty', async () => {
		await expectRefused('blank-lines.csv', { code: 'empty' });
	});

	it('refuses a file of empty spreadsheet rows (only delimiters) as empty', async () => {
		await expectRefused('delimiters-only.csv', { code: 'empty' });
	});

	it('refuses a PNG image named .csv as binary', async () => {
		await expectRefused('binary-png.csv', { code: 'binary' });
	});

	it('refuses a cut-off .xlsx (ZIP) named .csv as no readable workbook, told by its bytes', async () => {
		await expectRefused('binary-xlsx.csv', { code: 'not-a-workbook' });
	});

	it('refuses UTF-16LE text with a BOM', async () => {
		await expectRefused('utf16le-bom.csv', { code: 'utf-16' });
	});

	it('refuses Windows-1257 bytes that a profile says are UTF-8, at the first bad line', async () => {
		await expectRefused(
			'windows-1257-as-utf8.csv',
			{ code: 'encoding-mismatch', encoding: 'utf-8', line: 3 },
			{ profile: { encoding: 'utf-8' } }
		);
		// Left to detection, the same bytes read as what they are.
		const result = await dryRun('windows-1257-as-utf8.csv');
		expect(result.dialect).toMatchObject({ encoding: 'windows-1257', bom: false });
		expect(result.report).toMatchObject(
			report({ records: 2, accepted: [2, 51690], fileTotalCents: 51690 })
		);
	});

	it('refuses UTF-8 with one invalid byte at its line, rather than reading it as a code page', async () => {
		await expectRefused('invalid-utf8-middle.csv', {
			code: 'encoding-mismatch',
			encoding: 'utf-8',
			line: 4
		});
	});

	it('refuses UTF-8 with a BOM and one invalid byte at its line', async () => {
		await expectRefused('invalid-utf8-middle-bom.csv', {
			code: 'encoding-mismatch',
			encoding: 'utf-8',
			line: 4
		});
	});

	it('refuses a quote that never closes, at the line it opens on', async () => {
		await expectRefused('unterminated-quote.csv', { code: 'unterminated-quote', line: 3 });
	});

	it('refuses a duplicated amount column, naming both columns', async () => {
		await expectRefused('duplicate-headers.csv', {
			code: 'header',
			problems: [
				{ code: 'duplicate-column', field: 'amount', header: 'Summa EUR', columns: [6, 7] }
			]
		});
	});

	it('refuses a header of unknown names: no date, no amount', async () => {
		const headers = ['Kolonna A', 'Kolonna B', 'Kolonna C'];
		await expectRefused('unknown-headers.csv', {
			code: 'header',
			problems: [
				{ code: 'missing-field', field: 'date', headers },
				{ code: 'missing-field', field: 'amount', headers }
			]
		});
	});

	it('refuses a header without an amount column', async () => {
		await expectRefused('missing-required-column.csv', {
			code: 'header',
			problems: [
				{
					code: 'missing-field',
					field: 'amount',
					headers: ['Datums', 'Dok. Nr.', 'Partneris', 'Apraksts', 'EKK', 'Projekts']
				}
			]
		});
	});

	it('refuses a NUL byte in the middle of a text file as binary', async () => {
		await expectRefused('nul-in-middle.csv', { code: 'binary' });
	});

	it('refuses a NUL byte past the sniffed start of the file as binary, not with a database error', async () => {
		const row = (n: number) =>
			`05.03.2018;DR-${String(n).padStart(4, '0')};SIA Latgales druka;Druka;2311;1,00;SOLID;;Pašvaldība`;
		const rows = Array.from({ length: 1500 }, (_, i) => row(i + 1));
		// Row 1201 is line 1202, about 90 KB in: well past the first 64 KiB that sniffing reads.
		rows[1200] = rows[1200]!.replace(';Druka;', ';Dru\u0000ka;');
		const path = join(scratch, 'nul-late.csv');
		await writeFile(path, '\ufeff' + [LEDGER_HEADER, ...rows].join('\r\n') + '\r\n');
		await expectRefused('nul-late.csv', { code: 'binary' }, { path });
	});

	it('refuses a 10 MB single line as having no header, and keeps none of its bytes', async () => {
		const path = join(scratch, 'single-line.csv');
		const line = 'a'.repeat(10 * MiB);
		await writeFile(path, line);
		const before = await counts();
		for (const mode of ['dry-run', 'commit'] as const) {
			const failure = await refusal(run('single-line.csv', mode, { path }));
			expect(failure.code).toBe('header');
			// The problems, with the one 10 MiB "header" echoed only as its first characters.
			const problems = failure.code === 'header' ? failure.problems : [];
			expect(
				problems.map((p) =>
					p.code === 'missing-field'
						? { ...p, headers: p.headers.map((h) => h.length) }
						: { code: p.code }
				)
			).toEqual([
				{ code: 'missing-field', field: 'date', headers: [ECHOED_TEXT] },
				{ code: 'missing-field', field: 'amount', headers: [ECHOED_TEXT] }
			]);
		}
		expect(await counts()).toEqual(before);
	});

	// Imported, with every record accounted for.

	it('rejects ragged rows (too few, too many fields) and accepts the rest', async () => {
		const result = await dryRun('ragged-rows.csv');
		expect(result.report).toMatchObject(
			report({
				records: 5,
				accepted: [3, 47710],
				rejected: {
					rows: [
						rejectedLine(3, null, 'field-count', '5', '9'),
						rejectedLine(5, null, 'field-count', '11', '9')
					]
				},
				fileTotalCents: 47710
			})
		);
	});

	it('keeps formula-looking text as plain text and rejects a formula as an amount', async () => {
		const result = await dryRun('formula-fields.csv');
		expect(result.report).toMatchObject(
			report({
				records: 5,
				accepted: [4, 10000],
				rejected: { rows: [rejectedLine(6, 'amount', 'amount-invalid', '=1+2')] },
				fileTotalCents: 10000
			})
		);

		const before = await counts();
		const committed = await run('formula-fields.csv', 'commit', { skipRejected: true });
		expect(committed.report.accepted).toEqual({ count: 4, totalCents: 10000 });
		expect(await counts()).toEqual({
			...before,
			expenses: before.expenses + 4,
			importBatches: before.importBatches + 1,
			sourceFiles: before.sourceFiles + 1,
			sourceFileChunks: before.sourceFileChunks + 1,
			auditEvents: before.auditEvents + 1
		});
		const stored = await handle.db
			.select({
				line: expenses.line,
				payee: expenses.payee,
				description: expenses.description,
				amountCents: expenses.amountCents
			})
			.from(expenses)
			.where(eq(expenses.batchId, committed.batchId!))
			.orderBy(expenses.line);
		expect(stored).toEqual([
			{
				line: 2,
				payee: 'SIA Formula',
				description: '=HYPERLINK("http://evil.example/x","Rēķins")',
				amountCents: 1000
			},
			{
				line: 3,
				payee: "+cmd|' /C calc'!A0",
				description: 'Kancelejas preces',
				amountCents: 2000
			},
			{ line: 4, payee: 'SIA Formula', description: '-2+3', amountCents: 3000 },
			{ line: 5, payee: 'SIA Formula', description: '@SUM(A1:A9)', amountCents: 4000 }
		]);
	});

	it('rejects a date after today and accepts one dated today', async () => {
		const result = await dryRun('future-date.csv');
		expect(result.report).toMatchObject(
			report({
				records: 3,
				accepted: [2, 43890],
				rejected: { cents: 3850, rows: [rejectedLine(3, 'date', 'date-future', '01.12.2026')] },
				fileTotalCents: 47740
			})
		);
	});

	it('rejects amounts with letters and accepts ones with a currency sign', async () => {
		const result = await dryRun('amount-letters.csv');
		expect(result.report).toMatchObject(
			report({
				records: 5,
				accepted: [3, 45690],
				rejected: {
					rows: [
						rejectedLine(3, 'amount', 'amount-invalid', '1O0,00'),
						rejectedLine(4, 'amount', 'amount-invalid', 'divdesmit')
					]
				},
				fileTotalCents: 45690
			})
		);
	});

	it('sets a "Kopā" line in the date column aside as totals, equal to the rows', async () => {
		const result = await dryRun('totals-line.csv');
		expect(result.report).toMatchObject(
			report({
				records: 5,
				accepted: [4, 56710],
				setAside: { totals: [1, 56710] },
				fileTotalCents: 56710
			})
		);
	});

	it('reads the sample dialect: BOM, semicolons, CRLF, commas inside the text', async () => {
		const result = await dryRun('bom-semicolon-crlf.csv');
		expect(result.dialect).toMatchObject(SAMPLE_DIALECT);
		expect(result.report).toMatchObject(
			report({ records: 4, accepted: [4, 56710], fileTotalCents: 56710 })
		);
	});

	it('reads LF line ends and counts lines by them', async () => {
		const result = await dryRun('lf-only.csv');
		expect(result.dialect).toMatchObject({ ...SAMPLE_DIALECT, bom: false, newline: '\n' });
		expect(result.report).toMatchObject(
			report({
				records: 5,
				accepted: [4, 56710],
				rejected: { rows: [rejectedLine(4, 'amount', 'amount-invalid', 'abc')] },
				fileTotalCents: 56710
			})
		);
	});

	it('reads CR line ends and counts lines by them', async () => {
		const result = await dryRun('cr-only.csv');
		expect(result.dialect).toMatchObject({ ...SAMPLE_DIALECT, bom: false, newline: '\r' });
		expect(result.report).toMatchObject(
			report({
				records: 5,
				accepted: [4, 56710],
				rejected: { rows: [rejectedLine(4, 'amount', 'amount-invalid', 'abc')] },
				fileTotalCents: 56710
			})
		);
	});

	it('counts each physical line once when CRLF and LF are mixed', async () => {
		const result = await dryRun('mixed-crlf-lf.csv');
		expect(result.report).toMatchObject(
			report({
				records: 5,
				accepted: [4, 56710],
				rejected: { rows: [rejectedLine(4, 'amount', 'amount-invalid', 'abc')] },
				fileTotalCents: 56710
			})
		);
	});

	it('reads a bare CR among CRLF lines as a line break, not as part of a field', async () => {
		const result = await dryRun('mixed-lone-cr.csv');
		expect(result.report).toMatchObject(
			report({
				records: 5,
				accepted: [4, 56710],
				rejected: { rows: [rejectedLine(4, 'amount', 'amount-invalid', 'abc')] },
				fileTotalCents: 56710
			})
		);
	});

	it('reads a tab-delimited ledger', async () => {
		const result = await dryRun('tab-delimited.csv');
		expect(result.dialect).toMatchObject({ ...SAMPLE_DIALECT, delimiter: '\t' });
		expect(result.report).toMatchObject(
			report({ records: 4, accepted: [4, 56710], fileTotalCents: 56710 })
		);
	});

	it('reads a comma-delimited ledger with a decimal point and grouped thousands', async () => {
		const result = await dryRun('comma-decimal-point.csv');
		expect(result.dialect).toMatchObject({
			encoding: 'utf-8',
			bom: false,
			delimiter: ',',
			newline: '\n',
			decimal: 'point'
		});
		expect(result.report).toMatchObject(
			report({ records: 4, accepted: [4, 128640], fileTotalCents: 128640 })
		);
	});

	it('keeps line numbers right after a quoted field spanning two lines', async () => {
		const result = await dryRun('embedded-newlines.csv');
		expect(result.report).toMatchObject(
			report({
				records: 4,
				accepted: [3, 47710],
				rejected: { rows: [rejectedLine(5, 'amount', 'amount-invalid', 'abc')] },
				fileTotalCents: 47710
			})
		);
	});

	it('rejects slash dates that could be either order, and reads them once a profile says', async () => {
		const result = await dryRun('ambiguous-slash-dates.csv');
		expect(result.dialect.dateOrder).toBeNull();
		expect(result.report).toMatchObject(
			report({
				records: 3,
				accepted: [1, 9000],
				rejected: {
					cents: 6550,
					rows: [
						rejectedLine(2, 'date', 'date-ambiguous', '03/04/2018'),
						rejectedLine(3, 'date', 'date-ambiguous', '05/06/2018')
					]
				},
				fileTotalCents: 15550
			})
		);

		const dayFirst = await dryRun('ambiguous-slash-dates.csv', { profile: { dateOrder: 'dmy' } });
		expect(dayFirst.dialect).toMatchObject({ dateOrder: 'dmy' });
		expect(dayFirst.dialect.given.dateOrder).toBe(true);
		expect(dayFirst.report).toMatchObject(
			report({ records: 3, accepted: [3, 15550], fileTotalCents: 15550 })
		);
	});

	it('rejects days that do not exist (31.02., 29.02. of a common year)', async () => {
		const result = await dryRun('invalid-day.csv');
		expect(result.report).toMatchObject(
			report({
				records: 3,
				accepted: [1, 42690],
				rejected: {
					cents: 4630,
					rows: [
						rejectedLine(3, 'date', 'date-no-such-day', '31.02.2018'),
						rejectedLine(4, 'date', 'date-no-such-day', '29.02.2019')
					]
				},
				fileTotalCents: 47320
			})
		);
	});

	it('rejects a third decimal that is not zero', async () => {
		const result = await dryRun('three-decimals.csv');
		expect(result.report).toMatchObject(
			report({
				records: 4,
				accepted: [2, 43240],
				rejected: {
					rows: [
						rejectedLine(3, 'amount', 'amount-decimals', '7,125'),
						rejectedLine(5, 'amount', 'amount-decimals', '1.234,567')
					]
				},
				fileTotalCents: 43240
			})
		);
	});

	it('reads credit notes in parentheses or with a minus either side as negative', async () => {
		const result = await dryRun('parentheses-amount.csv');
		expect(result.report).toMatchObject(
			report({ records: 4, accepted: [4, 18670], fileTotalCents: 18670 })
		);
	});

	it('rejects a currency other than the project’s', async () => {
		const result = await dryRun('currency-other.csv');
		expect(result.report).toMatchObject(
			report({
				records: 4,
				accepted: [3, 46690],
				rejected: {
					cents: 12000,
					rows: [rejectedLine(3, 'currency', 'currency-other', 'USD', 'EUR')]
				},
				fileTotalCents: 58690
			})
		);
	});

	it('rejects a trip with a status it does not know', async () => {
		const result = await dryRun('travel-unknown-status.csv');
		expect(result.report).toMatchObject(
			report({
				kind: 'participation',
				records: 3,
				accepted: [2, 0],
				rejected: { rows: [rejectedLine(3, 'status', 'status-unknown', 'Plānots')] },
				statuses: { done: 1, cancelled: 1 },
				fileTotalCents: 0
			})
		);
	});

	it('rejects a trip to a country that does not exist', async () => {
		const result = await dryRun('travel-unknown-country.csv');
		expect(result.report).toMatchObject(
			report({
				kind: 'participation',
				records: 2,
				accepted: [1, 0],
				rejected: { rows: [rejectedLine(3, 'country', 'country-unknown', 'Atlantīda')] },
				statuses: { done: 1, cancelled: 0 },
				fileTotalCents: 0
			})
		);
	});

	it('rejects a trip that returns before it departs', async () => {
		const result = await dryRun('travel-return-before-departure.csv');
		expect(result.report).toMatchObject(
			report({
				kind: 'participation',
				records: 2,
				accepted: [1, 0],
				rejected: {
					rows: [rejectedLine(3, 'return', 'return-before-departure', '13.03.2018')]
				},
				statuses: { done: 1, cancelled: 0 },
				fileTotalCents: 0
			})
		);
	});

	it('accepts a row naming an event the project does not have, and lists it as unmatched', async () => {
		const result = await dryRun('unknown-event.csv');
		expect(result.report).toMatchObject(
			report({
				records: 2,
				accepted: [2, 51690],
				unmatched: [
					{
						line: 3,
						problem: 'unknown-event',
						label: '2018-03-12 AO-2018/099 Dienas nauda',
						reference: '9'
					}
				],
				fileTotalCents: 51690
			})
		);
	});

	it('skips a title line and a blank line before the header', async () => {
		const result = await dryRun('title-line.csv');
		expect(result.dialect.preamble).toBe(2);
		expect(result.report).toMatchObject(
			report({
				records: 3,
				accepted: [2, 46540],
				rejected: { rows: [rejectedLine(5, 'amount', 'amount-invalid', 'abc')] },
				fileTotalCents: 46540
			})
		);
	});

	it('accepts rows ending in empty delimiter columns', async () => {
		const result = await dryRun('trailing-delimiter.csv');
		expect(result.dialect.ignored).toEqual([]);
		expect(result.report).toMatchObject(
			report({ records: 4, accepted: [4, 56710], fileTotalCents: 56710 })
		);
	});

	it('rejects a field over 2000 characters and accepts one of exactly 2000', async () => {
		const result = await dryRun('long-field.csv');
		expect(result.report).toMatchObject(
			report({
				records: 2,
				accepted: [1, 1170],
				rejected: {
					cents: 3850,
					rows: [rejectedLine(2, 'description', 'too-long', 'x'.repeat(80))]
				},
				fileTotalCents: 5020
			})
		);
	});

	it('reads a Western European (Windows-1252) ledger', async () => {
		const result = await dryRun('windows-1252.csv');
		expect(result.dialect).toMatchObject({ encoding: 'windows-1252', bom: false });
		expect(result.report).toMatchObject(
			report({ records: 2, accepted: [2, 26250], fileTotalCents: 26250 })
		);
	});
});
