import { describe, expect, it } from 'vitest';
import { defaultUntil, endsWithinYear, mayPurge, retentionOf } from './retention';

describe('retention', () => {
	it('keeps five years from 31 December of the year of the last payment', () => {
		expect(defaultUntil('2019-10-30')).toBe('2024-12-31');
		expect(retentionOf({ lastPayment: '2019-10-30', projectEnd: '2019-11-15', set: null })).toEqual(
			{ how: 'default', until: '2024-12-31', basis: 'payment', from: '2019-10-30' }
		);
	});

	it('counts from the project end when nothing is paid, and a set date wins, with its reason', () => {
		expect(retentionOf({ lastPayment: null, projectEnd: '2021-03-31', set: null })).toMatchObject({
			until: '2026-12-31',
			basis: 'end'
		});
		const at = new Date('2026-01-05T10:00:00Z');
		const set = {
			keepUntil: '2030-12-31',
			reason: 'Audit pending',
			updatedBy: 'a@x.lv',
			updatedAt: at
		};
		expect(retentionOf({ lastPayment: '2019-10-30', projectEnd: '2019-11-15', set })).toEqual({
			how: 'set',
			until: '2030-12-31',
			reason: 'Audit pending',
			by: 'a@x.lv',
			at,
			default: '2024-12-31'
		});
	});

	it('says when the date is within a year and when a purge may run', () => {
		expect(endsWithinYear('2027-12-01', '2026-12-02')).toBe(true);
		expect(endsWithinYear('2027-12-03', '2026-12-02')).toBe(false);
		expect(endsWithinYear('2025-02-28', '2024-02-29')).toBe(true);
		expect(mayPurge('2024-12-31', '2024-12-31')).toBe(false);
		expect(mayPurge('2024-12-31', '2025-01-01')).toBe(true);
	});
});
