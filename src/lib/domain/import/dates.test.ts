import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { detectDateOrder, parseDate, type DateOrder } from './dates';

const iso = (text: string, order: DateOrder | null = null) => {
	const result = parseDate(text, order);
	return result.ok ? result.iso : result.problem;
};

describe('parseDate', () => {
	it.each([
		['22.02.2018', '2018-02-22'],
		['22.02.2018.', '2018-02-22'],
		['2.2.2018', '2018-02-02'],
		['22. 02. 2018.', '2018-02-22'],
		['2018-02-22', '2018-02-22'],
		['2018-2-2', '2018-02-02'],
		['2018.02.22.', '2018-02-22'],
		['2018/02/22', '2018-02-22'],
		['22/02/2018', '2018-02-22'],
		['22-02-2018', '2018-02-22'],
		['  22.02.2018  ', '2018-02-22']
	])('reads %j as %s', (text, expected) => {
		expect(iso(text)).toBe(expected);
	});

	it.each([
		['22.02.2018 14:30', '2018-02-22'],
		['22.02.2018. 14:30:15', '2018-02-22'],
		['2018-02-22T14:30:15Z', '2018-02-22'],
		['2018-02-22T14:30:15.123+02:00', '2018-02-22'],
		['2018-02-22 00:00:00', '2018-02-22'],
		['22/02/2018 9:05', '2018-02-22']
	])('ignores the time after %j', (text, expected) => {
		expect(iso(text)).toBe(expected);
	});

	it('reads dotted dates day first even when the column is said to be month first', () => {
		expect(iso('03.04.2018', 'mdy')).toBe('2018-04-03');
	});

	it('reports 03/04/2018 as ambiguous when the column does not settle the order', () => {
		expect(iso('03/04/2018', null)).toBe('ambiguous');
	});

	it('reads 03/04/2018 as 3 April day first and as 4 March month first', () => {
		expect(iso('03/04/2018', 'dmy')).toBe('2018-04-03');
		expect(iso('03/04/2018', 'mdy')).toBe('2018-03-04');
	});

	it('settles a slash date on its own when one part is over 12 or both parts are equal', () => {
		expect(iso('13/04/2018', null)).toBe('2018-04-13');
		expect(iso('04/13/2018', null)).toBe('2018-04-13');
		expect(iso('04/04/2018', null)).toBe('2018-04-04');
	});

	it.each(['31.02.2018', '29.02.2019', '2018-13-01', '2018-00-10', '00.01.2018', '31/04/2018'])(
		'says %j is no such day',
		(text) => {
			expect(iso(text, 'dmy')).toBe('no-such-day');
		}
	);

	it('takes 29 February in a leap year', () => {
		expect(iso('29.02.2020')).toBe('2020-02-29');
	});

	it('refuses years outside 1900–2200 as no such day', () => {
		expect(iso('01.01.1899')).toBe('no-such-day');
		expect(iso('01.01.2201')).toBe('no-such-day');
		expect(iso('01.01.1900')).toBe('1900-01-01');
	});

	it('says a slash date is no such day when it contradicts the order given', () => {
		expect(iso('22/02/2018', 'mdy')).toBe('no-such-day');
	});

	it.each([
		'',
		'vakar',
		'22.02.18',
		'22022018',
		'2018-02',
		'Feb 22, 2018',
		'22.02.2018 late',
		'22..02.2018'
	])('refuses %j as invalid', (text) => {
		expect(iso(text)).toBe('invalid');
	});
});

describe('detectDateOrder', () => {
	it('reads day first from a first part over 12', () => {
		expect(detectDateOrder(['03/04/2018', '22/02/2018'])).toBe('dmy');
	});

	it('reads month first from a second part over 12', () => {
		expect(detectDateOrder(['03/04/2018', '02/22/2018'])).toBe('mdy');
	});

	it('returns null when no value tells', () => {
		expect(detectDateOrder(['03/04/2018', '01/02/2018'])).toBeNull();
		expect(detectDateOrder([])).toBeNull();
	});

	it('returns null when the values disagree rather than picking one', () => {
		expect(detectDateOrder(['22/02/2018', '02/22/2018'])).toBeNull();
	});

	it('ignores dotted and ISO dates, whose order is fixed', () => {
		expect(detectDateOrder(['22.02.2018', '2018-02-22', '03/04/2018'])).toBeNull();
		expect(detectDateOrder(['22.02.2018', ' 14/02/2018 '])).toBe('dmy');
	});
});

describe('parseDate on any day', () => {
	it('reads every day of 1900–2200 back from each dialect', () => {
		const day = fc
			.date({
				min: new Date('1900-01-01T00:00:00Z'),
				max: new Date('2200-12-31T00:00:00Z'),
				noInvalidDate: true
			})
			.map((date) => date.toISOString().slice(0, 10));
		fc.assert(
			fc.property(day, (isoDay) => {
				const [y, m, d] = isoDay.split('-');
				expect(iso(`${d}.${m}.${y}`)).toBe(isoDay);
				expect(iso(`${d}.${m}.${y}.`)).toBe(isoDay);
				expect(iso(isoDay)).toBe(isoDay);
				expect(iso(`${d}/${m}/${y}`, 'dmy')).toBe(isoDay);
				expect(iso(`${m}/${d}/${y}`, 'mdy')).toBe(isoDay);
				expect(iso(`${Number(d)}.${Number(m)}.${y} 23:59`)).toBe(isoDay);
			})
		);
	});
});
