import { describe, expect, it } from 'vitest';
import { monthOffset, timelineChart } from './timeline-chart';

const labels = {
	event: (n: number) => `Event ${n}`,
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
		expect(config.data.labels).toEqual(['Event 1', 'Event 4']);
		expect(config.data.datasets[0]!.data).toEqual([
			[2, 3],
			[14, 15]
		]);
		const [took, none] = config.data.datasets[1]!.data;
		expect(took![0]).toBeCloseTo(2 + 12 / 31, 6);
		expect(none).toEqual([0, 0]);
		expect(config.options?.scales?.x).toMatchObject({ min: 0, max: 23 });
		const tick = (config.options!.scales!.x!.ticks as { callback: (v: number) => string }).callback;
		expect(tick(0)).toBe('2018-01');
		expect(tick(14)).toBe('2019-03');
	});
});

describe('the events timeline of a project under way', () => {
	const event = (number: number, from: string | null, to: string | null) => ({
		number,
		month: from?.slice(0, 7) ?? '2027-02',
		country: 'LV',
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
		expect(past![0]).toBeCloseTo(1 + 1 / 30, 6);
		expect(past![1]).toBeCloseTo(1 + 4 / 30 + 0.04, 6);
		expect(running![1]).toBeCloseTo(2 + 0.04, 6);
		expect(ahead).toEqual([0, 0]);
		expect(none).toEqual([0, 0]);
	});

	it('keeps the planned months and the axis to the period’s end', () => {
		expect(config.data.datasets[0]!.data.at(-1)).toEqual([4, 5]);
		expect(config.options?.scales?.x).toMatchObject({ min: 0, max: 6 });
	});
});
