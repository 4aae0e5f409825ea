/**
 * The council's view over all projects: what it committed per year (pre-financing and
 * co-financing) against what was spent, each project's execution and mobility completion, and
 * which projects want a decision or attention. Sums are in the portfolio's currency (EUR);
 * a project in another currency is listed but left out of the yearly sums.
 */
import type { Cents } from '../money';
import {
	controlFigures,
	type ControlAmounts,
	type ControlFigures,
	type DeclaredSum,
	type FindingSum
} from './control-figures';
import { totalVariance, yearVariances, type PlannedYear, type YearVariance } from './year-variance';

export interface PortfolioInput {
	code: string;
	title: { lv: string; en: string };
	currency: string;
	plan: Cents;
	years: readonly PlannedYear[];
	actualByYear: ReadonlyMap<number, Cents>;
	mobilityPlanned: number;
	mobilityDone: number;
	/** Events whose month has passed with fewer trips done than planned. */
	eventsBehind: number;
	/** Plan rules the project's plan breaks. */
	planErrors: number;
	/** The project's declared sums and the auditor's findings on them (control-figures.ts). */
	declared?: readonly DeclaredSum[];
	findings?: readonly FindingSum[];
}

export type Attention =
	| { kind: 'plan-errors'; count: number }
	| { kind: 'year-over-plan'; year: number; variance: Cents }
	| { kind: 'events-behind'; count: number };

export interface PortfolioProject {
	code: string;
	title: { lv: string; en: string };
	currency: string;
	plan: Cents;
	actual: Cents;
	/** actual / plan, or null without a plan. */
	execution: number | null;
	mobilityPlanned: number;
	mobilityDone: number;
	completion: number | null;
	attention: Attention[];
	/** Eligible against declared, from the one control computation. */
	control: ControlAmounts;
}

export interface Portfolio {
	currency: string;
	years: YearVariance[];
	total: Omit<YearVariance, 'year'>;
	projects: PortfolioProject[];
	/** Eligible against declared over the projects in the portfolio's currency, and per year. */
	control: Pick<ControlFigures, 'total' | 'years'>;
}

export function buildPortfolio(inputs: readonly PortfolioInput[], currency = 'EUR'): Portfolio {
	const plans = new Map<number, PlannedYear>();
	const actuals = new Map<number, Cents>();
	// The control over all projects is the one computation fed with every project's sums.
	const declared: DeclaredSum[] = [];
	const findings: FindingSum[] = [];
	const projects = inputs.map((input): PortfolioProject => {
		const years = yearVariances(input.years, input.actualByYear);
		if (input.currency === currency) {
			for (const year of years) {
				const sum = plans.get(year.year) ?? { year: year.year, prefinancing: 0, cofinancing: 0 };
				sum.prefinancing += year.prefinancing;
				sum.cofinancing += year.cofinancing;
				plans.set(year.year, sum);
				actuals.set(year.year, (actuals.get(year.year) ?? 0) + year.actual);
			}
			declared.push(...(input.declared ?? []));
			findings.push(...(input.findings ?? []));
		}
		const actual = years.reduce((n, y) => n + y.actual, 0);
		const attention: Attention[] = [];
		if (input.planErrors > 0) attention.push({ kind: 'plan-errors', count: input.planErrors });
		for (const year of years) {
			if (year.status === 'over') {
				attention.push({ kind: 'year-over-plan', year: year.year, variance: year.variance });
			}
		}
		if (input.eventsBehind > 0)
			attention.push({ kind: 'events-behind', count: input.eventsBehind });
		return {
			code: input.code,
			title: input.title,
			currency: input.currency,
			plan: input.plan,
			actual,
			execution: input.plan === 0 ? null : actual / input.plan,
			mobilityPlanned: input.mobilityPlanned,
			mobilityDone: input.mobilityDone,
			completion: input.mobilityPlanned === 0 ? null : input.mobilityDone / input.mobilityPlanned,
			attention,
			control: controlFigures(input.declared ?? [], input.findings ?? []).total
		};
	});
	const years = yearVariances([...plans.values()], actuals);
	const { total, years: controlYears } = controlFigures(declared, findings);
	return {
		currency,
		years,
		total: totalVariance(years),
		projects,
		control: { total, years: controlYears }
	};
}
