/**
 * Cells a spreadsheet typed, beside their text: a date cell is a day, a number cell a number, so
 * neither goes through the decimal-mark or date-order rules that text needs. A CSV has none.
 */
import type { AmountResult } from './amounts';

export type TypedCell = { kind: 'number'; value: number } | { kind: 'date'; iso: string };

/**
 * A record as the pipeline passes it: its cells as text (a date cell as its ISO day, a number
 * cell as its plain digits), and, from a workbook, the typed cells by column. The types ride on
 * the record itself, so that they follow it through header search and dialect detection without
 * a second array to keep in step; a CSV record has no `typed`, so its path reads one property.
 */
export type SourceRecord = string[] & { typed?: readonly (TypedCell | undefined)[] };

/** 100 milliard euro, as for text amounts. */
const MAX_CENTS = 10_000_000_000_000;
/** A float's error in a cent: 426.9 × 100 is 42690.00000000001, which is 42690 cents. */
const CENT_EPSILON = 1e-6;

/** A number cell's amount in cents: more than two decimals that are not zero is refused. */
export function centsOfNumber(value: number): AmountResult {
	if (!Number.isFinite(value)) return { ok: false, problem: 'invalid' };
	const scaled = value * 100;
	const cents = Math.round(scaled);
	if (Math.abs(scaled - cents) > CENT_EPSILON * Math.max(1, Math.abs(scaled)))
		return { ok: false, problem: 'decimals' };
	if (Math.abs(cents) > MAX_CENTS) return { ok: false, problem: 'too-large' };
	return { ok: true, cents: cents === 0 ? 0 : cents };
}

/** A number as a spreadsheet user reads it in a text column: 12345, 426.9, never 1.2e+21. */
export function numberText(value: number): string {
	if (Number.isInteger(value)) return BigInt(value).toString();
	const text = String(value);
	const e = text.indexOf('e');
	return e < 0 ? text : smallDecimal(text.slice(0, e), Number(text.slice(e + 1)));
}

/**
 * A fraction JavaScript writes as 1.5e-7, spelt out as 0.00000015. A non-integer never has a
 * positive exponent: every double from 1e21 up is an integer.
 */
function smallDecimal(mantissa: string, exponent: number): string {
	const sign = mantissa.startsWith('-') ? '-' : '';
	const digits = mantissa.replace('-', '').replace('.', '');
	return `${sign}0.${'0'.repeat(-exponent - 1)}${digits}`;
}
