/**
 * Records from an Excel workbook (.xlsx), streamed with exceljs's WorkbookReader: one sheet, row by
 * row, each record its cells as text with the typed cells (dates, numbers) beside them, and the
 * sheet's row numbers as its lines. A row the sheet leaves out is no record, and the rows after it
 * keep their own numbers, so a line in the report is the row the user sees in Excel.
 */
import ExcelJS from 'exceljs';
import { Readable } from 'node:stream';
import { IMPORT_KINDS } from '$lib/domain/import/fields';
import { matchColumns } from '$lib/domain/import/headers';
import { profileColumns, type MappingProfile } from '$lib/domain/import/profile';
import type { SheetRead } from '$lib/domain/import/result';
import type { SourceRecord, TypedCell } from '$lib/domain/import/typed-cells';
import { columnName, coversColumn, readValue, spansRow, type CellValue } from './xlsx-cells';
import { SheetTap, wholeUtf8 } from './xlsx-sheet-tap';
import { ImportFileError } from './import-errors';
import type { RecordBatch } from './parse-records';

/** Rows looked at for a header before a sheet is passed over, as the pipeline's header search. */
const HEADER_ROWS = 10;
const BATCH_ROWS = 1000;
/** Formula cells named in the report; the rest are counted. */
const NAMED_FORMULAS = 5;
/** Lines of the first records kept, to find the header's row by its place among them. */
const FIRST_LINES = 64;

interface StreamCell {
	value: CellValue;
	numFmt?: string;
	address: string;
}
interface StreamRow {
	number: number;
	eachCell(
		options: { includeEmpty: boolean },
		visit: (cell: StreamCell, col: number) => void
	): void;
}
/** The parts of exceljs's WorksheetReader that its types leave out. */
interface StreamSheet extends AsyncIterable<StreamRow> {
	name: string;
	iterator: AsyncIterable<Buffer>;
}
interface StreamWorkbook extends AsyncIterable<StreamSheet> {
	model?: { sheets?: unknown[] };
}

/** What reading the workbook learnt beyond its records, for the dialect and the report. */
export class SheetFacts {
	/** The sheet read, once chosen. */
	name: string | null = null;
	/** Every sheet seen, in the file's order, to name them when a sheet asked for is not there. */
	readonly sheets: string[] = [];
	formulas = { count: 0, cells: [] as string[] };
	merges: string[] = [];
	readonly firstLines: number[] = [];

	/** The notes on the sheet read, its header being the record at `preamble`. */
	notes(preamble: number, header: readonly string[]): SheetRead {
		const row = this.firstLines[preamble] ?? preamble + 1;
		const merged = this.merges.filter((range) => spansRow(range, row));
		const covered = (col: number) => merged.some((range) => coversColumn(range, col));
		const emptyHeader = header.flatMap((text, i) =>
			text.trim() === '' && !covered(i + 1) ? [`${columnName(i + 1)}${row}`] : []
		);
		return {
			name: this.name ?? '',
			sheets: this.sheets,
			formulas: this.formulas,
			mergedHeader: merged,
			emptyHeader
		};
	}
}

/** A row as a record: its cells as text, the typed ones beside them, holes as empty text. */
function recordOf(row: StreamRow, facts: SheetFacts): SourceRecord {
	const record: SourceRecord = [];
	let typed: (TypedCell | undefined)[] | undefined;
	row.eachCell({ includeEmpty: false }, (cell, col) => {
		const read = readValue(cell.value, cell.numFmt, false);
		while (record.length < col - 1) record.push('');
		record[col - 1] = read.text;
		if (read.typed) {
			typed ??= [];
			typed[col - 1] = read.typed;
		}
		if (read.formula) {
			facts.formulas.count++;
			if (facts.formulas.cells.length < NAMED_FORMULAS) facts.formulas.cells.push(cell.address);
		}
	});
	if (typed) record.typed = typed;
	return record;
}

/** The parts of exceljs's WorkbookReader that its types leave out. */
interface ReaderInternals extends StreamWorkbook {
	_parseSharedStrings(entry: Readable): AsyncGenerator<unknown>;
}
const BaseReader = ExcelJS.stream.xlsx.WorkbookReader as unknown as new (
	input: Readable,
	options: Partial<ExcelJS.stream.xlsx.WorkbookStreamReaderOptions>
) => ReaderInternals;

/** exceljs's reader with its shared strings, too, cut at whole characters. */
class WorkbookReader extends BaseReader {
	override _parseSharedStrings(entry: Readable) {
		return super._parseSharedStrings(Readable.from(wholeUtf8(entry)));
	}
}

/**
 * Reads a sheet that is not taken to its end. exceljs keeps a sheet that comes before the
 * workbook's shared strings in a temporary file, opens it when the sheet is handed over and
 * deletes it as soon as the next sheet is asked for; a sheet left unread may not have opened its
 * file by then, and its stream then fails with ENOENT outside any handler, which ends the
 * process (seen once, in a loaded test run; not reproduced on demand).
 */
async function passOver(sheet: AsyncIterable<unknown>): Promise<void> {
	for await (const row of sheet) void row;
}

const asBuffers = async function* (bytes: AsyncIterable<Uint8Array>) {
	for await (const chunk of bytes) yield Buffer.from(chunk.buffer, chunk.byteOffset, chunk.length);
};

export interface XlsxOptions {
	profile: MappingProfile;
}

/**
 * The records of one sheet: the profile's `sheet`, or else the first sheet with a header row
 * among its first rows (for any kind of export, as the pipeline's header search reads it). When
 * no sheet has one, the first sheet with rows is read, so that the header failure shows its row.
 * The whole file is always read through, since the bytes are hashed as they pass.
 */
export async function* xlsxRecords(
	bytes: AsyncIterable<Uint8Array>,
	options: XlsxOptions,
	facts: SheetFacts
): AsyncGenerator<RecordBatch> {
	const { profile } = options;
	const kinds = profile.kind ? [profile.kind] : IMPORT_KINDS;
	const isHeader = (record: string[]) =>
		record.some((v) => v.trim() !== '') &&
		kinds.some((kind) => matchColumns(kind, record, profileColumns(profile, kind)).ok);

	const input = Readable.from(asBuffers(bytes), { objectMode: false });
	const workbook = new WorkbookReader(input, {
		worksheets: 'emit',
		sharedStrings: 'cache',
		styles: 'cache',
		hyperlinks: 'ignore',
		entries: 'ignore'
	});

	let chosen = false;
	let fallback: { name: string; head: { record: SourceRecord; line: number }[] } | null = null;
	let batch: RecordBatch = { records: [], lines: [], unterminatedQuote: false };
	const take = (record: SourceRecord, line: number) => {
		batch.records.push(record);
		batch.lines.push(line);
		if (facts.firstLines.length < FIRST_LINES) facts.firstLines.push(line);
	};
	const filled = (head: { record: SourceRecord }[]) =>
		head.some((h) => h.record.some((v) => v.trim() !== ''));
	try {
		for await (const sheet of workbook) {
			facts.sheets.push(sheet.name);
			if (chosen || (profile.sheet !== undefined && sheet.name !== profile.sheet)) {
				await passOver(sheet);
				continue;
			}
			const tap = new SheetTap(sheet);
			const seen = new SheetFacts();
			const head: { record: SourceRecord; line: number }[] = [];
			let reading = profile.sheet !== undefined;
			if (reading) facts.name = sheet.name;
			for await (const row of sheet) {
				if (tap.skip) continue;
				const record = recordOf(row, seen);
				if (reading) take(record, row.number);
				else {
					head.push({ record, line: row.number });
					if (isHeader(record)) {
						reading = true;
						facts.name = sheet.name;
						for (const h of head.splice(0)) take(h.record, h.line);
					} else if (head.length >= HEADER_ROWS) tap.skip = true;
				}
				if (batch.records.length >= BATCH_ROWS) {
					yield batch;
					batch = { records: [], lines: [], unterminatedQuote: false };
				}
			}
			if (!reading) {
				// No header here: the first sheet with rows is kept to show in the header failure.
				if (!fallback && filled(head)) fallback = { name: sheet.name, head };
				continue;
			}
			chosen = true;
			facts.formulas = seen.formulas;
			facts.merges = tap.merges;
			if (batch.records.length) yield batch;
			batch = { records: [], lines: [], unterminatedQuote: false };
		}
	} catch (error) {
		if (error instanceof ImportFileError) throw error;
		// A truncated or damaged archive, or XML that is not a sheet's.
		throw new ImportFileError({ code: 'not-a-workbook' });
	}
	if (!workbook.model?.sheets) throw new ImportFileError({ code: 'not-a-workbook' });
	if (chosen) return;
	if (profile.sheet !== undefined)
		throw new ImportFileError({
			code: 'no-such-sheet',
			sheet: profile.sheet,
			sheets: facts.sheets
		});
	if (fallback) {
		facts.name = fallback.name;
		for (const h of fallback.head) take(h.record, h.line);
		yield batch;
	}
}
