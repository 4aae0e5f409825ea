import { describe, expect, it } from 'vitest';
import {
	closedPeriodOf,
	closedPeriodOver,
	overlaps,
	periodLabel,
	periodRange,
	RowsInPeriod,
	ROWS_NAMED
} from './periods';

const y2018 = { id: 1, starts: '2018-01-01', ends: '2018-12-31', reopenedAt: null };
const spring = { id: 2, starts: '2019-03-01', ends: '2019-06-30', reopenedAt: null };
const reopened = { ...spring, id: 3, reopenedAt: '2019-07-02T10:00:00Z' };

describe('periods', () => {
	it('reads a year or a range, and refuses a reversed or invalid one', () => {
		expect(periodRange({ year: 2018 })).toEqual({ starts: '2018-01-01', ends: '2018-12-31' });
		expect(periodRange({ from: '2019-03-01', to: '2019-06-30' })).toEqual({
			starts: '2019-03-01',
			ends: '2019-06-30'
		});
		expect(periodRange({ from: '2019-06-30', to: '2019-03-01' })).toEqual({ problem: 'order' });
		expect(periodRange({ from: '2019-02-30', to: '2019-03-01' })).toEqual({
			problem: 'date-invalid'
		});
		expect(periodRange({ year: 18.5 })).toEqual({ problem: 'year-invalid' });
	});

	it('tells overlap and containment, both days included', () => {
		expect(overlaps(y2018, { starts: '2018-12-31', ends: '2019-01-05' })).toBe(true);
		expect(overlaps(y2018, { starts: '2019-01-01', ends: '2019-01-05' })).toBe(false);
		expect(closedPeriodOf([y2018, spring], '2019-06-30')).toBe(spring);
		expect(closedPeriodOf([y2018, spring], '2019-07-01')).toBeUndefined();
		expect(closedPeriodOf([reopened], '2019-04-01')).toBeUndefined();
		expect(closedPeriodOver([y2018], { starts: '2017-12-30', ends: '2018-01-01' })).toBe(y2018);
	});

	it('labels a whole year by its number and a range by its days', () => {
		expect(periodLabel(y2018, 'lv')).toBe('2018');
		expect(periodLabel(spring, 'lv')).toBe('01.03.2019. – 30.06.2019.');
		expect(periodLabel(spring, 'en')).toBe('1 March 2019 – 30 June 2019');
	});

	it('names the first rows of the first period found and counts them all', () => {
		const found = new RowsInPeriod();
		for (let line = 2; line < 20; line++)
			found.add(y2018, { line, date: '2018-05-01', amountCents: 1 });
		found.add(spring, { line: 30, date: '2019-04-01', amountCents: 1 });
		expect(found.period).toBe(y2018);
		expect(found.count).toBe(18);
		expect(found.rows).toHaveLength(ROWS_NAMED);
	});
});
