import { describe, expect, it } from 'vitest';
import { monthlySeries } from '../dashboard/monthly';
import { cumulativeChart } from './cumulative-chart';

describe('the cumulative spend chart', () => {
	const points = monthlySeries(
		{ start: '2018-01-01', end: '2018-03-31' },
		90000,
		new Map([['2018-02', 42690]])
	);
	const config = cumulativeChart(points, 90000, {
		spent: 'Spent',
		proRata: 'Plan, pro rata',
		plan: 'Plan',
		month: (m) => m,
		money: (u) => `${u} EUR`
	});

	it('draws the running spend and the even plan, one point a month, in currency units', () => {
		expect(config.data.labels).toEqual(['2018-01', '2018-02', '2018-03']);
		expect(config.data.datasets[0]!.data).toEqual([0, 426.9, 426.9]);
		expect(config.data.datasets[1]!.data.at(-1)).toBe(900);
		expect(config.data.datasets[2]!.data).toEqual([900, 900, 900]);
	});

	it('tells the plan line apart by its dashes, not by colour alone', () => {
		expect((config.data.datasets[1] as { borderDash?: number[] }).borderDash).toEqual([6, 4]);
		expect(config.options?.animation).toBe(false);
	});
});

describe('the cumulative spend chart of a project under way', () => {
	const points = monthlySeries(
		{ start: '2026-10-01', end: '2027-03-31' },
		60000,
		new Map([['2026-10', 12000]])
	);
	const labels = {
		spent: 'Spent',
		proRata: 'Plan, pro rata',
		plan: 'Plan',
		month: (m: string) => m,
		money: (u: number) => `${u} EUR`
	};

	it('stops the spend at today’s month while the plan lines run to the period’s end', () => {
		const config = cumulativeChart(points, 60000, labels, '2026-12-01');
		expect(config.data.labels).toHaveLength(6);
		expect(config.data.datasets[0]!.data).toEqual([120, 120, 120, null, null, null]);
		expect(config.data.datasets[1]!.data.every((v) => typeof v === 'number')).toBe(true);
		expect(config.data.datasets[2]!.data).toEqual([600, 600, 600, 600, 600, 600]);
	});

	it('draws no spend at all before the period starts', () => {
		const config = cumulativeChart(points, 60000, labels, '2026-09-30');
		expect(config.data.datasets[0]!.data.every((v) => v === null)).toBe(true);
	});

	it('draws every month once the period is over', () => {
		const config = cumulativeChart(points, 60000, labels, '2027-11-15');
		expect(config.data.datasets[0]!.data).not.toContain(null);
	});
});
