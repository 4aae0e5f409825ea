/** Reporting periods as plain date ranges: a year or two days, overlap, and which rows a closed one holds. */
import { formatPeriod, parseIsoDate } from '../format';
import type { Locale } from '../locale';

/** Both days included, ISO `YYYY-MM-DD`. */
export interface DateRange {
	starts: string;
	ends: string;
}

/** A period as kept: closed, and perhaps reopened since. */
export interface PeriodRecord extends DateRange {
	id: number;
	reopenedAt: Date | string | null;
}

export type PeriodInput = { year: number } | { from: string; to: string };

export type PeriodProblem = 'year-invalid' | 'date-invalid' | 'order';

/** The range a close form or `--year`/`--from --to` asks for, or why it cannot be one. */
export function periodRange(input: PeriodInput): DateRange | { problem: PeriodProblem } {
	if ('year' in input) {
		if (!Number.isInteger(input.year) || input.year < 1900 || input.year > 9999)
			return { problem: 'year-invalid' };
		return { starts: `${input.year}-01-01`, ends: `${input.year}-12-31` };
	}
	if (!parseIsoDate(input.from) || !parseIsoDate(input.to)) return { problem: 'date-invalid' };
	if (input.from > input.to) return { problem: 'order' };
	return { starts: input.from, ends: input.to };
}

/** ISO dates compare as text, so no Date (and no time zone) is involved. */
export const overlaps = (a: DateRange, b: DateRange): boolean =>
	a.starts <= b.ends && b.starts <= a.ends;

export const contains = (range: DateRange, day: string): boolean =>
	range.starts <= day && day <= range.ends;

export const isClosed = (period: PeriodRecord): boolean => period.reopenedAt === null;

/** The closed (not reopened) period a day falls in, if any. */
export function closedPeriodOf<T extends PeriodRecord>(
	periods: readonly T[],
	day: string
): T | undefined {
	return periods.find((period) => isClosed(period) && contains(period, day));
}

/** The closed period a range (a trip's departure to return) touches, if any. */
export function closedPeriodOver<T extends PeriodRecord>(
	periods: readonly T[],
	range: DateRange
): T | undefined {
	return periods.find((period) => isClosed(period) && overlaps(period, range));
}

/** A whole calendar year reads as the year. */
function wholeYear({ starts, ends }: DateRange): number | null {
	const year = starts.slice(0, 4);
	return starts === `${year}-01-01` && ends === `${year}-12-31` ? Number(year) : null;
}

/** "2018", or "01.03.2019. – 30.06.2019." / "1 March 2019 – 30 June 2019". */
export function periodLabel(range: DateRange, locale: Locale): string {
	const year = wholeYear(range);
	if (year !== null) return String(year);
	return formatPeriod(range.starts, range.ends, locale);
}

/** A row of a file that falls in a closed period, as the refusal names it. */
export interface RowInPeriod {
	line: number;
	date: string;
	amountCents: number | null;
}

/** Rows named in a refusal; the count says how many more there are. */
export const ROWS_NAMED = 10;

/** The first rows found in a period, the rest only counted. */
export class RowsInPeriod {
	readonly rows: RowInPeriod[] = [];
	count = 0;
	period: PeriodRecord | null = null;

	add(period: PeriodRecord, row: RowInPeriod): void {
		this.period ??= period;
		if (period.id !== this.period.id) return;
		this.count++;
		if (this.rows.length < ROWS_NAMED) this.rows.push(row);
	}
}
