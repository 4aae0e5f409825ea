import { describe, expect, it } from 'vitest';
import { yearVariances } from '../dashboard/year-variance';
import { yearPlanChart } from './year-plan-chart';

const years = yearVariances(
	[
		{ year: 2018, prefinancing: 110000, cofinancing: 199000 },
		{ year: 2019, prefinancing: 40000, cofinancing: 67000 }
	],
	new Map([
		[2018, 307450],
		[2019, 111020]
	])
);
const labels = {
	prefinancing: 'Pre-financing',
	cofinancing: 'Co-financing',
	actual: 'Actual',
	money: (units: number) => `${units.toFixed(2)} EUR`
};

describe('the yearly plan chart', () => {
	const config = yearPlanChart(years, labels);

	it('stacks the plan from its two parts and sets the actual spend beside it, per year', () => {
		expect(config.data.labels).toEqual(['2018', '2019']);
		expect(config.data.datasets.map((d) => [d.label, d.stack, d.data])).toEqual([
			['Pre-financing', 'plan', [1100, 400]],
			['Co-financing', 'plan', [1990, 670]],
			['Actual', 'actual', [3074.5, 1110.2]]
		]);
	});

	it('draws without animation, and tells plan from actual by more than colour', () => {
		expect(config.options?.animation).toBe(false);
		// The plan is filled solid; the actual is an outline over a pale fill (bars draw no dashes).
		const [pre, , actual] = config.data.datasets;
		expect(actual!.borderWidth).toBeGreaterThan(1);
		expect(actual!.backgroundColor).not.toBe(pre!.backgroundColor);
		expect(String(actual!.backgroundColor)).toMatch(/^rgba\(.*0\.25\)$/);
	});

	it('formats ticks and tooltips with the given money format', () => {
		const tick = config.options?.scales?.y?.ticks as { callback: (v: number) => string };
		expect(tick.callback(1500)).toBe('1500.00 EUR');
	});
});
