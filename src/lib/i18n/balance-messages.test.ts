import { describe, expect, it } from 'vitest';
import type { ImportBalance } from '$lib/domain/import/balance';
import { formatMoney } from '$lib/domain/format';
import { describeBalance } from './balance-messages';

const balance = (over: Partial<ImportBalance> = {}): ImportBalance => ({
	records: { accepted: 1, rejected: 1, setAside: 1, total: 3, holds: true },
	amounts: {
		acceptedCents: 1_234_500,
		rejectedCents: 1170,
		setAsideCents: 0,
		rowsCents: 1_235_670,
		holds: true,
		totalsLines: 1,
		totalsLinesCents: 1_235_000,
		unreadable: { rejected: 0, setAside: 2 }
	},
	statedTotal: {
		statedCents: 1_235_000,
		rowsCents: 1_235_670,
		differenceCents: -670,
		matches: false
	},
	...over
});

// Money as the one formatter writes it (its grouping and minus sign are its own business).
const lv = (cents: number) => formatMoney(cents, 'lv', { currency: 'EUR', decimals: 'always' });
const en = (cents: number) => formatMoney(cents, 'en', { currency: 'EUR', decimals: 'always' });

describe('describeBalance', () => {
	it('writes the equations in Latvian with the singular where a count is one', () => {
		const text = describeBalance(balance(), 'lv', 'EUR');
		expect(text.records.text).toBe('1 pieņemts + 1 noraidīts + 1 atlikts malā = 3 ieraksti failā');
		expect(text.amounts?.text).toBe(
			`pieņemtie ${lv(1_234_500)} + noraidītie 11,70\u00a0EUR + malā atliktie 0,00\u00a0EUR = ${lv(1_235_670)} — faila rindu summa`
		);
		expect(text.notes).toEqual([
			'2 malā atliktiem ierakstiem summa nav nolasāma: tie ieskaitīti ierakstos, bet ne summās.',
			`1 kopsummas rinda (${lv(1_235_000)}) ir paša faila summa, nevis izdevums: tā nav ne vienā, ne otrā pusē.`
		]);
	});

	it('says by how much a totals line misses the rows', () => {
		const { stated } = describeBalance(balance(), 'en', 'EUR');
		expect(stated?.matches).toBe(false);
		expect(stated?.text).toBe(
			`The file's totals line says ${en(1_235_000)}, but its rows add up to ${en(1_235_670)}: a difference of ${en(-670)}.`
		);
	});

	it('shows ≠ for figures that do not add up, never a false =', () => {
		const off = balance();
		off.records.holds = false;
		off.amounts!.holds = false;
		const text = describeBalance(off, 'en', 'EUR');
		expect(text.records.sign).toBe('≠');
		expect(text.records.text).toBe('1 accepted + 1 rejected + 1 set aside ≠ 3 records in the file');
		expect(text.amounts?.sign).toBe('≠');
	});

	it('has only the records for travel orders', () => {
		const text = describeBalance(
			balance({
				records: { accepted: 1, rejected: 0, setAside: 0, total: 1, holds: true },
				amounts: null,
				statedTotal: null
			}),
			'en',
			'EUR'
		);
		expect(text.records.text).toBe('1 accepted + 0 rejected + 0 set aside = 1 record in the file');
		expect(text.amounts).toBeNull();
		expect(text.notes).toEqual([]);
		expect(text.stated).toBeNull();
	});
});
