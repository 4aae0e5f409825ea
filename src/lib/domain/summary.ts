/**
 * A project's plan beside its actuals: the figures behind the dashboards, the reports and
 * `cofund summary`. Built from the definition and from sums the database already made, so it
 * is exact in cents; money leaves here as two-decimal strings.
 */
import { centsToDecimal, type Cents } from './money';
import type { ProjectDefinition } from './project/definition';
import type { ParticipationStatus } from './import/values';

/** One sum of accepted expenses: per year, category and event (null: not linked to an event). */
export interface ExpenseSum {
	year: number;
	category: string;
	event: number | null;
	cents: Cents;
}

export interface TripCount {
	event: number | null;
	status: ParticipationStatus;
	count: number;
}

/** The key expenses without a classification code are listed under. */
export const NO_CATEGORY = 'none';

export interface MobilityCounts {
	planned: number;
	completed: number;
	cancelled: number;
}

export interface ProjectSummary {
	project: string;
	currency: string;
	plan: {
		total: string;
		eu: string;
		council: string;
		byYear: Record<string, { prefinancing: string; cofinancing: string; total: string }>;
	};
	actual: {
		total: string;
		byYear: Record<string, string>;
		byCategory: Record<string, string>;
		byEvent: Record<string, string>;
		unassigned: string;
	};
	mobilities: MobilityCounts & { byEvent: Record<string, MobilityCounts> };
}

function addTo(map: Map<string, Cents>, key: string, cents: Cents) {
	map.set(key, (map.get(key) ?? 0) + cents);
}

const asDecimals = (map: Map<string, Cents>) =>
	Object.fromEntries(
		[...map]
			.sort(([a], [b]) => a.localeCompare(b, 'en', { numeric: true }))
			.map(([k, v]) => [k, centsToDecimal(v)])
	);

export function buildSummary(
	definition: Pick<ProjectDefinition, 'code' | 'currency' | 'funding' | 'events'>,
	expenses: readonly ExpenseSum[],
	trips: readonly TripCount[]
): ProjectSummary {
	const { funding } = definition;
	const byYear = new Map<string, Cents>();
	const byCategory = new Map<string, Cents>();
	const byEvent = new Map<string, Cents>();
	let total = 0;
	let unassigned = 0;
	for (const sum of expenses) {
		total += sum.cents;
		addTo(byYear, String(sum.year), sum.cents);
		addTo(byCategory, sum.category || NO_CATEGORY, sum.cents);
		if (sum.event === null) unassigned += sum.cents;
		else addTo(byEvent, String(sum.event), sum.cents);
	}

	const mobilityByEvent: Record<string, MobilityCounts> = {};
	for (const event of [...definition.events].sort((a, b) => a.number - b.number)) {
		mobilityByEvent[event.number] = { planned: event.representatives, completed: 0, cancelled: 0 };
	}
	const mobilities: MobilityCounts = {
		planned: definition.events.reduce((n, e) => n + e.representatives, 0),
		completed: 0,
		cancelled: 0
	};
	for (const trip of trips) {
		const key = trip.status === 'done' ? 'completed' : 'cancelled';
		mobilities[key] += trip.count;
		if (trip.event === null) continue;
		mobilityByEvent[trip.event] ??= { planned: 0, completed: 0, cancelled: 0 };
		mobilityByEvent[trip.event]![key] += trip.count;
	}

	return {
		project: definition.code,
		currency: definition.currency,
		plan: {
			total: centsToDecimal(funding.total),
			eu: centsToDecimal(funding.eu),
			council: centsToDecimal(funding.council),
			byYear: Object.fromEntries(
				[...funding.years]
					.sort((a, b) => a.year - b.year)
					.map((y) => [
						String(y.year),
						{
							prefinancing: centsToDecimal(y.prefinancing),
							cofinancing: centsToDecimal(y.cofinancing),
							total: centsToDecimal(y.prefinancing + y.cofinancing)
						}
					])
			)
		},
		actual: {
			total: centsToDecimal(total),
			byYear: asDecimals(byYear),
			byCategory: asDecimals(byCategory),
			byEvent: asDecimals(byEvent),
			unassigned: centsToDecimal(unassigned)
		},
		mobilities: { ...mobilities, byEvent: mobilityByEvent }
	};
}
