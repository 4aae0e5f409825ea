import { describe, expect, it } from 'vitest';
import { solidDefinition } from '$tests/factories/projects';
import { proposeAmendment } from '$lib/domain/plan/amendment-proposal';
import { proposalNote } from './proposal-messages';

const plan = solidDefinition();
const years = plan.funding.years.map((y) => ({
	...y,
	plan: y.prefinancing + y.cofinancing,
	actual: y.year === 2019 ? 111020 : 307450
}));

describe('the amendment proposal in words', () => {
	it('says SOLID 2019 in Latvian and English', () => {
		const proposal = proposeAmendment(plan, years, '2026-11-24')!;
		const plain = (s: string) => s.replaceAll('\u00a0', ' ');
		expect(plain(proposalNote(proposal, 'lv'))).toBe(
			'Grozījumu priekšlikums: 2019, pašvaldības līdzfinansējums: +40,20 EUR (670 EUR → 710,20 EUR); pašvaldības līdzfinansējums 2700,20 EUR, kopā 4200,20 EUR.'
		);
		expect(plain(proposalNote(proposal, 'en'))).toBe(
			"Amendment proposal: 2019, the council's co-financing: +40.20 EUR (670 EUR → 710.20 EUR); council co-financing 2,700.20 EUR, total 4,200.20 EUR."
		);
	});
});
