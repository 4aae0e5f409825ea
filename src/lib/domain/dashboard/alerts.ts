/**
 * What on a project needs someone's attention, each with the rows behind it: a year over plan,
 * the plan needing an amendment (a year the amendment proposal names, see
 * plan/amendment-proposal.ts), an event whose month has passed with fewer trips done than planned, expenses dated outside
 * the project period, and expenses not linked to any event. No alert counts zero: a project
 * with no trip recorded at all gets no event alerts (its empty state offers the import instead),
 * and an event with none done is said as such, not as "0 of 4".
 */
import type { Cents } from '../money';
import type { MobilityCounts } from './figures';
import type { YearVariance } from './year-variance';

export type Alert =
	| { kind: 'year-over-plan'; year: number; variance: Cents; ratio: number | null }
	/** The amendment proposal names this year, by this signed amount. */
	| { kind: 'plan-amendment'; year: number; amount: Cents }
	| { kind: 'event-behind'; event: number; month: string; done: number; planned: number }
	/** Its month has passed and no trip to it is recorded as done; `cancelled` may be 0. */
	| { kind: 'event-missed'; event: number; month: string; planned: number; cancelled: number }
	| { kind: 'outside-period'; count: number; cents: Cents }
	| { kind: 'unassigned'; count: number; cents: Cents };

export interface AlertInput {
	years: readonly YearVariance[];
	events: readonly { number: number; month: string }[];
	mobility: Readonly<Record<string, MobilityCounts>>;
	outsidePeriod: { count: number; cents: Cents };
	unassigned: { count: number; cents: Cents };
	/** YYYY-MM: events planned before it should have happened. */
	thisMonth: string;
	/** Trips recorded on the project, done or cancelled: with none, trips are not yet imported. */
	tripsRecorded: number;
	/** The years the amendment proposal names; absent or empty: the plan needs none. */
	amendment?: readonly { year: number; amount: Cents }[];
}

export function projectAlerts(input: AlertInput): Alert[] {
	const alerts: Alert[] = [];
	for (const year of input.years) {
		if (year.status === 'over') {
			alerts.push({
				kind: 'year-over-plan',
				year: year.year,
				variance: year.variance,
				ratio: year.ratio
			});
		}
	}
	for (const { year, amount } of input.amendment ?? [])
		alerts.push({ kind: 'plan-amendment', year, amount });
	for (const event of input.tripsRecorded > 0 ? input.events : []) {
		const counts = input.mobility[event.number];
		if (!(event.month < input.thisMonth && counts && counts.completed < counts.planned)) continue;
		const { number, month } = event;
		alerts.push(
			counts.completed === 0
				? {
						kind: 'event-missed',
						event: number,
						month,
						planned: counts.planned,
						cancelled: counts.cancelled
					}
				: {
						kind: 'event-behind',
						event: number,
						month,
						done: counts.completed,
						planned: counts.planned
					}
		);
	}
	if (input.outsidePeriod.count > 0)
		alerts.push({ kind: 'outside-period', ...input.outsidePeriod });
	if (input.unassigned.count > 0) alerts.push({ kind: 'unassigned', ...input.unassigned });
	return alerts;
}
