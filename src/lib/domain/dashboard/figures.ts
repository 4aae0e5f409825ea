/**
 * A project's figures, computed once: the plan against the spend per year, the total, the monthly
 * series, the spend by category and by event, each event's progress and the mobilities. The
 * dashboard, the documents and `cofund summary` all read this one object; they differ only in how
 * they fill its input (the dashboard from the database's sums, a document from its own rows).
 */
import type { ParticipationStatus, FundingSource } from '../import/values';
import type { Cents } from '../money';
import type { ProjectDefinition } from '../project/definition';
import { controlFigures, type ControlFigures, type FindingSum } from './control-figures';
import type { EventProgress } from './event-progress';
import { monthlySeries, type MonthPoint } from './monthly';
import { totalInForce, yearsInForce, type DecisionRef, type FiguresStep } from './plan-in-force';
import { totalVariance, yearVariances, type YearVariance } from './year-variance';

export type {
	ControlFigures,
	DecisionRef,
	EventProgress,
	FindingSum,
	FiguresStep,
	FundingSource,
	MonthPoint
};

/** The key expenses without a classification code are listed under where a key cannot be empty. */
export const NO_CATEGORY = 'none';

/**
 * One sum of expenses (or one expense, with `rows: 1`): its month, classification code ('' when
 * the row has none) and event (null: linked to none).
 */
export interface SpendRow {
	/** YYYY-MM */
	month: string;
	category: string;
	event: number | null;
	/**
	 * The funding source the rows name (null: none). A document's rows carry it; the dashboard's
	 * sums do not keep it, so there every row counts as unmarked, and the dashboard shows no split.
	 */
	funding?: FundingSource | null;
	cents: Cents;
	rows: number;
}

/** Trips per event and status (or one trip, with `count: 1`), with the days they span. */
export interface TripSum {
	event: number | null;
	status: ParticipationStatus;
	count: number;
	/** The first departure of these trips. */
	first: string | null;
	/** The last return of these trips (a departure where the return is not known). */
	last: string | null;
}

/** What of the plan the figures read. */
export type FiguresPlan = Pick<ProjectDefinition, 'period' | 'funding' | 'events'> & {
	plannedMobilities?: number | undefined;
};

export interface FiguresInput {
	plan: FiguresPlan;
	spend: readonly SpendRow[];
	trips: readonly TripSum[];
	/**
	 * The adopted versions as steps (plan-in-force.ts). With them, each year's plan is that of the
	 * version in force on `asOf` (the last when absent), with its decision, and the monthly plan
	 * line follows the version in force at each month's end; without them, `plan.funding` is read.
	 */
	steps?: readonly FiguresStep[];
	/** YYYY-MM-DD: the day the figures are as of (the office's today, a document's date). */
	asOf?: string;
	/** The auditor's findings on the spend's rows, summed (control-figures.ts); none: unchecked. */
	findings?: readonly FindingSum[];
}

export interface SpendBySource {
	eu: Cents;
	council: Cents;
	/** Rows that name no funding source. */
	none: Cents;
}

export interface YearFigures extends YearVariance {
	/** How many expense rows the year's spend sums. */
	rows: number;
	bySource: SpendBySource;
	/**
	 * The decision the year's plan comes from (given steps): null for a year with no plan in
	 * force; absent when the figures were given no steps.
	 */
	decision?: DecisionRef | null;
}

export type TotalFigures = Omit<YearFigures, 'year' | 'decision'>;

export interface MobilityCounts {
	planned: number;
	completed: number;
	cancelled: number;
}

export interface MobilityFigures extends MobilityCounts {
	/** Trips linked to no event: counted as done or cancelled, and in no event. */
	unassigned: number;
}

export interface ProjectFigures {
	/** Every year of the plan or of the spend, in order; a year outside the plan has a plan of 0. */
	years: YearFigures[];
	total: TotalFigures;
	monthly: MonthPoint[];
	/** Largest spend first. */
	byCategory: { category: string; cents: Cents; rows: number }[];
	/** By event number, the spend linked to no event (event null) last. */
	byEvent: { event: number | null; cents: Cents; rows: number }[];
	/** The spend linked to no event. */
	unassigned: { cents: Cents; rows: number };
	/** The plan's events in number order. */
	events: EventProgress[];
	mobility: MobilityFigures;
	/**
	 * Trips per event: the plan's events, and any event number trips name that the plan no longer
	 * has (planned 0), so that the per-event counts add up to the totals' done and cancelled.
	 */
	mobilityByEvent: Record<string, MobilityCounts>;
	/** Declared, verified, queried, ineligible and eligible, per year, code and event. */
	control: ControlFigures;
}

/**
 * The one rule for the planned mobilities: the number the plan states, when it states one,
 * otherwise the sum of its events' representatives. The stated number is what the council's
 * decision promises, and an annex may list fewer events (or representatives) than it promises;
 * the plan check `mobilities-sum` tells the coordinator when the two disagree, but the promise
 * is what completion is measured against. Each event's own planned count is its representatives.
 */
export function plannedMobilityTotal(plan: {
	plannedMobilities?: number | undefined | null;
	events: readonly { representatives: number }[];
}): number {
	return plan.plannedMobilities ?? plan.events.reduce((n, e) => n + e.representatives, 0);
}

const noSpend = (): SpendBySource => ({ eu: 0, council: 0, none: 0 });

/** Largest spend first; the rows with no code last, as they are what is left to classify. */
function byAmount(a: { category: string; cents: Cents }, b: { category: string; cents: Cents }) {
	if ((a.category === '') !== (b.category === '')) return a.category === '' ? 1 : -1;
	return b.cents - a.cents || a.category.localeCompare(b.category, 'en');
}

function add<K>(map: Map<K, { cents: Cents; rows: number }>, key: K, row: SpendRow) {
	const sum = map.get(key) ?? { cents: 0, rows: 0 };
	sum.cents += row.cents;
	sum.rows += row.rows;
	map.set(key, sum);
}

/** The plan the years and the monthly line read: the version in force, or the one plan given. */
function planOf(input: FiguresInput) {
	const steps = input.steps ?? [];
	const inForce = steps.length > 0 ? yearsInForce(steps, input.asOf ?? '9999-12-31') : null;
	if (!inForce)
		return {
			years: input.plan.funding.years,
			decisions: undefined,
			total: input.plan.funding.total
		};
	return {
		years: inForce,
		decisions: new Map(inForce.map((y) => [y.year, y.decision])),
		total: (monthEnd: string) => totalInForce(steps, monthEnd) ?? input.plan.funding.total
	};
}

function spendFigures(input: FiguresInput) {
	const { plan, spend } = input;
	const planned = planOf(input);
	const byMonth = new Map<string, Cents>();
	const byYear = new Map<number, { cents: Cents; rows: number; bySource: SpendBySource }>();
	const byCategory = new Map<string, { cents: Cents; rows: number }>();
	const byEvent = new Map<number | null, { cents: Cents; rows: number }>();
	for (const row of spend) {
		byMonth.set(row.month, (byMonth.get(row.month) ?? 0) + row.cents);
		const year = Number(row.month.slice(0, 4));
		const sums = byYear.get(year) ?? { cents: 0, rows: 0, bySource: noSpend() };
		sums.cents += row.cents;
		sums.rows += row.rows;
		sums.bySource[row.funding ?? 'none'] += row.cents;
		byYear.set(year, sums);
		add(byCategory, row.category, row);
		add(byEvent, row.event, row);
	}
	const actualByYear = new Map([...byYear].map(([year, sums]) => [year, sums.cents]));
	const years: YearFigures[] = yearVariances(planned.years, actualByYear).map((y) => ({
		...y,
		rows: byYear.get(y.year)?.rows ?? 0,
		bySource: byYear.get(y.year)?.bySource ?? noSpend(),
		...(planned.decisions && { decision: planned.decisions.get(y.year) ?? null })
	}));
	const bySource = noSpend();
	for (const y of years)
		for (const source of ['eu', 'council', 'none'] as const) bySource[source] += y.bySource[source];
	return {
		years,
		total: {
			...totalVariance(years),
			rows: years.reduce((n, y) => n + y.rows, 0),
			bySource
		},
		monthly: monthlySeries(plan.period, planned.total, byMonth),
		byCategory: [...byCategory].map(([category, sum]) => ({ category, ...sum })).sort(byAmount),
		byEvent: [...byEvent]
			.map(([event, sum]) => ({ event, ...sum }))
			.sort((a, b) => (a.event ?? Infinity) - (b.event ?? Infinity)),
		unassigned: byEvent.get(null) ?? { cents: 0, rows: 0 }
	};
}

interface EventTrips extends MobilityCounts {
	from: string | null;
	to: string | null;
}

const earlier = (a: string | null, b: string | null) =>
	a === null || (b !== null && b < a) ? b : a;
const later = (a: string | null, b: string | null) => (a === null || (b !== null && b > a) ? b : a);

function tripFigures(plan: FiguresPlan, trips: readonly TripSum[]) {
	const byEvent = new Map<number, EventTrips>();
	for (const event of plan.events)
		byEvent.set(event.number, {
			planned: event.representatives,
			completed: 0,
			cancelled: 0,
			from: null,
			to: null
		});
	const mobility: MobilityFigures = {
		planned: plannedMobilityTotal(plan),
		completed: 0,
		cancelled: 0,
		unassigned: 0
	};
	for (const trip of trips) {
		const key = trip.status === 'done' ? 'completed' : 'cancelled';
		mobility[key] += trip.count;
		if (trip.event === null) {
			mobility.unassigned += trip.count;
			continue;
		}
		const event = byEvent.get(trip.event) ?? {
			planned: 0,
			completed: 0,
			cancelled: 0,
			from: null,
			to: null
		};
		event[key] += trip.count;
		// The days an event took are those of the trips that took place.
		if (trip.status === 'done') {
			event.from = earlier(event.from, trip.first);
			event.to = later(event.to, trip.last);
		}
		byEvent.set(trip.event, event);
	}
	const events: EventProgress[] = [...plan.events]
		.sort((a, b) => a.number - b.number)
		.map((e) => {
			const { planned, completed, cancelled, from, to } = byEvent.get(e.number)!;
			return {
				number: e.number,
				month: e.month,
				city: e.city ?? null,
				country: e.country,
				planned,
				completed,
				cancelled,
				from,
				to
			};
		});
	const mobilityByEvent = Object.fromEntries(
		[...byEvent]
			.sort(([a], [b]) => a - b)
			.map(([n, { planned, completed, cancelled }]) => [
				String(n),
				{ planned, completed, cancelled }
			])
	);
	return { events, mobility, mobilityByEvent };
}

export function projectFigures(input: FiguresInput): ProjectFigures {
	return {
		...spendFigures(input),
		...tripFigures(input.plan, input.trips),
		control: controlFigures(input.spend, input.findings ?? [])
	};
}
