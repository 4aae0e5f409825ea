import { describe, expect, it } from 'vitest';
import { totalVariance, yearVariances } from './year-variance';

// SOLID's plan (council annex) and its imported ledger, in cents.
const SOLID_PLAN = [
	{ year: 2018, prefinancing: 110000, cofinancing: 199000 },
	{ year: 2019, prefinancing: 40000, cofinancing: 67000 }
];
const SOLID_ACTUAL = new Map([
	[2018, 307450],
	[2019, 111020]
]);

describe('the yearly plan against actual spend', () => {
	it('gives SOLID 2018 as 15.50 under plan and 2019 as 40.20 over', () => {
		const [y2018, y2019] = yearVariances(SOLID_PLAN, SOLID_ACTUAL);
		expect(y2018).toMatchObject({ year: 2018, plan: 309000, actual: 307450, variance: -1550 });
		expect(y2018!.status).toBe('under');
		expect(y2019).toMatchObject({ year: 2019, plan: 107000, actual: 111020, variance: 4020 });
		expect(y2019!.status).toBe('over');
		expect(y2019!.ratio).toBeCloseTo(0.03757, 5);
	});

	it('totals 4160 planned against 4184.70 spent', () => {
		expect(totalVariance(yearVariances(SOLID_PLAN, SOLID_ACTUAL))).toMatchObject({
			plan: 416000,
			actual: 418470,
			variance: 2470,
			status: 'over'
		});
	});

	it('shows a year with spend but no plan, with no ratio rather than a division by zero', () => {
		const years = yearVariances(SOLID_PLAN, new Map([[2020, 5000]]));
		expect(years.map((y) => y.year)).toEqual([2018, 2019, 2020]);
		expect(years[2]).toMatchObject({ plan: 0, actual: 5000, ratio: null, status: 'over' });
		expect(years[0]).toMatchObject({ actual: 0, variance: -309000, status: 'under' });
	});
});
