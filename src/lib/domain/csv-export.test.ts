import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { csvNumber, toCsv } from './csv-export';
import { formatMoney } from './format';

const parse = (csv: string, delimiter: string) =>
	Papa.parse<string[]>(csv.trim(), { delimiter }).data;

describe('a CSV download', () => {
	it('escapes text that a spreadsheet would run as a formula, and keeps numbers as numbers', () => {
		const csv = toCsv(
			['payee', 'amount'],
			[
				['=HYPERLINK("http://x")', -12.5],
				['+cmd', 3],
				['@SUM(A1)', 0],
				['-2+3', 1],
				['\tTab', 2],
				['SIA Ūdens', 1234.5]
			],
			'en'
		);
		expect(parse(csv, ',')).toEqual([
			['payee', 'amount'],
			[`'=HYPERLINK("http://x")`, '-12.5'],
			[`'+cmd`, '3'],
			[`'@SUM(A1)`, '0'],
			[`'-2+3`, '1'],
			[`'\tTab`, '2'],
			['SIA Ūdens', '1234.5']
		]);
	});

	it('quotes delimiters, quotes and line breaks as RFC 4180 says, with CRLF between records', () => {
		expect(toCsv(['text'], [['a, "b"\nc'], [null]], 'en')).toBe('text\r\n"a, ""b""\nc"\r\n');
		expect(toCsv(['text'], [['a; "b"'], ['a, b']], 'lv')).toBe('text\r\n"a; ""b"""\r\na, b');
	});

	it('writes LV with ; and a decimal comma, the header in Latvian, as Latvian Excel reads it', () => {
		const csv = toCsv(
			['Gads', 'Plāns (EUR)', 'Novirze (EUR)'],
			[
				[2018, 3090, -15.5],
				[2019, 41012.5, 40.2]
			],
			'lv'
		);
		expect(csv).toBe('Gads;Plāns (EUR);Novirze (EUR)\r\n2018;3090;-15,5\r\n2019;41012,5;40,2');
	});

	it('writes EN with , and a decimal point, the header in English', () => {
		const csv = toCsv(
			['Year', 'Plan (EUR)', 'Variance (EUR)'],
			[
				[2018, 3090, -15.5],
				[2019, 41012.5, 40.2]
			],
			'en'
		);
		expect(csv).toBe('Year,Plan (EUR),Variance (EUR)\r\n2018,3090,-15.5\r\n2019,41012.5,40.2');
	});

	it('writes a number cell bare: no grouping, no currency, an ASCII minus Excel reads as a sign', () => {
		for (const locale of ['lv', 'en'] as const) {
			const cell = csvNumber(-1234567.89, locale);
			expect(cell).toBe(locale === 'lv' ? '-1234567,89' : '-1234567.89');
			expect(cell).not.toMatch(/[\s\u00a0\u202f\u2212A-Z]/);
			expect(csvNumber(-0, locale)).toBe('0');
			expect(csvNumber(Number.NaN, locale)).toBe('');
		}
	});

	it('keeps the minus sign U+2212 in text cells, the way every page and PDF writes it', () => {
		const note = `Novirze ${formatMoney(-1550, 'lv', { decimals: 'always' })}`;
		const csv = toCsv(['Piezīme'], [[note], [formatMoney(-1550, 'lv')]], 'lv');
		const rows = parse(csv, ';');
		expect(rows[1]).toEqual(['Novirze −15,50\u00a0EUR']);
		// A text that starts with U+2212 is not a formula to a spreadsheet, so it is left as written.
		expect(rows[2]).toEqual(['−15,50\u00a0EUR']);
		expect(csv).not.toContain('-15');
	});
});
