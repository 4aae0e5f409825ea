/** What an import found: the dialect it read the file in, and the accounting of every record. */
import type { ColumnWarning } from './column-warnings';
import type { DateOrder } from './dates';
import type { DecimalMark } from './amounts';
import type { ImportField } from './fields';
import type { Delimiter, Encoding } from './profile';
import type { ImportReport } from './report';

/**
 * The commit transaction's steps, in order: a copy of the file kept (unless it was uploaded
 * before), the rows moved into the project, the dashboards' sums added, and the commit itself,
 * where the database checks every row's batch.
 */
export const WRITE_STEPS = ['original', 'rows', 'sums', 'finishing'] as const;
export type WriteStep = (typeof WRITE_STEPS)[number];

export interface ImportProgress {
	/** Reading and judging the file; then writing the judged rows in one transaction. */
	phase: 'reading' | 'writing';
	/** While writing: the step the transaction is at. */
	step?: WriteStep;
	bytes: number;
	totalBytes: number;
	records: number;
	/** Milliseconds since the import started, for a rate and the time remaining. */
	elapsedMs: number;
}

/** What the import made of the file, detected or given; shown and editable before commit. */
export interface Dialect {
	encoding: Encoding;
	bom: boolean;
	delimiter: Delimiter;
	newline: '\r\n' | '\n' | '\r';
	decimal: DecimalMark;
	dateOrder: DateOrder | null;
	/** How the date columns write dates, most used first, e.g. ["dd.mm.yyyy"]. */
	dateFormats: string[];
	/** Field → 1-based column and its header text. */
	columns: Partial<Record<ImportField, { column: number; header: string }>>;
	ignored: string[];
	/** Lines before the header, such as a report title. */
	preamble: number;
	given: {
		encoding: boolean;
		delimiter: boolean;
		decimal: boolean;
		dateOrder: boolean;
		/** The profile named the sheet; a workbook only. */
		sheet?: boolean;
	};
	/**
	 * Present when the file is an Excel workbook: the sheet read, and what in it the user should
	 * know. Its cells carry their own types, so the encoding, delimiter and line breaks above are
	 * no property of the file and hold their defaults; a CSV's dialect has no `sheet`.
	 */
	sheet?: SheetRead;
}

/** The workbook sheet an import read, with the cells it read in a way worth saying. */
export interface SheetRead {
	name: string;
	/** Every sheet of the workbook, in the file's order, to choose another from. */
	sheets: string[];
	/** Formula cells, read by the value Excel last computed: how many, and the first few ("E12"). */
	formulas: { count: number; cells: string[] };
	/** Merged cells in the header row ("C1:D1"): only the first column of each has the header. */
	mergedHeader: string[];
	/** Header cells left empty ("F1"), outside any merge: that column's field is not recognised. */
	emptyHeader: string[];
}

export interface ImportResult {
	fileName: string;
	/** The header row and the first records, cell by cell as the file has them. */
	header: string[];
	preview: { line: number; cells: string[] }[];
	size: number;
	sha256: string;
	dialect: Dialect;
	/** Columns the dashboards read that the file lacks, and headers that fit several fields. */
	warnings: ColumnWarning[];
	report: ImportReport;
	committed: boolean;
	batchId: number | null;
}
