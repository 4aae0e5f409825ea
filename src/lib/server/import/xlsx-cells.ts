/**
 * A workbook cell as an import reads it: its value as text, with dates and numbers typed beside
 * it, a formula's cached value taken as the value; and Excel's A1 names of columns and ranges.
 */
import { numberText, type TypedCell } from '$lib/domain/import/typed-cells';

/** What exceljs gives as a cell's value in a streamed sheet. */
export type CellValue =
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
export function spansRow(range: string, row: number): boolean {
	const m = RANGE.exec(range);
	return !!m && Number(m[2]) <= row && row <= Number(m[4]);
}
export function coversColumn(range: string, col: number): boolean {
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

export interface Read {
	text: string;
	typed?: TypedCell;
	formula: boolean;
}

export function readValue(value: CellValue, format: string | undefined, formula: boolean): Read {
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
