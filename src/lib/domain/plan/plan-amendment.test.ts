import { solidAmended } from '$tests/factories/plan-versions';
import { solidDefinition } from '$tests/factories/projects';
import { toDefinitionInput } from '../project/definition-input';
import { describe, expect, it } from 'vitest';
import { amendedDefinition, amendmentRefusal } from './plan-amendment';

const inForce = solidDefinition();
const decision = { date: '2019-09-19', number: '512' };

describe('the definition an amendment records', () => {
	it('lays a plan part over the plan in force, under the new decision with the same body', () => {
		// As a plan file writes it: money in EUR.
		const funding = {
			total: '4200.20',
			eu: 1500,
			council: '2700.20',
			years: [
				{ year: 2018, prefinancing: 1100, cofinancing: 1990 },
				{ year: 2019, prefinancing: 400, cofinancing: '710.20' }
			]
		};
		const result = amendedDefinition(inForce, { funding }, decision);
		expect(result.ok).toBe(true);
		if (!result.ok) return;
		expect(result.definition.funding).toEqual(solidAmended().funding);
		expect(result.definition.events).toEqual(inForce.events);
		expect(result.definition.decision).toEqual({ ...inForce.decision, ...decision });
	});

	it('takes a whole definition, and an annex number when given', () => {
		const whole = toDefinitionInput(solidDefinition((d) => void (d.goal.en = 'Amended goal')));
		const result = amendedDefinition(inForce, whole, { ...decision, annex: 3 });
		expect(result.ok && result.definition.goal.en).toBe('Amended goal');
		expect(result.ok && result.definition.decision.annex).toBe(3);
	});

	it('names what is wrong in the file, at its path in the definition', () => {
		const bad = amendedDefinition(
			inForce,
			{ funding: { ...inForce.funding, eu: 'lots' } },
			decision
		);
		expect(bad).toMatchObject({ ok: false, issues: [{ path: 'funding.eu' }] });
		expect(amendedDefinition(inForce, { goal: { lv: 'x' } }, decision)).toMatchObject({
			ok: false,
			issues: [{ key: 'unrecognized_keys', params: { keys: 'goal' } }]
		});
		expect(amendedDefinition(inForce, { events: [] }, decision)).toMatchObject({
			ok: false,
			issues: [{ path: 'funding', key: 'required' }]
		});
		expect(amendedDefinition(inForce, [], decision).ok).toBe(false);
	});
});

describe('an amendment refused', () => {
	it('when its decision is the one in force, or dated before it', () => {
		expect(amendmentRefusal(inForce.decision, { date: '2018-02-22', number: '57' })).toEqual({
			kind: 'correction'
		});
		expect(amendmentRefusal(inForce.decision, { date: '2018-01-10', number: '3' })).toMatchObject({
			kind: 'out-of-order'
		});
		expect(amendmentRefusal(inForce.decision, decision)).toBeNull();
	});
});
