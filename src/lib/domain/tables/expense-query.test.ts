import { describe, expect, it } from 'vitest';
import { expenseQueryString, expenseSort, readExpenseQuery } from './expense-query';

const read = (query: string) => readExpenseQuery(new URLSearchParams(query));

describe('the expense table URL', () => {
	it('reads the filter bar: text, year, date and amount range, code, event, sort and page', () => {
		expect(
			read(
				'q=+air+&year=2019&from=2019-01-01&to=2019-06-30&min=100&max=1+234,50&code=2122&event=2&sort=-amount&page=3'
			)
		).toEqual({
			project: undefined,
			q: 'air',
			year: 2019,
			month: undefined,
			from: '2019-01-01',
			to: '2019-06-30',
			min: 10000,
			max: 123450,
			category: '2122',
			event: 2,
			outside: false,
			sort: '-amount',
			page: 3
		});
	});

	it('reads the dashboard drill-down links as they are written (drill.ts)', () => {
		expect(read('year=2018&category=2311&event=none&outside=true')).toMatchObject({
			year: 2018,
			category: '2311',
			event: 'none',
			outside: true
		});
		// A bar of rows without a code links with the code present and blank.
		expect(read('category=').category).toBe('');
		expect(read('code=none').category).toBe('');
		expect(read('month=2019-03').month).toBe('2019-03');
	});

	it('drops what it cannot read instead of failing, so a mistyped link still opens', () => {
		expect(
			read('year=nineteen&from=2019-02-30&min=1.234&event=x&sort=colour&page=-2&month=2019-13')
		).toEqual({
			project: undefined,
			q: undefined,
			year: undefined,
			month: undefined,
			from: undefined,
			to: undefined,
			min: undefined,
			max: undefined,
			category: undefined,
			event: undefined,
			outside: false,
			sort: 'date',
			page: 1
		});
		// The filter bar sends blank fields for "any".
		expect(read('q=&code=&event=&year=&min=')).toMatchObject({
			q: undefined,
			category: undefined,
			event: undefined,
			year: undefined,
			min: undefined
		});
	});

	it('writes back a string that reads as the same query, leaving out the defaults', () => {
		const query = read('year=2019&code=2122&min=10,5&sort=-date&page=2&q=AB 1');
		const written = expenseQueryString(query);
		expect(written).toBe('q=AB+1&year=2019&min=10.50&code=2122&sort=-date&page=2');
		expect(read(written)).toEqual(query);
		expect(expenseQueryString(read(''))).toBe('');
		expect(expenseQueryString(read('category='))).toBe('code=none');
	});

	it('says which column sorts and in which direction', () => {
		expect(expenseSort(read('sort=-amount'))).toEqual({ column: 'amount', descending: true });
		expect(expenseSort(read(''))).toEqual({ column: 'date', descending: false });
	});
});
