import { solidDefinition } from '$tests/factories/projects';
import { describe, expect, it } from 'vitest';
import {
	changeKind,
	decisionRecords,
	latestAdopted,
	planInForce,
	planSteps,
	recordOfDecision,
	type PlanVersion
} from './plan-versions';

function version(number: number, date: string, decision: string, kind: PlanVersion['kind']) {
	const definition = solidDefinition((d) => {
		d.decision.date = date;
		d.decision.number = decision;
	});
	return {
		number,
		status: 'adopted',
		kind,
		definition,
		decision: definition.decision,
		basedOn: number > 1 ? number - 1 : null,
		note: null,
		createdBy: 'system',
		createdAt: '2020-01-01T00:00:00.000Z',
		adoptedBy: 'system',
		adoptedAt: '2020-01-01T00:00:00.000Z'
	} satisfies PlanVersion;
}

const versions: PlanVersion[] = [
	version(1, '2018-02-22', '57', 'adoption'),
	version(2, '2019-09-19', '512', 'amendment'),
	version(3, '2019-09-19', '512', 'correction'),
	{ ...version(4, '2019-09-19', '512', 'amendment'), status: 'draft', decision: null }
];

describe('plan versions', () => {
	it('puts in force on a date the last plan adopted by then, and the first one before it', () => {
		expect(planInForce(versions, '2018-01-05')?.number).toBe(1);
		expect(planInForce(versions, '2019-09-18')?.number).toBe(1);
		expect(planInForce(versions, '2019-09-19')?.number).toBe(3);
		expect(latestAdopted(versions)?.number).toBe(3);
		expect(planInForce([], '2019-01-01')).toBeNull();
	});

	it('lists each decision once, at its last record, and never a draft', () => {
		expect(decisionRecords(versions).map((v) => v.number)).toEqual([1, 3]);
		expect(recordOfDecision(versions, '57')?.number).toBe(1);
		expect(recordOfDecision(versions, ' 512 ')?.number).toBe(3);
		expect(recordOfDecision(versions, '512', '2020-01-01')).toBeNull();
		expect(planSteps(versions).map((s) => s.from)).toEqual([
			'2018-02-22',
			'2019-09-19',
			'2019-09-19'
		]);
	});

	it('tells an amendment from a correction, and refuses a decision dated too early', () => {
		const inForce = versions[1]!.decision!;
		expect(changeKind(inForce, { ...inForce, annex: 2 })).toEqual({ kind: 'correction' });
		expect(changeKind(inForce, { ...inForce, number: '600', date: '2020-02-01' })).toEqual({
			kind: 'amendment'
		});
		expect(changeKind(inForce, { ...inForce, number: '3', date: '2019-01-01' })).toEqual({
			kind: 'out-of-order',
			inForce
		});
	});
});
