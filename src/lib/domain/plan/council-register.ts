/**
 * The council's register: every decision across the projects, each at its last record, with what
 * it committed per budget year and, for an amendment, the net change against the decision before
 * it; and the total the council has committed per budget year, amendments netted (the plan in
 * force now of each project, summed), each year saying which decisions its figures come from.
 */
import { figuresSteps, yearsInForce, type DecisionRef } from '../dashboard/plan-in-force';
import type { Cents } from '../money';
import { decisionRecords, type PlanVersion } from './plan-versions';

export interface RegisterProject {
	code: string;
	title: { lv: string; en: string };
	currency: string;
	versions: readonly PlanVersion[];
}

export interface RegisterYear {
	year: number;
	prefinancing: Cents;
	cofinancing: Cents;
	/** Pre-financing plus co-financing. */
	total: Cents;
}

export interface RegisterEntry {
	code: string;
	title: { lv: string; en: string };
	currency: string;
	/** The plan version that is this decision's last record. */
	version: number;
	kind: 'adoption' | 'amendment';
	decision: DecisionRef & { annex: number };
	/** What the decision committed per budget year: its plan's years. */
	years: RegisterYear[];
	/**
	 * Per budget year, what it changed against the decision before it (years it left alone
	 * omitted); an adoption changes nothing before it, so its change is all its years.
	 */
	change: RegisterYear[];
	/** The decision it amends; null for an adoption. */
	amends: DecisionRef | null;
}

export interface RegisterTotal extends RegisterYear {
	/** The decision each project's figures for the year come from. */
	sources: { code: string; decision: DecisionRef }[];
}

export interface CouncilRegister {
	currency: string;
	/** Newest first: by decision date, then project code, then version. */
	decisions: RegisterEntry[];
	/** Per budget year, the plans in force now summed (projects in the register's currency). */
	totals: RegisterTotal[];
	total: Omit<RegisterYear, 'year'>;
}

type Money = Omit<RegisterYear, 'year' | 'total'>;
const NOTHING: Money = { prefinancing: 0, cofinancing: 0 };

const yearOf = (year: number, { prefinancing, cofinancing }: Money): RegisterYear => ({
	year,
	prefinancing,
	cofinancing,
	total: prefinancing + cofinancing
});

const byYear = (years: readonly (Money & { year: number })[]) =>
	new Map(years.map((y) => [y.year, { prefinancing: y.prefinancing, cofinancing: y.cofinancing }]));

/** This plan's years less the one before's, per year; a year that changed by nothing is left out. */
function changeOf(years: RegisterYear[], before: RegisterYear[]): RegisterYear[] {
	const now = byYear(years);
	const then = byYear(before);
	return [...new Set([...now.keys(), ...then.keys()])]
		.sort((a, b) => a - b)
		.map((year) => {
			const a = now.get(year) ?? NOTHING;
			const b = then.get(year) ?? NOTHING;
			return yearOf(year, {
				prefinancing: a.prefinancing - b.prefinancing,
				cofinancing: a.cofinancing - b.cofinancing
			});
		})
		.filter((y) => y.prefinancing !== 0 || y.cofinancing !== 0);
}

function projectEntries(project: RegisterProject): RegisterEntry[] {
	let before: { years: RegisterYear[]; decision: DecisionRef } | null = null;
	return decisionRecords(project.versions).map((version) => {
		const { decision, funding } = version.definition;
		const years = [...funding.years].sort((a, b) => a.year - b.year).map((y) => yearOf(y.year, y));
		const ref = { number: decision.number.trim(), date: decision.date };
		const entry: RegisterEntry = {
			code: project.code,
			title: project.title,
			currency: project.currency,
			version: version.number,
			kind: before ? 'amendment' : 'adoption',
			decision: { ...ref, annex: decision.annex },
			years,
			change: before ? changeOf(years, before.years) : years,
			amends: before?.decision ?? null
		};
		before = { years, decision: ref };
		return entry;
	});
}

const newestFirst = (a: RegisterEntry, b: RegisterEntry) =>
	b.decision.date.localeCompare(a.decision.date) ||
	a.code.localeCompare(b.code, 'en') ||
	b.version - a.version;

export function councilRegister(
	projects: readonly RegisterProject[],
	currency = 'EUR'
): CouncilRegister {
	const decisions = projects.flatMap(projectEntries).sort(newestFirst);
	const totals = new Map<number, RegisterTotal>();
	for (const project of projects) {
		if (project.currency !== currency) continue;
		// The plan in force now and from here on: the last step's years, each with its decision.
		for (const year of yearsInForce(figuresSteps(project.versions), '9999-12-31') ?? []) {
			const sum = totals.get(year.year) ?? { ...yearOf(year.year, NOTHING), sources: [] };
			sum.prefinancing += year.prefinancing;
			sum.cofinancing += year.cofinancing;
			sum.total = sum.prefinancing + sum.cofinancing;
			sum.sources.push({ code: project.code, decision: year.decision });
			totals.set(year.year, sum);
		}
	}
	const years = [...totals.values()].sort((a, b) => a.year - b.year);
	const prefinancing = years.reduce((n, y) => n + y.prefinancing, 0);
	const cofinancing = years.reduce((n, y) => n + y.cofinancing, 0);
	return {
		currency,
		decisions,
		totals: years,
		total: { prefinancing, cofinancing, total: prefinancing + cofinancing }
	};
}
