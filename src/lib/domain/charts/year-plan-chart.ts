/**
 * The yearly plan against actual spend as a Chart.js bar chart: each year's plan stacked from
 * pre-financing and co-financing, beside the actual spend. Pure data → config, so the dashboard
 * and the PDF renderer draw the same chart.
 */
import type { ChartConfiguration } from 'chart.js';
import type { YearVariance } from '../dashboard/year-variance';
import { legendOptions } from './legend';
import { PALETTE } from './palette';

export interface YearPlanLabels {
	prefinancing: string;
	cofinancing: string;
	actual: string;
	/** Formats an amount in currency units for axis ticks and tooltips. */
	money: (units: number) => string;
}

/** Charts draw in currency units; the figures themselves stay in cents everywhere else. */
const units = (cents: number) => cents / 100;

export function yearPlanChart(
	years: readonly YearVariance[],
	labels: YearPlanLabels
): ChartConfiguration<'bar', number[], string> {
	return {
		type: 'bar',
		data: {
			labels: years.map((y) => String(y.year)),
			datasets: [
				{
					label: labels.prefinancing,
					data: years.map((y) => units(y.prefinancing)),
					stack: 'plan',
					backgroundColor: PALETTE.blue,
					borderColor: PALETTE.blue,
					borderWidth: 1
				},
				{
					label: labels.cofinancing,
					data: years.map((y) => units(y.cofinancing)),
					stack: 'plan',
					backgroundColor: PALETTE.sky,
					borderColor: PALETTE.blue,
					borderWidth: 1
				},
				{
					label: labels.actual,
					data: years.map((y) => units(y.actual)),
					stack: 'actual',
					// Outlined, where the plan is filled: Chart.js draws bar outlines solid, never dashed.
					backgroundColor: 'rgba(230, 159, 0, 0.25)',
					borderColor: PALETTE.orange,
					borderWidth: 2
				}
			]
		},
		options: {
			animation: false,
			responsive: true,
			maintainAspectRatio: false,
			// A whole year's column answers a click or hover, not just the bars' own pixels.
			interaction: { mode: 'index', intersect: false },
			scales: {
				x: { stacked: true },
				y: { stacked: true, beginAtZero: true, ticks: { callback: (v) => labels.money(Number(v)) } }
			},
			plugins: {
				legend: legendOptions<'bar'>('bar'),
				tooltip: {
					callbacks: {
						label: (item) => `${item.dataset.label}: ${labels.money(Number(item.raw))}`
					}
				}
			}
		}
	};
}
