/**
 * Dates as written in exports, to ISO `YYYY-MM-DD`: `22.02.2018`, `22.02.2018.`, `2018-02-22`,
 * `22/02/2018` (a time after the date is ignored). Dots are always day first. A slash date whose
 * order the column does not settle, such as 03/04/2018, is reported as ambiguous, never guessed.
 */
export type DateOrder = 'dmy' | 'mdy';

export type DateProblem = 'invalid' | 'ambiguous' | 'no-such-day';
export type DateResult = { ok: true; iso: string } | { ok: false; problem: DateProblem };

const TIME = String.raw`(?:[ T]+\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?`;
const ISO = new RegExp(String.raw`^(\d{4})[-./](\d{1,2})[-./](\d{1,2})\.?${TIME}$`);
const DOTTED = new RegExp(String.raw`^(\d{1,2})\.\s?(\d{1,2})\.\s?(\d{4})\.?${TIME}$`);
const SLASHED = new RegExp(String.raw`^(\d{1,2})[/-](\d{1,2})[/-](\d{4})${TIME}$`);

function isoDay(year: number, month: number, day: number): DateResult {
	const date = new Date(Date.UTC(year, month - 1, day));
	if (
		year < 1900 ||
		year > 2200 ||
		date.getUTCFullYear() !== year ||
		date.getUTCMonth() !== month - 1 ||
		date.getUTCDate() !== day
	) {
		return { ok: false, problem: 'no-such-day' };
	}
	const pad = (n: number) => String(n).padStart(2, '0');
	return { ok: true, iso: `${year}-${pad(month)}-${pad(day)}` };
}

/** order: how the column writes slash dates, when known (from a profile or from its values). */
export function parseDate(text: string, order: DateOrder | null): DateResult {
	const value = text.trim();
	let match = ISO.exec(value);
	if (match) return isoDay(Number(match[1]), Number(match[2]), Number(match[3]));
	match = DOTTED.exec(value);
	if (match) return isoDay(Number(match[3]), Number(match[2]), Number(match[1]));
	match = SLASHED.exec(value);
	if (!match) return { ok: false, problem: 'invalid' };
	const [a, b, year] = [Number(match[1]), Number(match[2]), Number(match[3])];
	const resolved = order ?? (a > 12 ? 'dmy' : b > 12 ? 'mdy' : a === b ? 'dmy' : null);
	if (!resolved) return { ok: false, problem: 'ambiguous' };
	return resolved === 'dmy' ? isoDay(year, b, a) : isoDay(year, a, b);
}

/**
 * How a column writes slash dates, read from its values: a first part over 12 means day first,
 * a second part over 12 means month first. Null when none tells, or when the values disagree.
 */
export function detectDateOrder(values: Iterable<string>): DateOrder | null {
	let dmy = false;
	let mdy = false;
	for (const value of values) {
		const match = SLASHED.exec(value.trim());
		if (!match) continue;
		if (Number(match[1]) > 12) dmy = true;
		if (Number(match[2]) > 12) mdy = true;
	}
	return dmy === mdy ? null : dmy ? 'dmy' : 'mdy';
}
