/**
 * The dashboard's charts for a document, built by the same config functions the dashboard uses,
 * from the rows the document's fingerprint covers. Only the charts the template names are built.
 */
import type { ChartConfiguration } from 'chart.js';
import { cumulativeChart } from '../charts/cumulative-chart';
import { mobilityChart } from '../charts/mobility-chart';
import { timelineChart } from '../charts/timeline-chart';
import { yearPlanChart } from '../charts/year-plan-chart';
import { monthlySeries } from '../dashboard/monthly';
import { yearVariances } from '../dashboard/year-variance';
import { formatMoney, formatMonth } from '../format';
import type { Locale } from '../locale';
import type { Cents } from '../money';
import type { MobilityCounts } from '../summary';
import type { DocumentData } from './document-data';
import type { ChartName } from './template-definition';

/** The chart words in the document's language, from the app's messages. */
export interface ChartWords {
	prefinancing: string;
	cofinancing: string;
	actual: string;
	spent: string;
	proRata: string;
	plan: string;
	planned: string;
	completed: string;
	cancelled: string;
	plannedMonth: string;
	tookPlace: string;
	event: (number: number) => string;
}

// Chart.js configs differ in their type parameters; the renderer treats them all alike.
export type AnyChartConfig = ChartConfiguration<'bar' | 'line', unknown[], string>;

export function documentChart(
	name: ChartName,
	data: DocumentData,
	lang: Locale,
	words: ChartWords
): AnyChartConfig {
	const { plan } = data;
	const expenses = data.expenses ?? [];
	const trips = data.trips ?? [];
	const money = (units: number) =>
		formatMoney(Math.round(units * 100), lang, { currency: plan.currency });
	const month = (iso: string) => formatMonth(iso, lang);

	switch (name) {
		case 'year_plan': {
			const byYear = new Map<number, Cents>();
			for (const row of expenses) {
				const year = Number(row.date.slice(0, 4));
				byYear.set(year, (byYear.get(year) ?? 0) + row.cents);
			}
			return yearPlanChart(yearVariances(plan.funding.years, byYear), {
				prefinancing: words.prefinancing,
				cofinancing: words.cofinancing,
				actual: words.actual,
				money
			}) as AnyChartConfig;
		}
		case 'cumulative': {
			const byMonth = new Map<string, Cents>();
			for (const row of expenses) {
				const key = row.date.slice(0, 7);
				byMonth.set(key, (byMonth.get(key) ?? 0) + row.cents);
			}
			return cumulativeChart(
				monthlySeries(plan.period, plan.funding.total, byMonth),
				plan.funding.total,
				{
					spent: words.spent,
					proRata: words.proRata,
					plan: words.plan,
					month,
					money
				}
			) as AnyChartConfig;
		}
		case 'mobility': {
			const byEvent: Record<string, MobilityCounts> = {};
			for (const event of plan.events)
				byEvent[event.number] = { planned: event.representatives, completed: 0, cancelled: 0 };
			for (const trip of trips) {
				if (trip.event === null) continue;
				const counts = (byEvent[trip.event] ??= { planned: 0, completed: 0, cancelled: 0 });
				counts[trip.status === 'done' ? 'completed' : 'cancelled']++;
			}
			return mobilityChart(byEvent, {
				event: (n) => words.event(Number(n)),
				planned: words.planned,
				completed: words.completed,
				cancelled: words.cancelled
			}) as AnyChartConfig;
		}
		case 'timeline': {
			const events = [...plan.events]
				.sort((a, b) => a.number - b.number)
				.map((e) => {
					const done = trips.filter((t) => t.event === e.number && t.status === 'done');
					const from = done.map((t) => t.departure).sort()[0] ?? null;
					const to =
						done
							.map((t) => t.return ?? t.departure)
							.sort()
							.at(-1) ?? null;
					return {
						number: e.number,
						month: e.month,
						country: e.country,
						planned: e.representatives,
						completed: done.length,
						cancelled: trips.filter((t) => t.event === e.number && t.status === 'cancelled').length,
						from,
						to
					};
				});
			return timelineChart(events, plan.period, {
				event: words.event,
				planned: words.plannedMonth,
				actual: words.tookPlace,
				month
			}) as unknown as AnyChartConfig;
		}
	}
}
