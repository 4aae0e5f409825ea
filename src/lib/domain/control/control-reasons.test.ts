import { describe, expect, it } from 'vitest';
import {
	DEFAULT_REASONS,
	mergeReasons,
	moveReason,
	reasonCodeFor,
	reasonLabel
} from './control-reasons';

describe('the reasons list', () => {
	it('has the defaults in LV and EN, the boarding pass among them', () => {
		const pass = DEFAULT_REASONS.find((r) => r.code === 'no_boarding_pass')!;
		expect(reasonLabel(pass, 'lv')).toBe('Nav iekāpšanas kartes');
		expect(reasonLabel(pass, 'en')).toBe('No boarding pass');
		expect(DEFAULT_REASONS.at(-1)!.code).toBe('other');
	});

	it('lays stored rows over the defaults and orders by position', () => {
		const merged = mergeReasons([
			{ code: 'other', labelLv: 'Citi', labelEn: 'Others', position: 1, active: false },
			{ code: 'late', labelLv: 'Novēlots', labelEn: 'Late', position: 15, active: true }
		]);
		expect(merged[0]).toMatchObject({ code: 'other', labelLv: 'Citi', active: false });
		expect(merged.map((r) => r.code).indexOf('late')).toBe(2);
		expect(merged).toHaveLength(DEFAULT_REASONS.length + 1);
	});

	it('makes a code from a label, never one taken', () => {
		expect(reasonCodeFor('Nav rēķina', new Set())).toBe('nav_rekina');
		expect(reasonCodeFor('Nav rēķina', new Set(['nav_rekina']))).toBe('nav_rekina_2');
		expect(reasonCodeFor('—', new Set())).toBe('reason');
	});

	it('moves a reason one place and renumbers', () => {
		const moved = moveReason(DEFAULT_REASONS, 'no_boarding_pass', -1);
		expect(moved.slice(0, 2).map((r) => [r.code, r.position])).toEqual([
			['no_boarding_pass', 10],
			['no_payment_proof', 20]
		]);
		expect(moveReason(DEFAULT_REASONS, 'no_payment_proof', -1)[0]!.code).toBe('no_payment_proof');
	});
});
