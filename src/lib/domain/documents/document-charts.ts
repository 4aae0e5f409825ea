/**
 * The dashboard's charts for a document, built by the same config functions the dashboard uses,
 * from the figures of the rows the document's fingerprint covers (document-figures.ts). Only the
 * charts the template names are built.
 */
import type { ChartConfiguration } from 'chart.js';
import { cumulativeChart } from '../charts/cumulative-chart';
import { eventLabeller } from '../charts/event-label';
import { countryName } from '../countries';
import { mobilityChart } from '../charts/mobility-chart';
import { timelineChart } from '../charts/timeline-chart';
import { yearPlanChart } from '../charts/year-plan-chart';
import { formatMoney, formatMonth } from '../format';
import type { Locale } from '../locale';
import type { DocumentData } from './document-data';
import { documentFigures } from './document-figures';
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
	words: ChartWords,
	/** The document's date: the years are set against the plan in force on it. */
	asOf?: string
): AnyChartConfig {
	const { plan } = data;
	const figures = documentFigures(data, asOf);
	const money = (units: number) =>
		formatMoney(Math.round(units * 100), lang, { currency: plan.currency });
	const month = (iso: string) => formatMonth(iso, lang);
	// The plan may name a country in its own words; the charts use those words too.
	const names = new Map(plan.events.map((e) => [e.country, e.countryName]));
	const country = (code: string) => countryName(code, lang, names.get(code));

	switch (name) {
		case 'year_plan':
			return yearPlanChart(figures.years, {
				prefinancing: words.prefinancing,
				cofinancing: words.cofinancing,
				actual: words.actual,
				money
			}) as AnyChartConfig;
		case 'cumulative':
			return cumulativeChart(figures.monthly, plan.funding.total, {
				spent: words.spent,
				proRata: words.proRata,
				plan: words.plan,
				month,
				money
			}) as AnyChartConfig;
		case 'mobility':
			return mobilityChart(figures.mobilityByEvent, {
				event: eventLabeller(figures.events, country, words.event),
				planned: words.planned,
				completed: words.completed,
				cancelled: words.cancelled
			}) as AnyChartConfig;
		case 'timeline':
			return timelineChart(figures.events, plan.period, {
				country,
				planned: words.plannedMonth,
				actual: words.tookPlace,
				month
			}) as unknown as AnyChartConfig;
	}
}
