/**
 * The amendment a project's plan needs when its spend leaves the plan: per year, the change of the
 * council's co-financing that brings the plan to the spend (or, for the year under way, to the
 * forecast from its run rate), the new totals, and the plan rules' verdict on the amended plan.
 */
import type { Cents } from '../money';
import type { ProjectDefinition } from '../project/definition';
import { checkPlan, type PlanFinding } from '../project/plan-checks';

/** What the proposal reads of a year's figures (see figures.ts): its plan and its spend so far. */
export interface YearSpend {
	year: number;
	prefinancing: Cents;
	cofinancing: Cents;
	plan: Cents;
	actual: Cents;
}

/**
 * Where the difference goes. The EU part is fixed by the grant agreement, so the council's
 * co-financing absorbs any difference; only a reduction larger than the year's co-financing takes
 * the rest from the year's pre-financing (the council then advances less of the EU part, which
 * the rules allow as a warning, never as an error).
 */
export type AmendmentSource = 'cofinancing' | 'prefinancing';

export interface YearChange {
	year: number;
	source: AmendmentSource;
	/** Signed: above zero the council commits more. */
	amount: Cents;
	/** What the year's figure for this source was, and becomes. */
	before: Cents;
	after: Cents;
}

export interface YearAmendment {
	year: number;
	/** 'spend': the year is over; 'forecast': the year is under way and its run rate is projected. */
	basis: 'spend' | 'forecast';
	plan: Cents;
	actual: Cents;
	/** The spend the plan is brought to: the actual spend, or the forecast. */
	target: Cents;
	/** The share of the year's part of the project period that has passed (1 for a past year). */
	elapsed: number;
	/** target − plan. */
	amount: Cents;
	changes: YearChange[];
}

export interface AmendmentProposal {
	years: YearAmendment[];
	/** The net change of the council's commitment (pre-financing and co-financing). */
	amount: Cents;
	before: { eu: Cents; council: Cents; total: Cents };
	after: { eu: Cents; council: Cents; total: Cents };
	/** The plan in force with the proposal applied. */
	definition: ProjectDefinition;
	findings: PlanFinding[];
	/** No rule is broken (warnings allowed). */
	passes: boolean;
}

const DAY = 86_400_000;
const dayNumber = (iso: string) => Date.parse(`${iso}T00:00:00Z`) / DAY;

/** The days of `year` that lie in the project period, as [first, last] ISO dates; null: none. */
function yearPart(year: number, period: ProjectDefinition['period']): [string, string] | null {
	const first = `${year}-01-01` > period.start ? `${year}-01-01` : period.start;
	const last = `${year}-12-31` < period.end ? `${year}-12-31` : period.end;
	return first <= last ? [first, last] : null;
}

/** The share of the year's part of the period passed by the end of `today` (0…1). */
export function elapsedShare(
	year: number,
	period: ProjectDefinition['period'],
	today: string
): number {
	const part = yearPart(year, period);
	if (!part) return today > `${year}-12-31` ? 1 : 0;
	const [first, last] = part;
	if (today >= last) return 1;
	if (today < first) return 0;
	return (dayNumber(today) - dayNumber(first) + 1) / (dayNumber(last) - dayNumber(first) + 1);
}

/**
 * What a year's plan should be brought to, or null when it needs no amendment. A finished year
 * over plan needs one: the council paid more than its decision committed. A finished year under
 * plan does not: the unspent commitment lapses with that year's budget, and there is nothing left
 * to release. The year under way is measured by its forecast, both ways: a forecast under plan is
 * money the council can release in this year's budget. A year with no spend yet has no run rate,
 * so nothing is forecast from it (imports lag, and zero spend in January says nothing).
 */
function yearTarget(
	y: YearSpend,
	period: ProjectDefinition['period'],
	today: string
): Omit<YearAmendment, 'changes'> | null {
	const elapsed = elapsedShare(y.year, period, today);
	if (elapsed >= 1) {
		if (y.actual <= y.plan) return null;
		const amount = y.actual - y.plan;
		return {
			year: y.year,
			basis: 'spend',
			plan: y.plan,
			actual: y.actual,
			target: y.actual,
			elapsed,
			amount
		};
	}
	if (elapsed <= 0 || y.actual <= 0) return null;
	const target = Math.round(y.actual / elapsed);
	if (target === y.plan) return null;
	return {
		year: y.year,
		basis: 'forecast',
		plan: y.plan,
		actual: y.actual,
		target,
		elapsed,
		amount: target - y.plan
	};
}

/** The year's changes by source: co-financing first, pre-financing only for what it cannot take. */
function yearChanges(y: YearSpend, amount: Cents): YearChange[] {
	const cofinancing = Math.max(0, y.cofinancing + amount);
	const changes: YearChange[] = [
		{
			year: y.year,
			source: 'cofinancing',
			amount: cofinancing - y.cofinancing,
			before: y.cofinancing,
			after: cofinancing
		}
	];
	const rest = amount - (cofinancing - y.cofinancing);
	if (rest !== 0)
		changes.push({
			year: y.year,
			source: 'prefinancing',
			amount: rest,
			before: y.prefinancing,
			after: y.prefinancing + rest
		});
	return changes.filter((c) => c.amount !== 0);
}

/** The plan with the changes applied: the year's figures, the council part and the total. */
export function applyChanges(
	plan: ProjectDefinition,
	changes: readonly YearChange[]
): ProjectDefinition {
	const definition = structuredClone(plan);
	const { funding } = definition;
	for (const change of changes) {
		let year = funding.years.find((y) => y.year === change.year);
		if (!year) {
			year = { year: change.year, prefinancing: 0, cofinancing: 0 };
			funding.years.push(year);
			funding.years.sort((a, b) => a.year - b.year);
		}
		year[change.source] += change.amount;
		// Pre-financing advances the EU part, which the grant fixes: only the council part moves.
		if (change.source === 'cofinancing') {
			funding.council += change.amount;
			funding.total += change.amount;
		}
	}
	return definition;
}

const totals = (d: ProjectDefinition) => ({
	eu: d.funding.eu,
	council: d.funding.council,
	total: d.funding.total
});

/**
 * The amendment the plan in force needs on `today` (the office's YYYY-MM-DD), from the project's
 * figures per year; null when every year keeps to its plan.
 */
export function proposeAmendment(
	plan: ProjectDefinition,
	years: readonly YearSpend[],
	today: string
): AmendmentProposal | null {
	const amendments: YearAmendment[] = [];
	for (const y of years) {
		const target = yearTarget(y, plan.period, today);
		if (target) amendments.push({ ...target, changes: yearChanges(y, target.amount) });
	}
	if (amendments.length === 0) return null;
	const definition = applyChanges(
		plan,
		amendments.flatMap((a) => a.changes)
	);
	const findings = checkPlan(definition);
	return {
		years: amendments,
		amount: amendments.reduce((n, a) => n + a.amount, 0),
		before: totals(plan),
		after: totals(definition),
		definition,
		findings,
		passes: findings.every((f) => f.severity !== 'error')
	};
}
