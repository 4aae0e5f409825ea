/**
 * Tables as CSV for download, in the reader's locale, so that a spreadsheet opened with a double
 * click reads every number as a number: LV is `;` between fields and a decimal comma (what Excel
 * expects under Latvian regional settings), EN is `,` and a decimal point. RFC 4180 quoting,
 * through papaparse, with CRLF between records; the caller gives the header in the reader's
 * language and puts {@link CSV_BOM} first, so Excel knows the text is UTF-8 (ā, š, ņ stay whole).
 *
 * A number cell is written bare: no thousands separator, no currency, and an ASCII `-` below zero.
 * That `-` is a choice against the rest of cofund, which writes U+2212 (see `format.ts`): Excel
 * reads only the hyphen-minus as a sign, and keeps `−12,50` as text that SUM skips, so a credit
 * note would silently drop out of the sheet's totals. Text cells are what people read, so any
 * figure in them is written by `format.ts`, with U+2212. Text that a spreadsheet would run as a
 * formula (starting with = + - @, a tab or a CR) is prefixed with an apostrophe (OWASP,
 * CWE-1236); a number cell never is, so -12.50 stays a number.
 */
import Papa from 'papaparse';
import type { Locale } from './locale';

export type CsvCell = string | number | null;

/** Tells Excel that the file is UTF-8; without it, Excel reads a CSV in the system code page. */
export const CSV_BOM = '\uFEFF';

const DELIMITER: Record<Locale, string> = { lv: ';', en: ',' };
const FORMULA_START = /^[=+\-@\t\r]/;

/** `-1234,5` (LV) / `-1234.5` (EN): a number as a spreadsheet in that locale types it. */
export function csvNumber(value: number, locale: Locale): string {
	if (!Number.isFinite(value)) return '';
	// Shortest exact decimal, never exponent notation (money is far below 1e21).
	const text = Object.is(value, -0) ? '0' : String(value);
	return locale === 'lv' ? text.replace('.', ',') : text;
}

function csvText(text: string): string {
	return FORMULA_START.test(text) ? `'${text}` : text;
}

function csvCell(cell: CsvCell, locale: Locale): string {
	if (cell === null) return '';
	return typeof cell === 'number' ? csvNumber(cell, locale) : csvText(cell);
}

/** A header and rows as CSV text in the locale's dialect; an empty header writes rows alone. */
export function toCsv(
	header: readonly string[],
	rows: readonly (readonly CsvCell[])[],
	locale: Locale
): string {
	const data = rows.map((row) => row.map((cell) => csvCell(cell, locale)));
	return Papa.unparse(
		{ fields: header.map(csvText), data },
		{ delimiter: DELIMITER[locale], escapeFormulae: false, newline: '\r\n', quotes: false }
	);
}

/** `Plāns (EUR)`: a money column says its currency once, in the header, so its cells stay numbers. */
export const csvHeading = (label: string, currency: string) => `${label} (${currency})`;
