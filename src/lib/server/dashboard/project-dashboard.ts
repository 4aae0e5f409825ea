/**
 * Everything a project's dashboard shows, summed by the database: spend per month, category and
 * event (from the sums imports keep, see expense-sums.ts), trips per event and status, and the
 * counts behind the alerts, all over the live rows (a reverted import's rows count nowhere). JavaScript only shapes these few dozen sums; it never walks the rows.
 */
import { sql } from 'drizzle-orm';
import { officeMonth } from '$lib/domain/format';
import { projectAlerts, type Alert } from '$lib/domain/dashboard/alerts';
import { monthlySeries, type MonthPoint } from '$lib/domain/dashboard/monthly';
import {
	totalVariance,
	yearVariances,
	type YearVariance
} from '$lib/domain/dashboard/year-variance';
import type { ProjectDefinition } from '$lib/domain/project/definition';
import type { MobilityCounts } from '$lib/domain/summary';
import type { Cents } from '$lib/domain/money';
import type { EventProgress } from '$lib/domain/dashboard/event-progress';
import { queryRows, type Queryable } from '../db';
import { loadProject } from '../projects/load-definition';

export type { EventProgress };

export interface ProjectDashboard {
	definition: ProjectDefinition;
	years: YearVariance[];
	total: Omit<YearVariance, 'year'>;
	monthly: MonthPoint[];
	byCategory: { category: string; cents: Cents }[];
	byEvent: { event: number | null; cents: Cents }[];
	events: EventProgress[];
	mobility: MobilityCounts;
	alerts: Alert[];
}

const num = (value: unknown) => Number(value ?? 0);

export async function projectDashboard(
	db: Queryable,
	code: string,
	thisMonth = officeMonth()
): Promise<ProjectDashboard | null> {
	const stored = await loadProject(db, code);
	if (!stored) return null;
	const { id, definition } = stored;
	const { period } = definition;

	const [months, categories, events, trips, tripDates, checks] = await Promise.all([
		queryRows<{ month: string; cents: string }>(
			db,
			sql`select month, sum(cents)::text as cents
				from expense_sums where project_id = ${id} group by 1`
		),
		queryRows<{ category: string; cents: string }>(
			db,
			sql`select category, sum(cents)::text as cents
				from expense_sums where project_id = ${id} group by 1 order by 2::bigint desc`
		),
		queryRows<{ event: number | null; cents: string }>(
			db,
			sql`select nullif(event, 0) as event, sum(cents)::text as cents
				from expense_sums where project_id = ${id} group by 1 order by 1 nulls last`
		),
		queryRows<{ event: number | null; status: 'done' | 'cancelled'; count: string }>(
			db,
			sql`select event_number as event, status, count(*)::text as count
				from participations where project_id = ${id} and reverted_at is null group by 1, 2`
		),
		queryRows<{ event: number; first: string; last: string }>(
			db,
			sql`select event_number as event, min(departure)::text as first,
					max(coalesce(return_date, departure))::text as last
				from participations
				where project_id = ${id} and reverted_at is null and status = 'done'
					and event_number is not null
				group by 1`
		),
		queryRows<{
			outside: string;
			outside_cents: string;
			unassigned: string;
			unassigned_cents: string;
		}>(
			db,
			// Rows outside the period come from two short range scans of the (project, date)
			// index: the period's ends fall mid-month, which the monthly sums cannot tell.
			sql`select
					(select count(*) from expenses where project_id = ${id} and reverted_at is null
						and (date < ${period.start} or date > ${period.end}))::text as outside,
					(select coalesce(sum(amount_cents), 0) from expenses
						where project_id = ${id} and reverted_at is null
						and (date < ${period.start} or date > ${period.end}))::text as outside_cents,
					(select coalesce(sum(rows), 0) from expense_sums
						where project_id = ${id} and event = 0)::text as unassigned,
					(select coalesce(sum(cents), 0) from expense_sums
						where project_id = ${id} and event = 0)::text as unassigned_cents`
		)
	]);

	const spentByMonth = new Map(months.map((m) => [m.month, num(m.cents)]));
	const byYear = new Map<number, Cents>();
	for (const [month, cents] of spentByMonth) {
		const year = Number(month.slice(0, 4));
		byYear.set(year, (byYear.get(year) ?? 0) + cents);
	}
	const years = yearVariances(definition.funding.years, byYear);

	const counts = new Map<number, MobilityCounts>();
	const mobility: MobilityCounts = { planned: 0, completed: 0, cancelled: 0 };
	for (const event of definition.events) {
		counts.set(event.number, { planned: event.representatives, completed: 0, cancelled: 0 });
		mobility.planned += event.representatives;
	}
	for (const trip of trips) {
		const key = trip.status === 'done' ? 'completed' : 'cancelled';
		mobility[key] += num(trip.count);
		if (trip.event === null) continue;
		const event = counts.get(Number(trip.event)) ?? { planned: 0, completed: 0, cancelled: 0 };
		event[key] += num(trip.count);
		counts.set(Number(trip.event), event);
	}
	const dates = new Map(tripDates.map((t) => [Number(t.event), t]));
	const eventProgress = [...definition.events]
		.sort((a, b) => a.number - b.number)
		.map((e) => ({
			number: e.number,
			month: e.month,
			country: e.country,
			...counts.get(e.number)!,
			from: dates.get(e.number)?.first ?? null,
			to: dates.get(e.number)?.last ?? null
		}));
	const check = checks[0]!;

	return {
		definition,
		years,
		total: totalVariance(years),
		monthly: monthlySeries(period, definition.funding.total, spentByMonth),
		byCategory: categories.map((c) => ({ category: c.category, cents: num(c.cents) })),
		byEvent: events.map((e) => ({
			event: e.event === null ? null : Number(e.event),
			cents: num(e.cents)
		})),
		events: eventProgress,
		mobility,
		alerts: projectAlerts({
			years,
			events: definition.events.map((e) => ({ number: e.number, month: e.month })),
			mobility: Object.fromEntries(counts),
			outsidePeriod: { count: num(check.outside), cents: num(check.outside_cents) },
			unassigned: { count: num(check.unassigned), cents: num(check.unassigned_cents) },
			thisMonth
		})
	};
}
