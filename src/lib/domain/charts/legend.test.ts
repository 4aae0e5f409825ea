import { describe, expect, it } from 'vitest';
import type { ChartDataset } from 'chart.js';
import { cumulativeChart } from './cumulative-chart';
import { swatch } from './legend';
import { mobilityChart } from './mobility-chart';
import { yearPlanChart } from './year-plan-chart';
import { eventLabeller } from './event-label';

type Dataset = ChartDataset<'bar' | 'line', unknown[]>;
const money = (n: number) => `${n} EUR`;

describe('legend swatches', () => {
	it('draws each line of the cumulative chart as a line in its own colour, width and dash', () => {
		const config = cumulativeChart(
			[{ month: '2018-01', spent: 100, cumulative: 100, proRata: 50 }],
			1000,
			{ spent: 'Spent', proRata: 'Pro rata', plan: 'Plan', month: (m) => m, money }
		);
		const datasets = config.data.datasets as Dataset[];
		datasets.forEach((dataset, index) => {
			const item = swatch(dataset, index, 'line');
			const line = dataset as ChartDataset<'line', number[]>;
			expect(item).toMatchObject({
				text: line.label,
				pointStyle: 'line',
				strokeStyle: line.borderColor,
				lineWidth: line.borderWidth,
				lineDash: line.borderDash ?? []
			});
		});
		// The three lines are told apart by their dash, not by colour alone.
		const dashes = datasets.map((d, i) => JSON.stringify(swatch(d, i, 'line').lineDash));
		expect(new Set(dashes).size).toBe(3);
		expect(config.options?.plugins?.legend?.labels?.usePointStyle).toBe(true);
	});

	it('draws a bar series as a box with its fill and outline, never a dash the bars lack', () => {
		const configs = [
			yearPlanChart(
				[
					{
						year: 2018,
						plan: 10,
						prefinancing: 4,
						cofinancing: 6,
						actual: 3,
						variance: -7,
						ratio: -0.7,
						status: 'under'
					}
				],
				{
					prefinancing: 'Pre',
					cofinancing: 'Co',
					actual: 'Actual',
					money
				}
			),
			mobilityChart(
				{ '1': { planned: 3, completed: 2, cancelled: 1 } },
				{ event: (n) => n, planned: 'Planned', completed: 'Done', cancelled: 'Cancelled' }
			)
		];
		for (const config of configs)
			(config.data.datasets as Dataset[]).forEach((dataset, index) => {
				const bar = dataset as ChartDataset<'bar', number[]>;
				expect(swatch(dataset, index, 'bar')).toMatchObject({
					text: bar.label,
					fillStyle: bar.backgroundColor,
					strokeStyle: bar.borderColor ?? bar.backgroundColor,
					lineWidth: bar.borderWidth ?? 0,
					lineDash: []
				});
			});
	});

	it('uses the config’s own legend generator, one swatch per dataset in order', () => {
		const config = mobilityChart(
			{ '1': { planned: 3, completed: 2, cancelled: 1 } },
			{ event: (n) => n, planned: 'Planned', completed: 'Done', cancelled: 'Cancelled' }
		);
		const generate = config.options?.plugins?.legend?.labels?.generateLabels;
		expect(generate).toBeTypeOf('function');
		const chart = { data: config.data, isDatasetVisible: (i: number) => i !== 2 };
		const items = generate!(chart as unknown as Parameters<NonNullable<typeof generate>>[0]);
		expect(items.map((i) => [i.text, i.hidden])).toEqual([
			['Planned', false],
			['Done', false],
			['Cancelled', true]
		]);
	});
});

describe('event labels', () => {
	it('names an event by number and city, or country, and keeps unknown numbers plain', () => {
		const label = eventLabeller(
			[
				{ number: 1, city: 'Jette', country: 'BE' },
				{ number: 2, city: null, country: 'BG' }
			],
			(code) => (code === 'BG' ? 'Bulgārija' : code),
			(n) => `${n}. pasākums`
		);
		expect(label('1')).toBe('1\u00a0· Jette');
		expect(label('2')).toBe('2\u00a0· Bulgārija');
		expect(label('9')).toBe('9. pasākums');
	});
});
