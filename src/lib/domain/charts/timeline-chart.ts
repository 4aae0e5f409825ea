/**
 * The mobility events on a timeline: each event's planned month as an outlined band, and the
 * days its trips actually took as a solid bar on the same line. The x axis counts months from
 * the project's start, so no date library is needed and Chart.js gets plain numbers. Each event
 * is named by number and place (`1 · Jette`). A trip of two days is a fifteenth of a month, a
 * hairline on a 20-month axis, so the "took place" mark is drawn at least MIN_MARK wide around
 * the days it spans, and drawn over the planned band, not under it. What took place stops at
 * today (the office's clock); the planned months run to the period's end.
 */
import type { ChartConfiguration } from 'chart.js';
import type { EventProgress } from '../dashboard/event-progress';
import { isAfterToday } from '../dashboard/monthly';
import { eventLabel } from './event-label';
import { legendOptions } from './legend';
import { PALETTE } from './palette';

export interface TimelineLabels {
	/** A country code → its name, for an event the plan gives no city. */
	country: (code: string) => string;
	planned: string;
	actual: string;
	/** "2018-03" → the month as the reader writes it. */
	month: (month: string) => string;
}

/** Months (with a fraction for the day) from the start of `first` to `iso` (YYYY-MM or YYYY-MM-DD). */
export function monthOffset(first: string, iso: string): number {
	const months =
		(Number(iso.slice(0, 4)) - Number(first.slice(0, 4))) * 12 +
		Number(iso.slice(5, 7)) -
		Number(first.slice(5, 7));
	if (iso.length < 10) return months;
	const days = new Date(Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)), 0)).getUTCDate();
	return months + (Number(iso.slice(8, 10)) - 1) / days;
}

function monthAt(first: string, offset: number): string {
	const index = Number(first.slice(0, 4)) * 12 + Number(first.slice(5, 7)) - 1 + Math.floor(offset);
	return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}

/** The narrowest "took place" mark, in months: about a week, visible on paper and on a phone. */
export const MIN_MARK = 0.25;

/** The span a "took place" mark covers: the trips' days, widened about their middle to MIN_MARK. */
export function tookPlaceSpan(first: string, from: string, to: string): [number, number] {
	const start = monthOffset(first, from);
	// The last day counts whole: a trip returning on the 15th took the 15th too.
	const days = new Date(Date.UTC(Number(to.slice(0, 4)), Number(to.slice(5, 7)), 0)).getUTCDate();
	const end = monthOffset(first, to) + 1 / days;
	const middle = (start + end) / 2;
	const half = Math.max((end - start) / 2, MIN_MARK / 2);
	return [middle - half, middle + half];
}

export function timelineChart(
	events: readonly EventProgress[],
	period: { start: string; end: string },
	labels: TimelineLabels,
	/** YYYY-MM-DD, the office's today; without it the trips' days are drawn as recorded. */
	today?: string
): ChartConfiguration<'bar', [number, number][], string> {
	const first = period.start.slice(0, 7);
	const span = Math.ceil(monthOffset(first, period.end.slice(0, 7)) + 1);
	return {
		type: 'bar',
		data: {
			labels: events.map((e) => eventLabel(e, labels.country)),
			datasets: [
				{
					label: labels.planned,
					data: events.map((e) => {
						const at = monthOffset(first, e.month);
						return [at, at + 1];
					}),
					backgroundColor: 'rgba(0, 114, 178, 0.12)',
					borderColor: PALETTE.blue,
					borderWidth: 2,
					borderSkipped: false,
					grouped: false,
					barPercentage: 0.9,
					// A higher order is drawn first, so the band lies under the mark.
					order: 1
				},
				{
					label: labels.actual,
					// An event with no trip yet has no bar: [0, 0] draws nothing.
					data: events.map((e) => {
						if (!e.from || isAfterToday(e.from, today)) return [0, 0];
						const to = e.to ?? e.from;
						const end = today !== undefined && isAfterToday(to, today) ? today : to;
						return tookPlaceSpan(first, e.from, end);
					}),
					backgroundColor: PALETTE.green,
					borderColor: '#00664A',
					borderWidth: 1,
					borderSkipped: false,
					grouped: false,
					barPercentage: 0.5,
					order: 0
				}
			]
		},
		options: {
			indexAxis: 'y',
			animation: false,
			responsive: true,
			maintainAspectRatio: false,
			scales: {
				// Every event keeps its label, however short the chart is drawn.
				y: { ticks: { autoSkip: false } },
				x: {
					min: 0,
					max: span,
					ticks: {
						stepSize: 1,
						autoSkip: true,
						callback: (v) => labels.month(monthAt(first, Number(v)))
					}
				}
			},
			plugins: { legend: legendOptions<'bar'>('bar'), tooltip: { enabled: false } }
		}
	};
}
