import { describe, expect, it } from 'vitest';
import { MIN_MARK, monthOffset, timelineChart, tookPlaceSpan } from './timeline-chart';

const labels = {
	country: (code: string) => ({ GR: 'Greece', BE: 'Belgium' })[code] ?? code,
	planned: 'Planned',
	actual: 'Took place',
	month: (m: string) => m
};

describe('the events timeline', () => {
	it('counts months from the project start, with days as a fraction', () => {
		expect(monthOffset('2018-01', '2018-03')).toBe(2);
		expect(monthOffset('2018-01', '2018-03-13')).toBeCloseTo(2 + 12 / 31, 6);
		expect(monthOffset('2018-01', '2019-09-24')).toBeCloseTo(20 + 23 / 30, 6);
	});

	it('puts each event’s planned month beside the days its trips took', () => {
		const config = timelineChart(
			[
				{
					number: 1,
					month: '2018-03',
					city: 'Jette',
					country: 'BE',
					planned: 3,
					completed: 3,
					cancelled: 0,
					from: '2018-03-13',
					to: '2018-03-15'
				},
				{
					number: 4,
					month: '2019-03',
					city: null,
					country: 'GR',
					planned: 2,
					completed: 0,
					cancelled: 0,
					from: null,
					to: null
				}
			],
			{ start: '2018-01-01', end: '2019-11-15' },
			labels
		);
		// Named by place: the city, or the country when the plan gives no city.
		expect(config.data.labels).toEqual(['1\u00a0· Jette', '4\u00a0· Greece']);
		expect(config.data.datasets[0]!.data).toEqual([
			[2, 3],
			[14, 15]
		]);
		const [took, none] = config.data.datasets[1]!.data;
		// 13 to 15 March: three days, widened to MIN_MARK about their middle.
		const middle = 2 + (12 / 31 + 15 / 31) / 2;
		expect(took![0]).toBeCloseTo(middle - MIN_MARK / 2, 6);
		expect(took![1]).toBeCloseTo(middle + MIN_MARK / 2, 6);
		expect(none).toEqual([0, 0]);
		expect(config.options?.scales?.x).toMatchObject({ min: 0, max: 23 });
		const tick = (config.options!.scales!.x!.ticks as { callback: (v: number) => string }).callback;
		expect(tick(0)).toBe('2018-01');
		expect(tick(14)).toBe('2019-03');
	});

	it('draws a long stay as its own days, and a short one at least MIN_MARK wide', () => {
		const [from, to] = tookPlaceSpan('2018-01', '2018-03-01', '2018-03-31');
		expect(from).toBeCloseTo(2, 6);
		expect(to).toBeCloseTo(3, 6);
		const [a, b] = tookPlaceSpan('2018-01', '2018-03-13', '2018-03-13');
		expect(b - a).toBeCloseTo(MIN_MARK, 6);
	});

	it('draws the took-place marks over the planned bands, in a colour of their own', () => {
		const config = timelineChart([], { start: '2018-01-01', end: '2018-12-31' }, labels);
		const [planned, took] = config.data.datasets;
		// Chart.js draws the highest order first: the band goes under the mark.
		expect(took!.order).toBeLessThan(planned!.order!);
		expect(took!.backgroundColor).not.toBe(planned!.backgroundColor);
		expect(took!.barPercentage).toBeGreaterThan(0.3);
	});
});

describe('the events timeline of a project under way', () => {
	const event = (number: number, from: string | null, to: string | null) => ({
		number,
		month: from?.slice(0, 7) ?? '2027-02',
		country: 'LV',
		city: 'Rīga',
		planned: 2,
		completed: from ? 2 : 0,
		cancelled: 0,
		from,
		to
	});
	const config = timelineChart(
		[
			event(1, '2026-11-02', '2026-11-05'),
			event(2, '2026-11-28', '2026-12-04'),
			event(3, '2026-12-10', '2026-12-12'),
			event(4, null, null)
		],
		{ start: '2026-10-01', end: '2027-03-31' },
		labels,
		'2026-12-01'
	);

	it('draws what took place up to today and not past it', () => {
		const [past, running, ahead, none] = config.data.datasets[1]!.data;
		expect(past).toEqual(tookPlaceSpan('2026-10-01', '2026-11-02', '2026-11-05'));
		// The trip under way is drawn to today, 1 December, not to its return on the 4th.
		expect(running).toEqual(tookPlaceSpan('2026-10-01', '2026-11-28', '2026-12-01'));
		expect(running).not.toEqual(tookPlaceSpan('2026-10-01', '2026-11-28', '2026-12-04'));
		expect(ahead).toEqual([0, 0]);
		expect(none).toEqual([0, 0]);
	});

	it('keeps the planned months and the axis to the period’s end', () => {
		expect(config.data.datasets[0]!.data.at(-1)).toEqual([4, 5]);
		expect(config.options?.scales?.x).toMatchObject({ min: 0, max: 6 });
	});
});
