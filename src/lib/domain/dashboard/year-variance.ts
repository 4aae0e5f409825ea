/**
 * Each year's plan against its actual spend: the variance in cents and in per cent, and whether
 * the year is over or under plan. Years with spend but no plan (or a plan but no spend) appear too.
 */
import type { Cents } from '../money';

export interface PlannedYear {
	year: number;
	prefinancing: Cents;
	cofinancing: Cents;
}

export type PlanStatus = 'over' | 'under' | 'on-plan';

export interface YearVariance extends PlannedYear {
	plan: Cents;
	actual: Cents;
	/** actual − plan: above zero is an overspend. */
	variance: Cents;
	/** variance / plan, or null for a year without a plan. */
	ratio: number | null;
	status: PlanStatus;
}

const statusOf = (variance: Cents): PlanStatus =>
	variance > 0 ? 'over' : variance < 0 ? 'under' : 'on-plan';

export function yearVariances(
	plan: readonly PlannedYear[],
	actualByYear: ReadonlyMap<number, Cents>
): YearVariance[] {
	const years = [...new Set([...plan.map((p) => p.year), ...actualByYear.keys()])].sort(
		(a, b) => a - b
	);
	return years.map((year) => {
		const planned = plan.find((p) => p.year === year);
		const prefinancing = planned?.prefinancing ?? 0;
		const cofinancing = planned?.cofinancing ?? 0;
		const total = prefinancing + cofinancing;
		const actual = actualByYear.get(year) ?? 0;
		const variance = actual - total;
		return {
			year,
			prefinancing,
			cofinancing,
			plan: total,
			actual,
			variance,
			ratio: total === 0 ? null : variance / total,
			status: statusOf(variance)
		};
	});
}

/** The whole period: the sum of the years. */
export function totalVariance(years: readonly YearVariance[]): Omit<YearVariance, 'year'> {
	const plan = years.reduce((n, y) => n + y.plan, 0);
	const actual = years.reduce((n, y) => n + y.actual, 0);
	const variance = actual - plan;
	return {
		prefinancing: years.reduce((n, y) => n + y.prefinancing, 0),
		cofinancing: years.reduce((n, y) => n + y.cofinancing, 0),
		plan,
		actual,
		variance,
		ratio: plan === 0 ? null : variance / plan,
		status: statusOf(variance)
	};
}
