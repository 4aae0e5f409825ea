import { describe, expect, it } from 'vitest';
import { centsToDecimal, parseMoney, sumCents } from './money';

describe('parseMoney', () => {
	it.each([
		['4160', 416000],
		['4160.00', 416000],
		['4160,5', 416050],
		['41 012,50', 4101250],
		['41\u00a0012,50', 4101250],
		['-190,00', -19000],
		['0.07', 7],
		[' 12 ', 1200]
	])('reads %j as %i cents', (text, cents) => {
		expect(parseMoney(text)).toBe(cents);
	});

	it.each(['', 'abc', '1.234', '12,345', '1e3', '12.', '--1', '1 2,3,4', '99999999999999999'])(
		'refuses %j',
		(text) => {
			expect(parseMoney(text)).toBeNull();
		}
	);

	it('never produces a negative zero', () => {
		expect(Object.is(parseMoney('-0,00'), 0)).toBe(true);
	});
});

describe('centsToDecimal', () => {
	it.each([
		[416000, '4160.00'],
		[7, '0.07'],
		[-19050, '-190.50'],
		[0, '0.00']
	])('writes %i as %s', (cents, text) => {
		expect(centsToDecimal(cents)).toBe(text);
	});

	it('round-trips with parseMoney', () => {
		for (const cents of [1, 99, 100, 123456789, -5]) {
			expect(parseMoney(centsToDecimal(cents))).toBe(cents);
		}
	});
});

describe('sumCents', () => {
	it('adds integers, so 0.10 + 0.20 is exactly 0.30', () => {
		expect(sumCents([10, 20])).toBe(30);
		expect(sumCents([])).toBe(0);
	});
});
