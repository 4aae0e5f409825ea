import { describe, expect, it } from 'vitest';
import {
	formatDate,
	formatDecimal,
	formatDecisionDate,
	formatDecisionDay,
	formatInteger,
	formatMoney,
	formatPercent,
	formatSignedMoney,
	formatSignedPercent,
	formatMonth,
	monthNames,
	formatOfficeMoment,
	formatPeriod,
	officeDate,
	officeDayStart,
	officeMonth,
	officeToday,
	parseIsoDate,
	parseIsoMonth
} from './format';

const NBSP = '\u00a0';

describe('Latvian forms, checked against the council annex of 22 February 2018', () => {
	it('writes the decision date in the genitive: "2018.gada 22.februāra"', () => {
		expect(formatDecisionDate('2018-02-22', 'lv')).toBe('2018.gada 22.februāra');
		expect(formatDecisionDay('2018-02-22', 'lv')).toBe('2018.gada 22.februārī');
		expect(formatDecisionDay('2019-09-19', 'lv')).toBe('2019.gada 19.septembrī');
		expect(formatDecisionDay('2019-09-19', 'en')).toBe('19 September 2019');
	});

	it('has a genitive for every month', () => {
		const months = Array.from({ length: 12 }, (_, i) =>
			formatDecisionDate(`2019-${String(i + 1).padStart(2, '0')}-01`, 'lv')
		);
		expect(months).toEqual([
			'2019.gada 1.janvāra',
			'2019.gada 1.februāra',
			'2019.gada 1.marta',
			'2019.gada 1.aprīļa',
			'2019.gada 1.maija',
			'2019.gada 1.jūnija',
			'2019.gada 1.jūlija',
			'2019.gada 1.augusta',
			'2019.gada 1.septembra',
			'2019.gada 1.oktobra',
			'2019.gada 1.novembra',
			'2019.gada 1.decembra'
		]);
	});

	it('writes the period "01.01.2018. – 15.11.2019."', () => {
		expect(formatPeriod('2018-01-01', '2019-11-15', 'lv')).toBe('01.01.2018. – 15.11.2019.');
	});

	it.each([
		['2018-03', '03.2018.'],
		['2018-06', '06.2018.'],
		['2018-10', '10.2018.'],
		['2019-03', '03.2019.'],
		['2019-09', '09.2019.']
	])('writes the event month %s as %s', (month, text) => {
		expect(formatMonth(month, 'lv')).toBe(text);
	});

	it.each([
		[416000, '4160\u00a0EUR'],
		[150000, '1500\u00a0EUR'],
		[266000, '2660\u00a0EUR'],
		[110000, '1100\u00a0EUR'],
		[40000, '400\u00a0EUR'],
		[199000, '1990\u00a0EUR'],
		[67000, '670\u00a0EUR']
	])('writes %i cents as %s, without ",00"', (cents, text) => {
		expect(formatMoney(cents, 'lv')).toBe(text);
	});

	it('groups thousands only from five digits up, with a decimal comma', () => {
		expect(formatMoney(4101250, 'lv')).toBe(`41${NBSP}012,50\u00a0EUR`);
		expect(formatMoney(418470, 'lv')).toBe('4184,70\u00a0EUR');
		expect(formatMoney(416000, 'lv', { decimals: 'always' })).toBe('4160,00\u00a0EUR');
		expect(formatMoney(-1550, 'lv')).toBe('−15,50\u00a0EUR');
	});
});

describe('English forms', () => {
	it('formats money, dates, months, periods and decision dates', () => {
		expect(formatMoney(416000, 'en')).toBe('4,160\u00a0EUR');
		expect(formatMoney(4101250, 'en')).toBe('41,012.50\u00a0EUR');
		expect(formatDate('2018-01-01', 'en')).toBe('1 Jan 2018');
		expect(formatMonth('2018-03', 'en')).toBe('March 2018');
		expect(formatPeriod('2018-01-01', '2019-11-15', 'en')).toBe(
			'1 January 2018 – 15 November 2019'
		);
		expect(formatDecisionDate('2018-02-22', 'en')).toBe('22 February 2018');
	});
});

describe('plain dates', () => {
	it('accepts real dates and months only', () => {
		expect(parseIsoDate('2020-02-29')).toEqual({ year: 2020, month: 2, day: 29 });
		expect(parseIsoDate('2019-02-29')).toBeNull();
		expect(parseIsoDate('22.02.2018')).toBeNull();
		expect(parseIsoMonth('2018-13')).toBeNull();
		expect(parseIsoMonth('2018-03')).toEqual({ year: 2018, month: 3 });
	});

	it('throws on a malformed date instead of printing nonsense', () => {
		expect(() => formatDate('2018-02-30', 'lv')).toThrow(RangeError);
	});
});

describe('formatOfficeMoment', () => {
	it('shows a stored moment as Riga reads it, in winter and in summer time', () => {
		expect(formatOfficeMoment(new Date('2026-11-24T21:53:00Z'), 'lv')).toBe('24.11.2026. 23:53');
		expect(formatOfficeMoment(new Date('2026-07-01T21:30:00Z'), 'lv')).toBe('02.07.2026. 00:30');
		expect(formatOfficeMoment(new Date('2026-11-24T21:53:00Z'), 'en')).toBe('24 Nov 2026 23:53');
	});
});

describe('one minus sign: U+2212, never the hyphen-minus Intl writes', () => {
	const HYPHEN = '-';
	const negatives = (locale: 'lv' | 'en') => [
		formatMoney(-1550, locale),
		formatMoney(-190000, locale),
		formatMoney(-4101250, locale, { decimals: 'always' }),
		formatSignedMoney(-1550, locale),
		formatSignedMoney(-4101250, locale, 'USD'),
		formatPercent(-0.125, locale),
		formatPercent(-2, locale),
		formatInteger(-12345, locale),
		formatDecimal(-4.12, locale, 1)
	];

	it.each(['lv', 'en'] as const)('writes every negative figure in %s with U+2212', (locale) => {
		for (const text of negatives(locale)) {
			expect(text).not.toContain(HYPHEN);
			expect(text).toMatch(/^\u2212\d/);
		}
	});

	it('writes money, variances, percentages and counts below zero, in LV and EN', () => {
		expect(formatMoney(-4101250, 'lv')).toBe(`\u221241${NBSP}012,50\u00a0EUR`);
		expect(formatMoney(-4101250, 'en')).toBe('\u221241,012.50\u00a0EUR');
		expect(formatSignedMoney(-1550, 'lv')).toBe('\u221215,50\u00a0EUR');
		expect(formatSignedMoney(4020, 'en')).toBe('+40.20\u00a0EUR');
		expect(formatSignedMoney(0, 'lv')).toBe('0,00\u00a0EUR');
		expect(formatPercent(-0.125, 'lv')).toBe('\u221212,5%');
		expect(formatPercent(-0.125, 'en')).toBe('\u221212.5%');
		expect(formatInteger(-12345, 'lv')).toBe(`\u221212${NBSP}345`);
		expect(formatDecimal(-4.12, 'lv', 1)).toBe('\u22124,1');
		expect(formatDecimal(1.84, 'en', 1)).toBe('1.8');
	});

	it('signs a variance in per cent either way, as a variance in money', () => {
		expect(formatSignedPercent(0.0388, 'lv')).toBe('+3,9%');
		expect(formatSignedPercent(-0.005, 'en')).toBe('\u22120.5%');
		expect(formatSignedPercent(0, 'lv')).toBe('0%');
		expect(formatSignedPercent(0.00001, 'en')).toBe('0%');
		expect(formatSignedPercent(-0.00001, 'lv')).toBe('0%');
	});

	it('writes no sign for a value that rounds to zero', () => {
		expect(formatPercent(-0.00001, 'lv')).toBe('0%');
		expect(formatInteger(-0.3, 'en')).toBe('0');
		expect(formatMoney(-0, 'lv')).toBe('0\u00a0EUR');
	});
});

describe("the office's clock", () => {
	// 23:30 UTC is already the next day in Riga: at 01:30 in winter (UTC+2), 02:30 in summer (UTC+3).
	const winter = new Date('2026-01-31T23:30:00Z');
	const summer = new Date('2026-06-30T23:30:00Z');

	it("takes today as Riga's date, not the UTC date, in winter and in summer", () => {
		expect(winter.toISOString().slice(0, 10)).toBe('2026-01-31');
		expect(officeToday(winter)).toBe('2026-02-01');
		expect(officeToday(summer)).toBe('2026-07-01');
	});

	it("takes this month as Riga's month across a month's end", () => {
		expect(officeMonth(winter)).toBe('2026-02');
		expect(officeMonth(summer)).toBe('2026-07');
	});

	it('tells the winter offset from the summer one', () => {
		// 21:30 UTC: 23:30 in Riga in winter (the same day), 00:30 in summer (the next).
		expect(officeToday(new Date('2026-01-31T21:30:00Z'))).toBe('2026-01-31');
		expect(officeToday(new Date('2026-06-30T21:30:00Z'))).toBe('2026-07-01');
		expect(officeDate('2026-06-30T21:30:00Z')).toBe('2026-07-01');
	});

	it('reads the real clock when no moment is given', () => {
		expect(officeToday()).toBe(officeDate(new Date()));
		expect(officeMonth()).toBe(officeToday().slice(0, 7));
	});

	it('starts an office day at midnight in Riga', () => {
		expect(officeDayStart('2026-02-01').toISOString()).toBe('2026-01-31T22:00:00.000Z');
		expect(officeDayStart('2026-07-01').toISOString()).toBe('2026-06-30T21:00:00.000Z');
		// The days the clock changes (29 March, 25 October 2026) still begin at their midnight.
		expect(officeDayStart('2026-03-29').toISOString()).toBe('2026-03-28T22:00:00.000Z');
		expect(officeDayStart('2026-10-25').toISOString()).toBe('2026-10-24T21:00:00.000Z');
	});
});

describe('month names', () => {
	it('names the twelve months as a choice writes them, in each language', () => {
		expect(monthNames('lv')).toHaveLength(12);
		expect(monthNames('lv').slice(0, 3)).toEqual(['janvāris', 'februāris', 'marts']);
		expect(monthNames('en')[8]).toBe('September');
	});
});
