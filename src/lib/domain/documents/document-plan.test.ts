import { describe, expect, it } from 'vitest';
import { solidDefinition } from '$tests/factories/projects';
import type { PlanVersion } from '../plan/plan-versions';
import { chooseVersion, planOptions, versionData } from './document-plan';

const version = (
	number: number,
	status: PlanVersion['status'],
	kind: PlanVersion['kind'],
	decision: { date: string; number: string },
	cofinancing2019 = 67000
): PlanVersion => {
	const definition = solidDefinition((d) => {
		d.decision.date = decision.date;
		d.decision.number = decision.number;
		d.funding.years[1]!.cofinancing = cofinancing2019;
	});
	return {
		number,
		status,
		kind,
		definition,
		decision: status === 'adopted' ? definition.decision : null,
		basedOn: number > 1 ? number - 1 : null,
		note: null,
		createdBy: 'system',
		createdAt: '2026-01-01T00:00:00.000Z',
		adoptedBy: status === 'adopted' ? 'system' : null,
		adoptedAt: status === 'adopted' ? '2026-01-01T00:00:00.000Z' : null
	};
};

/** SOLID: adopted by No. 57, its record corrected, amended by No. 512, and a draft after that. */
const VERSIONS = [
	version(1, 'adopted', 'adoption', { date: '2018-02-22', number: '57' }),
	version(2, 'adopted', 'correction', { date: '2018-02-22', number: '57' }),
	version(3, 'adopted', 'amendment', { date: '2019-09-19', number: '512' }, 71020),
	version(4, 'draft', 'amendment', { date: '2019-09-19', number: '512' }, 75000)
];

describe('the plan version a document is made from', () => {
	it('is the plan in force unless a version or a decision is named', () => {
		expect(chooseVersion(VERSIONS, {})).toMatchObject({ found: { number: 3 } });
		expect(chooseVersion(VERSIONS, { plan: 4 })).toMatchObject({ found: { number: 4 } });
		// A decision stands at its last record: the correction of No. 57.
		expect(chooseVersion(VERSIONS, { decision: '57' })).toMatchObject({ found: { number: 2 } });
		expect(chooseVersion(VERSIONS, { plan: 9 })).toEqual({ missing: 'plan', plan: 9 });
		expect(chooseVersion(VERSIONS, { decision: '1' })).toEqual({
			missing: 'decision',
			decision: '1'
		});
		expect(chooseVersion([], {})).toEqual({ missing: 'none' });
	});

	it('checks a kept document against its decision’s last record, or a draft as it stands', () => {
		expect(chooseVersion(VERSIONS, { recordOf: 1 })).toMatchObject({ found: { number: 2 } });
		expect(chooseVersion(VERSIONS, { recordOf: 3 })).toMatchObject({ found: { number: 3 } });
		expect(chooseVersion(VERSIONS, { recordOf: 4 })).toMatchObject({ found: { number: 4 } });
	});

	it('says an adoption amends nothing, even when its record was corrected', () => {
		expect(versionData(VERSIONS, VERSIONS[0]!)).toEqual({
			number: 1,
			status: 'adopted',
			kind: 'adoption',
			amends: null
		});
		expect(versionData(VERSIONS, VERSIONS[1]!).kind).toBe('adoption');
	});

	it('gives an amendment the decision it amends and the plan in force before it', () => {
		const amendment = versionData(VERSIONS, VERSIONS[2]!);
		expect(amendment.kind).toBe('amendment');
		expect(amendment.amends?.decision.number).toBe('57');
		expect(amendment.amends?.before.decision.number).toBe('57');
		const draft = versionData(VERSIONS, VERSIONS[3]!);
		expect(draft).toMatchObject({ number: 4, status: 'draft', kind: 'amendment' });
		expect(draft.amends?.before.decision.number).toBe('512');
		expect(draft.amends?.before.funding.years[1]!.cofinancing).toBe(71020);
	});

	it('offers the plan in force, each decision newest first, then the drafts', () => {
		expect(planOptions(VERSIONS).map((o) => [o.kind, o.plan, o.number])).toEqual([
			['in_force', null, '512'],
			['decision', 3, '512'],
			['decision', 2, '57'],
			['draft', 4, '512']
		]);
	});
});
