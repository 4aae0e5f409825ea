/** Money as integer cents: exact parsing of decimal text, and sums. No float ever holds a money value. */

/** An amount in the smallest unit of the currency (cents for EUR). Always a safe integer. */
export type Cents = number;

const MONEY_TEXT = /^(-)?(\d+)(?:[.,](\d{1,2}))?$/;
const GROUPING = /[\s\u00a0\u202f]/g;

/**
 * Parses "4160", "4160.00", "41 012,50" or "-190,00" into cents, exactly.
 * Spaces (also NBSP) may group thousands; the decimal separator is a point or a comma
 * with at most two digits after it. Anything else is refused with null rather than guessed:
 * "1.234" could be a thousand or one euro, so it is not money here.
 */
export function parseMoney(text: string): Cents | null {
	const match = MONEY_TEXT.exec(text.trim().replace(GROUPING, ''));
	if (!match) return null;
	const [, sign, whole = '', fraction = ''] = match;
	const cents = Number(whole) * 100 + Number(fraction.padEnd(2, '0'));
	if (!Number.isSafeInteger(cents)) return null;
	return sign && cents !== 0 ? -cents : cents;
}

/**
 * "4160.00", "-190.50": the plain machine form used in JSON files, APIs and `--json` output. It
 * keeps the ASCII "-" on purpose: parsers read only that sign, while text for people gets U+2212
 * from `format.ts`.
 */
export function centsToDecimal(cents: Cents): string {
	const sign = cents < 0 ? '-' : '';
	const abs = Math.abs(cents);
	return `${sign}${Math.trunc(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}

export function sumCents(values: Iterable<Cents>): Cents {
	let total = 0;
	for (const value of values) total += value;
	return total;
}
