import { describe, expect, it } from 'vitest';
import { monthlySeries } from './monthly';

describe('the cumulative spend by month', () => {
	const series = monthlySeries(
		{ start: '2018-01-01', end: '2019-11-15' },
		416000,
		new Map([
			['2018-02', 42690],
			['2018-03', 10000],
			['2019-09', 5000]
		])
	);

	it('runs over every month of the period, adding up the spend', () => {
		expect(series[0]).toMatchObject({ month: '2018-01', spent: 0, cumulative: 0 });
		expect(series[1]).toMatchObject({ month: '2018-02', spent: 42690, cumulative: 42690 });
		expect(series[2]).toMatchObject({ month: '2018-03', cumulative: 52690 });
		expect(series.at(-1)).toMatchObject({ month: '2019-11', cumulative: 57690 });
		expect(series).toHaveLength(23);
	});

	it('spreads the plan over the days of the period, reaching all of it at the end', () => {
		// January 2018 is 31 of the period's 684 days.
		expect(series[0]!.proRata).toBe(Math.round((416000 * 31) / 684));
		expect(series.at(-1)!.proRata).toBe(416000);
	});

	it('reaches past the period when there is spend outside it', () => {
		const late = monthlySeries(
			{ start: '2018-01-01', end: '2018-03-31' },
			1000,
			new Map([['2018-05', 7]])
		);
		expect(late.map((p) => p.month)).toEqual([
			'2018-01',
			'2018-02',
			'2018-03',
			'2018-04',
			'2018-05'
		]);
		expect(late.at(-1)).toMatchObject({ cumulative: 7, proRata: 1000 });
	});
});
