import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { detectDecimalMark, parseAmount } from './amounts';

const cents = (text: string, decimal: 'comma' | 'point' = 'comma') => {
	const result = parseAmount(text, decimal);
	return result.ok ? result.cents : result.problem;
};

describe('parseAmount', () => {
	it.each([
		['426,90', 42690],
		['426,9', 42690],
		['426', 42600],
		['0,07', 7],
		['1.234,56', 123456],
		['1.234.567,89', 123456789],
		['41 012,50', 4101250],
		['41\u00a0012,50', 4101250],
		['41\u202f012,50', 4101250],
		["41'012,50", 4101250],
		['1 234 567,00', 123456700],
		['  12,50  ', 1250]
	])('reads %j with a decimal comma as %i cents', (text, expected) => {
		expect(cents(text, 'comma')).toBe(expected);
	});

	it.each([
		['426.90', 42690],
		['1,234.56', 123456],
		['1,234,567.89', 123456789],
		['41 012.50', 4101250],
		['41\u00a0012.50', 4101250],
		["1'234.50", 123450]
	])('reads %j with a decimal point as %i cents', (text, expected) => {
		expect(cents(text, 'point')).toBe(expected);
	});

	it('reads a mark followed by one or two digits as the decimal mark whatever the column says', () => {
		expect(cents('12.50', 'comma')).toBe(1250);
		expect(cents('12,5', 'point')).toBe(1250);
	});

	it('reads a mark followed by three digits as thousands in the style of the column', () => {
		expect(cents('1.234', 'comma')).toBe(123400);
		expect(cents('1,234', 'point')).toBe(123400);
	});

	it.each([
		['-190,00', -19000],
		['\u2212190,00', -19000],
		['\u2013190,00', -19000],
		['190,00-', -19000],
		['190,00\u2212', -19000],
		['- 190,00', -19000],
		['(190,00)', -19000],
		['( 1 190,00 )', -119000]
	])('reads the credit note %j as %i cents', (text, expected) => {
		expect(cents(text)).toBe(expected);
	});

	it.each([
		['12,50 EUR', 1250],
		['EUR 12,50', 1250],
		['12,50 eur', 1250],
		['12,50€', 1250],
		['€ 12,50', 1250],
		['€-12,50', -1250],
		['-€12,50', -1250],
		['\u2212€ 12,50', -1250],
		['-12,50 EUR', -1250],
		['(12,50 EUR)', -1250],
		['(€12,50)', -1250],
		['EUR 41 012,50', 4101250]
	])('reads %j, leaving out the currency, as %i cents', (text, expected) => {
		expect(cents(text)).toBe(expected);
	});

	it('never produces a negative zero', () => {
		const result = parseAmount('-0,00', 'comma');
		expect(result.ok && Object.is(result.cents, 0)).toBe(true);
	});

	it('accepts trailing zeros past the cents but refuses any other third decimal', () => {
		expect(cents('12,500')).toBe(1250);
		expect(cents('12,5000')).toBe(1250);
		expect(cents('12,345')).toBe('decimals');
		expect(cents('0,005')).toBe('decimals');
		expect(cents('12.345', 'point')).toBe('decimals');
	});

	it.each([
		'',
		'   ',
		'EUR',
		'abc',
		'12a',
		'a12',
		'1e3',
		'12,50,00',
		'--12',
		'12..5',
		'.5',
		'12.',
		'+-1'
	])('refuses %j as invalid', (text) => {
		expect(cents(text)).toBe('invalid');
	});

	it('refuses a grouping mark of the other style', () => {
		expect(cents('1,234.56', 'comma')).toBe('invalid');
		expect(cents('1.234,56', 'point')).toBe('invalid');
	});

	it('refuses spaces that do not group thousands instead of running the digits together', () => {
		expect(cents('12 50')).toBe('invalid');
		expect(cents('1 2 3,4')).toBe('invalid');
		expect(cents('1234 567,00')).toBe('invalid');
		expect(cents('12 345,6 7')).toBe('invalid');
	});

	it('refuses thousands groups of the wrong size', () => {
		expect(cents('1.23,00')).toBe('invalid');
		expect(cents('1.2345,00')).toBe('invalid');
	});

	it('takes 100 milliard euro and refuses a cent more', () => {
		expect(cents('100 000 000 000,00')).toBe(10_000_000_000_000);
		expect(cents('100 000 000 000,01')).toBe('too-large');
		expect(cents('-100 000 000 000,01')).toBe('too-large');
	});

	it('refuses a number of more than fourteen whole digits before it can lose precision', () => {
		expect(cents('123456789012345678901234567890')).toBe('too-large');
		expect(cents('9'.repeat(15))).toBe('too-large');
	});

	it('keeps every cent of the largest amounts exact', () => {
		expect(cents('99 999 999 999,99')).toBe(9_999_999_999_999);
	});
});

describe('detectDecimalMark', () => {
	it('hears a comma in "426,90" and a point in "1,234.56"', () => {
		expect(detectDecimalMark(['426,90', '38,50', '11,7'])).toBe('comma');
		expect(detectDecimalMark(['1,234.56', '38.50'])).toBe('point');
	});

	it('counts a three-digit group as no evidence either way', () => {
		expect(detectDecimalMark(['1.234', '2.000'])).toBeNull();
		expect(detectDecimalMark(['1,234', '2,000'])).toBeNull();
	});

	it('returns null for whole numbers only, so the caller can say it assumed a mark', () => {
		expect(detectDecimalMark(['4160', '12', ''])).toBeNull();
		expect(detectDecimalMark([])).toBeNull();
	});

	it('reads past grouping spaces, currencies and credit-note parentheses', () => {
		expect(detectDecimalMark(['41 012,50', '41\u00a0012,5 EUR', '(12,50)'])).toBe('comma');
		expect(detectDecimalMark(["1'234.50", '€ 12.5'])).toBe('point');
	});

	it('goes with the majority and returns null on a tie', () => {
		expect(detectDecimalMark(['1,50', '2,50', '3.50'])).toBe('comma');
		expect(detectDecimalMark(['1,50', '3.50'])).toBeNull();
	});

	it('reads values from any iterable, such as a generator', () => {
		function* values() {
			yield '12,30';
			yield '7,00';
		}
		expect(detectDecimalMark(values())).toBe('comma');
	});
});

describe('parseAmount on any amount', () => {
	/** Writes cents the way an export might: grouped by `group` every three digits, with `mark`. */
	function written(
		cents: number,
		group: string,
		mark: ',' | '.',
		style: 'minus' | 'trailing' | 'parentheses'
	) {
		const digits = String(Math.abs(cents)).padStart(3, '0');
		const whole = digits.slice(0, -2).replace(/\B(?=(\d{3})+$)/g, group);
		const body = `${whole}${mark}${digits.slice(-2)}`;
		if (cents >= 0) return body;
		return style === 'minus' ? `-${body}` : style === 'trailing' ? `${body}-` : `(${body})`;
	}

	it('reads back every amount however it is grouped and signed', () => {
		fc.assert(
			fc.property(
				fc.integer({ min: -10_000_000_000_000, max: 10_000_000_000_000 }),
				fc.constantFrom(' ', '\u00a0', '\u202f', "'", ''),
				fc.constantFrom('minus' as const, 'trailing' as const, 'parentheses' as const),
				fc.constantFrom('', ' EUR', ' €'),
				(amount, group, style, currency) => {
					const comma = written(amount, group || '.', ',', style) + currency;
					const point = written(amount, group || ',', '.', style) + currency;
					expect(parseAmount(comma, 'comma')).toEqual({ ok: true, cents: amount || 0 });
					expect(parseAmount(point, 'point')).toEqual({ ok: true, cents: amount || 0 });
				}
			)
		);
	});
});

describe('a credit note marked twice', () => {
	it('stays negative: parentheses and a minus sign both mean credit', () => {
		expect(parseAmount('(-12,00)', 'comma')).toEqual({ ok: true, cents: -1200 });
		expect(parseAmount('(12,00-)', 'comma')).toEqual({ ok: true, cents: -1200 });
	});
});
