/**
 * What on a project needs someone's attention, each with the rows behind it: a year over plan,
 * an event whose month has passed with fewer trips done than planned, expenses dated outside
 * the project period, and expenses not linked to any event.
 */
import type { Cents } from '../money';
import type { MobilityCounts } from './figures';
import type { YearVariance } from './year-variance';

export type Alert =
	| { kind: 'year-over-plan'; year: number; variance: Cents; ratio: number | null }
	| { kind: 'event-behind'; event: number; month: string; done: number; planned: number }
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
	for (const event of input.events) {
		const counts = input.mobility[event.number];
		if (event.month < input.thisMonth && counts && counts.completed < counts.planned) {
			alerts.push({
				kind: 'event-behind',
				event: event.number,
				month: event.month,
				done: counts.completed,
				planned: counts.planned
			});
		}
	}
	if (input.outsidePeriod.count > 0)
		alerts.push({ kind: 'outside-period', ...input.outsidePeriod });
	if (input.unassigned.count > 0) alerts.push({ kind: 'unassigned', ...input.unassigned });
	return alerts;
}
