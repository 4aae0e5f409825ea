/**
 * Tables as CSV for download (RFC 4180, through papaparse): text that a spreadsheet would run as a
 * formula (starting with = + - @, a tab or a CR) is prefixed with an apostrophe (OWASP, CWE-1236),
 * while numbers stay numbers, so a credit note of -12.50 is still a number in the sheet.
 */
import Papa from 'papaparse';

export type CsvCell = string | number | null;

export function toCsv(header: readonly string[], rows: readonly (readonly CsvCell[])[]): string {
	return Papa.unparse(
		{ fields: [...header], data: rows.map((row) => row.map((cell) => cell ?? '')) },
		{ escapeFormulae: true, newline: '\r\n', quotes: false }
	);
}
