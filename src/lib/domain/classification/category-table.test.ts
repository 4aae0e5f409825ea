import { describe, expect, it } from 'vitest';
import { categoryCsv, namedCategories } from './category-table';

const spend = [
	{ category: '2122', cents: 306600 },
	{ category: '1100', cents: 1250 },
	{ category: '2121', cents: 108000 },
	{ category: '', cents: 990 }
];
const own = [
	{ code: '2122', name: { lv: 'Pārējie komandējumu izdevumi', en: 'Other travel costs' } }
];
const words = { code: 'EKK', name: 'Nosaukums', amount: 'Summa (EUR)', noCode: 'Bez koda' };

describe('the spend-by-code table', () => {
	it('names each code from the project list, then the shipped list, else leaves it bare', () => {
		expect(namedCategories(spend, 'lv', own).map((r) => r.name)).toEqual([
			'Pārējie komandējumu izdevumi',
			'Atalgojums',
			null,
			null
		]);
		expect(namedCategories(spend, 'en', own)[0]!.name).toBe('Other travel costs');
	});

	it('downloads with a name column beside the code, amounts as numbers', () => {
		const csv = categoryCsv(spend, 'lv', words, own);
		expect(csv.header).toEqual(['EKK', 'Nosaukums', 'Summa (EUR)']);
		expect(csv.rows).toEqual([
			['2122', 'Pārējie komandējumu izdevumi', 3066],
			['1100', 'Atalgojums', 12.5],
			['2121', '', 1080],
			['', 'Bez koda', 9.9]
		]);
	});
});
