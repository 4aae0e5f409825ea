/**
 * The rules a funding plan must keep. A plan that breaks one is still saved; each finding names
 * its rule, its numbers and the fields it concerns, so every screen can say exactly what is off.
 */
import type { Cents } from '../money';
import { sumCents } from '../money';
import type { MobilityEvent, ProjectDefinition } from './definition';

export type Severity = 'error' | 'warning';

export type PlanFinding = { severity: Severity; fields: string[] } & (
	| { rule: 'period-order'; start: string; end: string }
	| { rule: 'parts-sum'; eu: Cents; council: Cents; sum: Cents; total: Cents }
	| { rule: 'prefinancing-over-eu'; prefinancing: Cents; eu: Cents }
	| { rule: 'prefinancing-under-eu'; prefinancing: Cents; eu: Cents }
	| { rule: 'cofinancing-sum'; cofinancing: Cents; council: Cents }
	| { rule: 'year-outside-period'; year: number; start: string; end: string }
	| { rule: 'event-outside-period'; event: number; month: string; start: string; end: string }
	| { rule: 'mobilities-sum'; planned: number; events: number }
);

export type PlanRule = PlanFinding['rule'];

/** What the rules look at; an event's place and title do not matter to them. */
export type PlanEvent = Pick<MobilityEvent, 'number' | 'month' | 'representatives'>;
export interface Plan {
	period: ProjectDefinition['period'];
	funding: ProjectDefinition['funding'];
	events: PlanEvent[];
	plannedMobilities?: number | undefined;
}

/** The yearly plan: what the council sets aside per year, pre-financing plus co-financing. */
export function yearTotal(year: { prefinancing: Cents; cofinancing: Cents }): Cents {
	return year.prefinancing + year.cofinancing;
}

export function plannedMobilityCount(events: Plan['events']): number {
	return events.reduce((sum, event) => sum + event.representatives, 0);
}

export function checkPlan(plan: Plan): PlanFinding[] {
	const findings: PlanFinding[] = [];
	const { period, funding, events } = plan;

	if (period.start > period.end) {
		findings.push({
			rule: 'period-order',
			severity: 'error',
			fields: ['period.start', 'period.end'],
			...period
		});
	}

	const sum = funding.eu + funding.council;
	if (sum !== funding.total) {
		findings.push({
			rule: 'parts-sum',
			severity: 'error',
			fields: ['funding.total', 'funding.eu', 'funding.council'],
			eu: funding.eu,
			council: funding.council,
			sum,
			total: funding.total
		});
	}

	const prefinancing = sumCents(funding.years.map((y) => y.prefinancing));
	const prefinancingFields = funding.years.map((_, i) => `funding.years[${i}].prefinancing`);
	if (prefinancing > funding.eu) {
		findings.push({
			rule: 'prefinancing-over-eu',
			severity: 'error',
			fields: ['funding.eu', ...prefinancingFields],
			prefinancing,
			eu: funding.eu
		});
	} else if (prefinancing < funding.eu) {
		findings.push({
			rule: 'prefinancing-under-eu',
			severity: 'warning',
			fields: ['funding.eu', ...prefinancingFields],
			prefinancing,
			eu: funding.eu
		});
	}

	const cofinancing = sumCents(funding.years.map((y) => y.cofinancing));
	if (cofinancing !== funding.council) {
		findings.push({
			rule: 'cofinancing-sum',
			severity: 'error',
			fields: [
				'funding.council',
				...funding.years.map((_, i) => `funding.years[${i}].cofinancing`)
			],
			cofinancing,
			council: funding.council
		});
	}

	const firstYear = Number(period.start.slice(0, 4));
	const lastYear = Number(period.end.slice(0, 4));
	funding.years.forEach((y, i) => {
		if (y.year < firstYear || y.year > lastYear) {
			findings.push({
				rule: 'year-outside-period',
				severity: 'error',
				fields: [`funding.years[${i}].year`],
				year: y.year,
				...period
			});
		}
	});

	const firstMonth = period.start.slice(0, 7);
	const lastMonth = period.end.slice(0, 7);
	events.forEach((event, i) => {
		if (event.month < firstMonth || event.month > lastMonth) {
			findings.push({
				rule: 'event-outside-period',
				severity: 'error',
				fields: [`events[${i}].month`],
				event: event.number,
				month: event.month,
				...period
			});
		}
	});

	const fromEvents = plannedMobilityCount(events);
	if (plan.plannedMobilities !== undefined && plan.plannedMobilities !== fromEvents) {
		findings.push({
			rule: 'mobilities-sum',
			severity: 'error',
			fields: ['plannedMobilities', ...events.map((_, i) => `events[${i}].representatives`)],
			planned: plan.plannedMobilities,
			events: fromEvents
		});
	}

	return findings;
}
