/**
 * Cumulative spend by month as a Chart.js line chart, against the whole plan and against the
 * plan spread pro rata over the project period. At most one point per month, so even a ten-year project stays far below the
 * 2,000 points a series may carry; data arrive parsed, as Chart.js advises for speed. The spend
 * stops at today's month (the office's clock): what is not yet spent is not a flat line into the
 * future. The plan lines run to the period's end, as the plan does.
 */
import type { ChartConfiguration } from 'chart.js';
import { isAfterToday, type MonthPoint } from '../dashboard/monthly';
import { legendOptions } from './legend';
import { PALETTE } from './palette';

export interface CumulativeLabels {
	spent: string;
	proRata: string;
	/** The whole plan, drawn flat: where the spend should end. */
	plan: string;
	month: (month: string) => string;
	money: (units: number) => string;
}

export function cumulativeChart(
	points: readonly MonthPoint[],
	planTotal: number,
	labels: CumulativeLabels,
	/** YYYY-MM-DD, the office's today; without it the spend runs over every month. */
	today?: string
): ChartConfiguration<'line', (number | null)[], string> {
	return {
		type: 'line',
		data: {
			labels: points.map((p) => labels.month(p.month)),
			datasets: [
				{
					label: labels.spent,
					data: points.map((p) => (isAfterToday(p.month, today) ? null : p.cumulative / 100)),
					borderColor: PALETTE.orange,
					backgroundColor: PALETTE.orange,
					borderWidth: 3,
					pointRadius: 3,
					stepped: false
				},
				{
					label: labels.proRata,
					data: points.map((p) => p.proRata / 100),
					borderColor: PALETTE.blue,
					backgroundColor: PALETTE.blue,
					borderWidth: 2,
					borderDash: [6, 4],
					pointRadius: 0
				},
				{
					label: labels.plan,
					// The plan in force at each month's end where the series knows it: it steps.
					data: points.map((p) => (p.plan ?? planTotal) / 100),
					stepped: 'after',
					borderColor: PALETTE.grey,
					backgroundColor: PALETTE.grey,
					borderWidth: 1.5,
					borderDash: [2, 3],
					pointRadius: 0
				}
			]
		},
		options: {
			animation: false,
			responsive: true,
			maintainAspectRatio: false,
			interaction: { mode: 'index', intersect: false },
			scales: { y: { beginAtZero: true, ticks: { callback: (v) => labels.money(Number(v)) } } },
			plugins: {
				legend: legendOptions<'line'>('line'),
				tooltip: {
					callbacks: { label: (item) => `${item.dataset.label}: ${labels.money(Number(item.raw))}` }
				}
			}
		}
	};
}
