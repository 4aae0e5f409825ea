/**
 * Amounts as written in exports, to integer cents: decimal comma or point, thousands grouped by a
 * space, NBSP, apostrophe or the other mark, a minus sign or parentheses for credit notes.
 * Digits are turned into cents as text, so no float ever holds an amount.
 */
export type DecimalMark = 'comma' | 'point';

export type AmountProblem = 'invalid' | 'decimals' | 'too-large';
export type AmountResult = { ok: true; cents: number } | { ok: false; problem: AmountProblem };

/** 100 milliard euro: far above any project, and far below where integers stop being exact. */
const MAX_CENTS = 10_000_000_000_000;
const CURRENCY = /^(?:eur|€)\s*|\s*(?:eur|€)$/gi;
const SPACES = /[\s\u00a0\u202f']/g;
/** "41 012,50", "1'234.50": after the first group, every group has three digits. */
const SPACE_GROUPED = /^\d{1,3}(?:[\s\u00a0\u202f']\d{3})+(?:[.,]\d+)?$/;

function groupingPattern(decimal: DecimalMark): RegExp {
	const [dec, group] = decimal === 'comma' ? [',', '\\.'] : ['\\.', ','];
	return new RegExp(`^(\\d{1,3}(?:${group}\\d{3})+|\\d+)(?:${dec}(\\d+))?$`);
}
const PATTERNS = { comma: groupingPattern('comma'), point: groupingPattern('point') };
/** One mark followed by one or two digits is a decimal mark whatever the column's style. */
const LONE_DECIMAL = /^(\d+)[.,](\d{1,2})$/;

const withoutCurrency = (text: string) => text.trim().replace(CURRENCY, '').trim();

export function parseAmount(text: string, decimal: DecimalMark): AmountResult {
	// The currency may sit inside or outside the sign: "-€12,50", "€-12,50", "(12,50 EUR)".
	let body = withoutCurrency(text);
	let negative = false;
	if (/^\(.*\)$/.test(body)) {
		negative = true;
		body = withoutCurrency(body.slice(1, -1));
	}
	// Parentheses and a minus both mark a credit note; "(-12,00)" says it twice, not "plus".
	if (/^[-−–]/.test(body)) {
		negative = true;
		body = withoutCurrency(body.slice(1));
	} else if (/[-−–]$/.test(body)) {
		negative = true;
		body = withoutCurrency(body.slice(0, -1));
	}
	// "12 50" is two numbers or a typo, not 1250: a space only ever groups thousands.
	if (/[\s\u00a0\u202f']/.test(body) && !SPACE_GROUPED.test(body)) {
		return { ok: false, problem: 'invalid' };
	}
	body = body.replace(SPACES, '');
	const match = LONE_DECIMAL.exec(body) ?? PATTERNS[decimal].exec(body);
	if (!match) return { ok: false, problem: 'invalid' };
	const whole = match[1]!.replace(/[.,]/g, '');
	const fraction = match[2] ?? '';
	if (fraction.length > 2 && /[1-9]/.test(fraction.slice(2)))
		return { ok: false, problem: 'decimals' };
	if (whole.length > 14) return { ok: false, problem: 'too-large' };
	const cents = Number(whole) * 100 + Number(fraction.slice(0, 2).padEnd(2, '0'));
	if (cents > MAX_CENTS) return { ok: false, problem: 'too-large' };
	return { ok: true, cents: negative && cents !== 0 ? -cents : cents };
}

/**
 * The decimal mark of a column, read from its values: "426,90" votes comma, "1,234.56" votes
 * point. Null when no value tells (whole numbers only), so the caller can say it assumed one.
 */
export function detectDecimalMark(values: Iterable<string>): DecimalMark | null {
	let comma = 0;
	let point = 0;
	for (const value of values) {
		const body = value.replace(SPACES, '');
		const last = Math.max(body.lastIndexOf(','), body.lastIndexOf('.'));
		if (last < 0) continue;
		const digitsAfter = /^\d+/.exec(body.slice(last + 1))?.[0].length ?? 0;
		if (digitsAfter === 1 || digitsAfter === 2) {
			if (body[last] === ',') comma++;
			else point++;
		}
	}
	if (comma === point) return null;
	return comma > point ? 'comma' : 'point';
}
