/**
 * The plan the figures read on a date: each adopted version as a step (the date it took effect,
 * its decision, its yearly money), which one is in force on a date, and for each year of it the
 * decision its figures come from.
 */
import type { Cents } from '../money';
import { planSteps, type PlanVersion } from '../plan/plan-versions';
import type { PlannedYear } from './year-variance';

/** A decision as a figure names it: by its number and date. */
export interface DecisionRef {
	number: string;
	/** YYYY-MM-DD */
	date: string;
}

/** One adopted version as the figures read it. */
export interface FiguresStep {
	/** YYYY-MM-DD: the day it took effect (its decision's date). */
	from: string;
	decision: DecisionRef;
	total: Cents;
	years: PlannedYear[];
}

/** A year of the plan in force, with the decision since which its figures are as they are. */
export interface YearInForce extends PlannedYear {
	decision: DecisionRef;
}

/** The adopted versions, in the order they took effect, as steps. */
export function figuresSteps(versions: readonly PlanVersion[]): FiguresStep[] {
	return planSteps(versions).map(({ from, version }) => ({
		from,
		decision: { number: version.decision.number.trim(), date: version.decision.date },
		total: version.definition.funding.total,
		years: version.definition.funding.years.map((y) => ({
			year: y.year,
			prefinancing: y.prefinancing,
			cofinancing: y.cofinancing
		}))
	}));
}

/**
 * The steps up to the one in force on a date: the last to take effect by then, or, before the
 * first, the first (a project spends from its start, measured against the plan the council went
 * on to adopt; as planInForce says). Steps come in the order they took effect.
 */
function stepsUpTo(steps: readonly FiguresStep[], date: string): FiguresStep[] {
	let last = 0;
	steps.forEach((step, i) => {
		if (step.from <= date) last = i;
	});
	return steps.slice(0, last + 1);
}

/** The plan total in force on a date; null with no steps. */
export function totalInForce(steps: readonly FiguresStep[], date: string): Cents | null {
	return stepsUpTo(steps, date).at(-1)?.total ?? null;
}

/**
 * The years of the plan in force on a date, each with the earliest decision since which its
 * pre-financing and co-financing are unchanged: a year an amendment left alone keeps the decision
 * that first set it (SOLID amended in 2019: 2018 stays under No. 57, 2019 comes under No. 512).
 */
export function yearsInForce(steps: readonly FiguresStep[], date: string): YearInForce[] | null {
	const upTo = stepsUpTo(steps, date);
	const inForce = upTo.at(-1);
	if (!inForce) return null;
	return inForce.years.map((year) => {
		let since = inForce.decision;
		for (let i = upTo.length - 2; i >= 0; i--) {
			const before = upTo[i]!.years.find((y) => y.year === year.year);
			if (
				!before ||
				before.prefinancing !== year.prefinancing ||
				before.cofinancing !== year.cofinancing
			)
				break;
			since = upTo[i]!.decision;
		}
		return { ...year, decision: since };
	});
}
