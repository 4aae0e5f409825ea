import { describe, expect, it } from 'vitest';
import { controlFigures, type DeclaredSum, type FindingSum } from './control-figures';

const spend: DeclaredSum[] = [
	{ month: '2018-03', category: '2122', event: 1, cents: 100_000, rows: 4 },
	{ month: '2018-05', category: '2231', event: null, cents: 30_000, rows: 2 },
	{ month: '2019-02', category: '2122', event: 2, cents: 50_000, rows: 3 },
	{ month: '2019-04', category: '', event: null, cents: 1_000, rows: 1 }
];

const findings: FindingSum[] = [
	{
		month: '2018-03',
		category: '2122',
		event: 1,
		state: 'verified',
		cents: 60_000,
		deducted: 0,
		rows: 2
	},
	{
		month: '2018-03',
		category: '2122',
		event: 1,
		state: 'ineligible',
		cents: 25_000,
		deducted: 2_000,
		rows: 1
	},
	{
		month: '2019-02',
		category: '2122',
		event: 2,
		state: 'queried',
		cents: 10_000,
		deducted: 0,
		rows: 1
	},
	{
		month: '2019-02',
		category: '2122',
		event: 2,
		state: 'ineligible',
		cents: 5_000,
		deducted: 5_000,
		rows: 1
	}
];

describe('eligible against declared', () => {
	const figures = controlFigures(spend, findings);

	it('takes off only what was deducted, and counts a query as still claimed', () => {
		expect(figures.total).toEqual({
			declared: 181_000,
			verified: 60_000,
			queried: 10_000,
			ineligible: 7_000,
			unchecked: 181_000 - 100_000,
			eligible: 174_000,
			rows: 10,
			checkedRows: 5
		});
	});

	it('splits the same amounts by year, code and event, each adding up to the total', () => {
		expect(figures.years.map((y) => [y.year, y.declared, y.ineligible, y.eligible])).toEqual([
			[2018, 130_000, 2_000, 128_000],
			[2019, 51_000, 5_000, 46_000]
		]);
		expect(figures.byCategory.map((c) => [c.category, c.eligible])).toEqual([
			['2122', 143_000],
			['2231', 30_000],
			['', 1_000]
		]);
		expect(figures.byEvent.map((e) => [e.event, e.queried, e.unchecked])).toEqual([
			[1, 0, 15_000],
			[2, 10_000, 35_000],
			[null, 0, 31_000]
		]);
		for (const split of [figures.years, figures.byCategory, figures.byEvent])
			for (const key of ['declared', 'verified', 'queried', 'ineligible', 'eligible'] as const)
				expect(
					split.reduce((n, s) => n + s[key], 0),
					key
				).toBe(figures.total[key]);
	});

	it('leaves everything eligible and unchecked before any finding', () => {
		const none = controlFigures(spend, []);
		expect(none.total.eligible).toBe(none.total.declared);
		expect(none.total.unchecked).toBe(none.total.declared);
		expect(none.total.checkedRows).toBe(0);
	});
});
