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
import { numberText, type SourceRecord, type TypedCell } from '$lib/domain/import/typed-cells';
import { ImportFileError } from './import-errors';
import type { RecordBatch } from './parse-records';

/** Rows looked at for a header before a sheet is passed over, as the pipeline's header search. */
const HEADER_ROWS = 10;
const BATCH_ROWS = 1000;
/** Formula cells named in the report; the rest are counted. */
const NAMED_FORMULAS = 5;
/** Lines of the first records kept, to find the header's row by its place among them. */
const FIRST_LINES = 64;
/** The sheet's XML after its rows (merges, formatting) is small; more is not read for merges. */
const TAIL_LIMIT = 4 * 1024 * 1024;

/** What exceljs gives as a cell's value in a streamed sheet. */
type CellValue =
	| null
	| undefined
	| string
	| number
	| boolean
	| Date
	| { formula?: string; sharedFormula?: string; result?: unknown }
	| { richText: { text: string }[] }
	| { error: string }
	| { text: string; hyperlink: string };

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

/** 1 → A, 27 → AA: a column as Excel names it. */
export function columnName(column: number): string {
	let name = '';
	for (let n = column; n > 0; n = Math.floor((n - 1) / 26))
		name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
	return name;
}

function columnNumber(letters: string): number {
	let n = 0;
	for (const char of letters) n = n * 26 + char.charCodeAt(0) - 64;
	return n;
}

const RANGE = /^([A-Z]+)(\d+):([A-Z]+)(\d+)$/;
function spansRow(range: string, row: number): boolean {
	const m = RANGE.exec(range);
	return !!m && Number(m[2]) <= row && row <= Number(m[4]);
}
function coversColumn(range: string, col: number): boolean {
	const m = RANGE.exec(range);
	return !!m && columnNumber(m[1]!) <= col && col <= columnNumber(m[3]!);
}

const pad = (n: number) => String(n).padStart(2, '0');
/** A date cell as its ISO day, with the time of day when it has one. */
function isoOf(date: Date): string | null {
	if (Number.isNaN(date.getTime())) return null;
	const day = date.toISOString().slice(0, 10);
	const [h, m, s] = [date.getUTCHours(), date.getUTCMinutes(), date.getUTCSeconds()];
	return h || m || s ? `${day} ${pad(h)}:${pad(m)}:${pad(s)}` : day;
}

/** Excel's own test for a date format, as exceljs uses it for plain cells. */
const DATE_FORMAT = /[ymdhMsb]/;
function isDateFormat(format: string | undefined): boolean {
	if (!format) return false;
	return DATE_FORMAT.test(format.replace(/\[[^\]]*]/g, '').replace(/"[^"]*"/g, ''));
}
/** Excel's day 0 is 1899-12-30 (the 1900 system); the 1904 system is not told apart here. */
function serialDate(serial: number): Date {
	return new Date(Math.round((serial - 25569) * 86_400_000));
}

interface Read {
	text: string;
	typed?: TypedCell;
	formula: boolean;
}

function readValue(value: CellValue, format: string | undefined, formula: boolean): Read {
	if (value === null || value === undefined) return { text: '', formula };
	if (typeof value === 'string') return { text: value, formula };
	if (typeof value === 'number') {
		if (!Number.isFinite(value)) return { text: '', formula };
		// A plain date cell comes as a Date; a formula's cached day comes as its serial number.
		if (formula && isDateFormat(format)) return readValue(serialDate(value), format, formula);
		return { text: numberText(value), typed: { kind: 'number', value }, formula };
	}
	if (typeof value === 'boolean') return { text: value ? 'TRUE' : 'FALSE', formula };
	if (value instanceof Date) {
		const iso = isoOf(value);
		if (iso === null) return { text: '', formula };
		return { text: iso, typed: { kind: 'date', iso: iso.slice(0, 10) }, formula };
	}
	if ('richText' in value) return { text: value.richText.map((r) => r.text).join(''), formula };
	if ('error' in value) return { text: value.error, formula };
	if ('hyperlink' in value) return { text: value.text, formula };
	if ('formula' in value || 'sharedFormula' in value)
		return readValue(value.result as CellValue, format, true);
	return { text: '', formula };
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

/** The length of `chunk` that ends on a whole UTF-8 character; the rest waits for the next chunk. */
function wholeCharacters(chunk: Buffer): number {
	const n = chunk.length;
	for (let i = n - 1; i >= Math.max(0, n - 4); i--) {
		const byte = chunk[i]!;
		if ((byte & 0xc0) === 0x80) continue;
		if (byte < 0x80) return n;
		const size = byte >= 0xf0 ? 4 : byte >= 0xe0 ? 3 : 2;
		return i + size <= n ? n : i;
	}
	return n;
}

/**
 * XML chunks cut at whole characters: exceljs decodes each chunk on its own, which would turn a
 * letter such as "ā" split between two chunks into two replacement characters.
 */
async function* wholeUtf8(chunks: AsyncIterable<Uint8Array>): AsyncGenerator<Buffer> {
	let carry: Buffer = Buffer.alloc(0);
	for await (const raw of chunks) {
		const chunk = carry.length ? Buffer.concat([carry, raw]) : Buffer.from(raw);
		const end = wholeCharacters(chunk);
		carry = chunk.subarray(end);
		if (end) yield chunk.subarray(0, end);
	}
	if (carry.length) yield carry;
}

const SHEET_DATA_END = Buffer.from('</sheetData>');

/**
 * Stands between a sheet's XML and exceljs: cuts it at whole characters, keeps what follows the
 * rows (where Excel lists merged cells, which the streaming reader skips), and, for a sheet passed
 * over, reads the rest through without parsing it.
 */
class SheetTap {
	skip = false;
	merges: string[] = [];

	constructor(sheet: StreamSheet) {
		sheet.iterator = this.pass(sheet.iterator);
	}

	private async *pass(rows: AsyncIterable<Buffer>): AsyncGenerator<Buffer> {
		let tail: string | null = null;
		let carry: Buffer = Buffer.alloc(0);
		for await (const chunk of wholeUtf8(rows)) {
			if (this.skip) continue;
			if (tail === null) {
				const at = chunk.indexOf(SHEET_DATA_END);
				// The end tag may also straddle two chunks.
				const edge = Buffer.concat([carry, chunk.subarray(0, SHEET_DATA_END.length)]);
				const across = at === -1 ? edge.indexOf(SHEET_DATA_END) : -1;
				if (at !== -1) tail = chunk.subarray(at).toString('latin1');
				else if (across !== -1)
					tail = Buffer.concat([carry.subarray(across), chunk]).toString('latin1');
				else carry = chunk.subarray(Math.max(0, chunk.length - SHEET_DATA_END.length));
			} else if (tail.length < TAIL_LIMIT) tail += chunk.toString('latin1');
			yield chunk;
		}
		if (tail !== null) {
			const found = tail.matchAll(/<(?:\w+:)?mergeCell\s[^>]*?ref="([A-Z]+\d+:[A-Z]+\d+)"/g);
			this.merges = [...found].map((m) => m[1]!);
		}
	}
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
			if (chosen || (profile.sheet !== undefined && sheet.name !== profile.sheet)) continue;
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
