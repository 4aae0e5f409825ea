/**
 * Mobility completion per event as a Chart.js bar chart: planned representatives beside those
 * who travelled and those whose trip was cancelled. Pure data → config, for the dashboard and PDFs.
 */
import type { ChartConfiguration } from 'chart.js';
import type { MobilityCounts } from '../dashboard/figures';
import { legendOptions } from './legend';
import { PALETTE } from './palette';

export interface MobilityLabels {
	event: (number: string) => string;
	planned: string;
	completed: string;
	cancelled: string;
}

export function mobilityChart(
	byEvent: Readonly<Record<string, MobilityCounts>>,
	labels: MobilityLabels
): ChartConfiguration<'bar', number[], string> {
	const events = Object.keys(byEvent).sort((a, b) => Number(a) - Number(b));
	const series = (key: keyof MobilityCounts) => events.map((e) => byEvent[e]![key]);
	return {
		type: 'bar',
		data: {
			labels: events.map(labels.event),
			datasets: [
				{
					label: labels.planned,
					data: series('planned'),
					backgroundColor: 'rgba(0, 114, 178, 0.15)',
					borderColor: PALETTE.blue,
					// Outlined, where what took place is filled: bar outlines are always solid.
					borderWidth: 2
				},
				{
					label: labels.completed,
					data: series('completed'),
					backgroundColor: PALETTE.green,
					stack: 'actual'
				},
				{
					label: labels.cancelled,
					data: series('cancelled'),
					backgroundColor: PALETTE.vermillion,
					stack: 'actual'
				}
			]
		},
		options: {
			animation: false,
			responsive: true,
			maintainAspectRatio: false,
			scales: { y: { beginAtZero: true, ticks: { precision: 0 } } },
			plugins: { legend: legendOptions<'bar'>('bar') }
		}
	};
}
