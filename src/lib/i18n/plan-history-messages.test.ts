import { planHistory } from '$lib/domain/plan/plan-history';
import { adoptedVersion, solidAmended } from '$tests/factories/plan-versions';
import { solidDefinition } from '$tests/factories/projects';
import { describe, expect, it } from 'vitest';
import { changeLines, decisionTitle, entryText, netLines } from './plan-history-messages';

const history = planHistory(
	[
		adoptedVersion(1, 'adoption', solidDefinition()),
		adoptedVersion(2, 'amendment', solidAmended(), { at: '2019-09-20T08:00:00.000Z' })
	],
	'2026-12-02'
);
const amendment = history[1]!;
const NBSP = '\u00a0';
const plain = (lines: string[]) => lines.map((line) => line.replaceAll(NBSP, ' '));

describe('a plan history said in LV and EN', () => {
	it('names the decision as the council writes it', () => {
		expect(decisionTitle(history[0]!.decision, 'lv')).toBe(
			'Daugavpils pilsētas domes 2018.gada 22.februāra lēmums Nr.57'
		);
		expect(decisionTitle(amendment.decision, 'en')).toBe('Decision No. 512 of 19 September 2019');
	});

	it('says the diff in labelled fields with money in EUR, and the net change', () => {
		expect(plain(changeLines(amendment, 'EUR', 'lv'))).toEqual([
			'Domes līdzfinansējums: 2660 EUR → 2700,20 EUR',
			'Kopējais budžets: 4160 EUR → 4200,20 EUR',
			'Līdzfinansējums (2019. gads): 670 EUR → 710,20 EUR'
		]);
		expect(plain(changeLines(amendment, 'EUR', 'en'))).toContain(
			'Co-financing (2019): 670 EUR → 710.20 EUR'
		);
		expect(plain(netLines(amendment, 'EUR', 'lv'))).toEqual([
			'Kopējais budžets: +40,20 EUR',
			'Domes līdzfinansējums: +40,20 EUR',
			'Līdzfinansējums (2019. gads): +40,20 EUR'
		]);
	});

	it('writes each decision as text lines for the CLI', () => {
		const lines = plain(entryText(amendment, 'en'));
		expect(lines[0]).toBe(
			'Decision No. 512 of 19 September 2019 · Annex 1 · Amends the plan · In force today'
		);
		expect(lines).toContain('    Co-financing (2019): 670 EUR → 710.20 EUR');
		expect(lines).toContain('    Council co-financing: +40.20 EUR');
		expect(lines).toContain('  Recorded by system, 20 Sept 2019 11:00');
	});
});
