import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { toCsv } from './csv-export';

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
			]
		);
		const rows = Papa.parse<string[]>(csv.trim()).data;
		expect(rows).toEqual([
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
		const csv = toCsv(['text'], [['a, "b"\nc'], [null]]);
		expect(csv).toBe('text\r\n"a, ""b""\nc"\r\n');
	});
});
