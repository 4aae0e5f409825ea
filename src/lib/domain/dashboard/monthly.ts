/**
 * Spend by month, added up, beside the plan spread evenly (pro rata) over the project period:
 * the series of the cumulative chart. Months without spend keep the running total flat.
 */
import type { Cents } from '../money';

export interface MonthPoint {
	/** YYYY-MM */
	month: string;
	spent: Cents;
	cumulative: Cents;
	/** The plan as it would stand at the month's end if spent evenly over the period's days. */
	proRata: Cents;
	/** The plan total in force at the month's end (it steps where an amendment took effect). */
	plan?: Cents;
}

const dayNumber = (iso: string) =>
	Date.UTC(+iso.slice(0, 4), +iso.slice(5, 7) - 1, +iso.slice(8, 10)) / 86_400_000;

function monthsBetween(first: string, last: string): string[] {
	const months: string[] = [];
	let [year, month] = [Number(first.slice(0, 4)), Number(first.slice(5, 7))];
	for (let guard = 0; guard < 1200; guard++) {
		const key = `${year}-${String(month).padStart(2, '0')}`;
		months.push(key);
		if (key >= last) break;
		month++;
		if (month > 12) [year, month] = [year + 1, 1];
	}
	return months;
}

function monthEnd(month: string): string {
	const [y, m] = [Number(month.slice(0, 4)), Number(month.slice(5, 7))];
	const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
	return `${month}-${String(last).padStart(2, '0')}`;
}

export function monthlySeries(
	period: { start: string; end: string },
	/** The plan total, or the total in force on a day (a month's end): the line steps where it changes. */
	planTotal: Cents | ((monthEnd: string) => Cents),
	spentByMonth: ReadonlyMap<string, Cents>
): MonthPoint[] {
	const spentMonths = [...spentByMonth.keys()].sort();
	const first = [period.start.slice(0, 7), spentMonths[0] ?? '9999'].sort()[0]!;
	const last = [period.end.slice(0, 7), spentMonths.at(-1) ?? '0000'].sort().at(-1)!;
	const start = dayNumber(period.start);
	const days = dayNumber(period.end) - start + 1;
	let cumulative = 0;
	return monthsBetween(first, last).map((month) => {
		const spent = spentByMonth.get(month) ?? 0;
		cumulative += spent;
		const end = monthEnd(month);
		const elapsed = Math.min(Math.max(dayNumber(end) - start + 1, 0), days);
		const total = typeof planTotal === 'number' ? planTotal : planTotal(end);
		return { month, spent, cumulative, proRata: Math.round((total * elapsed) / days), plan: total };
	});
}

/**
 * Whether a month (YYYY-MM) or day (YYYY-MM-DD) lies after today (YYYY-MM-DD, the office's
 * clock), where a series of what happened must stop. With no today, nothing does.
 */
export function isAfterToday(iso: string, today: string | undefined): boolean {
	if (today === undefined) return false;
	return iso.length === 7 ? iso > today.slice(0, 7) : iso > today;
}
