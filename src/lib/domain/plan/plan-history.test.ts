import { adoptedVersion, solidAmended } from '$tests/factories/plan-versions';
import { solidDefinition } from '$tests/factories/projects';
import { describe, expect, it } from 'vitest';
import { fundingNet, planHistory } from './plan-history';
import type { PlanVersion } from './plan-versions';

const adopted = adoptedVersion(1, 'adoption', solidDefinition(), { by: 'system' });
const amendment = adoptedVersion(2, 'amendment', solidAmended(), {
	by: 'coordinator@cofund.example',
	at: '2019-09-20T08:00:00.000Z',
	note: '2019 spent more'
});
const correction = adoptedVersion(
	3,
	'correction',
	solidAmended((d) => void (d.decision.annex = 2)),
	{ by: 'admin@cofund.example', at: '2019-09-21T08:00:00.000Z' }
);
const draft: PlanVersion = {
	...adoptedVersion(4, 'amendment', solidAmended()),
	status: 'draft',
	decision: null
};

describe('plan history', () => {
	it('lists the decisions in the order they took effect, with what each changed', () => {
		const history = planHistory([adopted, amendment], '2026-12-02');
		expect(history.map((e) => [e.decision.number, e.kind, e.version])).toEqual([
			['57', 'adoption', 1],
			['512', 'amendment', 2]
		]);
		expect(history[0]).toMatchObject({ changes: [], net: [], inForce: false, by: 'system' });
		expect(history[1]).toMatchObject({
			by: 'coordinator@cofund.example',
			at: '2019-09-20T08:00:00.000Z',
			note: '2019 spent more',
			inForce: true,
			corrections: []
		});
		// The decision's date and number name the entry; only the plan's own fields are its changes.
		expect(history[1]!.changes).toEqual([
			{ field: 'funding.council', before: 266000, after: 270020 },
			{ field: 'funding.total', before: 416000, after: 420020 },
			{ field: 'funding.years[year=2019].cofinancing', before: 67000, after: 71020 }
		]);
		expect(history[1]!.net).toEqual([
			{ figure: 'total', cents: 4020 },
			{ figure: 'council', cents: 4020 },
			{ figure: 'cofinancing', year: 2019, cents: 4020 }
		]);
	});

	it('says which decision is in force on a date, and which is yet to take effect', () => {
		const before = planHistory([adopted, amendment], '2019-09-18');
		expect(before.map((e) => [e.inForce, e.upcoming])).toEqual([
			[true, false],
			[false, true]
		]);
		const on = planHistory([adopted, amendment], '2019-09-19');
		expect(on.map((e) => e.inForce)).toEqual([false, true]);
	});

	it('puts a correction under the decision whose record it corrects, with its own diff', () => {
		const history = planHistory([adopted, amendment, correction, draft], '2026-12-02');
		expect(history).toHaveLength(2);
		const entry = history[1]!;
		// The decision as its last record has it, its diff as first recorded.
		expect(entry.decision.annex).toBe(2);
		expect(entry.version).toBe(2);
		expect(entry.funding.total).toBe(420020);
		expect(entry.corrections).toEqual([
			{
				version: 3,
				by: 'admin@cofund.example',
				at: '2019-09-21T08:00:00.000Z',
				note: null,
				changes: [{ field: 'decision.annex', before: 1, after: 2 }],
				net: []
			}
		]);
	});

	it('has nothing to list before any decision is recorded', () => {
		expect(planHistory([draft], '2026-12-02')).toEqual([]);
	});
});

describe('funding net change', () => {
	it('names every figure that moved, years added and removed included', () => {
		const before = solidDefinition().funding;
		const after = solidDefinition((d) => {
			d.funding.years = [
				{ year: 2019, prefinancing: 40000, cofinancing: 67000 },
				{ year: 2020, prefinancing: 0, cofinancing: 1000 }
			];
		}).funding;
		expect(fundingNet(before, after)).toEqual([
			{ figure: 'prefinancing', year: 2018, cents: -110000 },
			{ figure: 'cofinancing', year: 2018, cents: -199000 },
			{ figure: 'cofinancing', year: 2020, cents: 1000 }
		]);
	});
});
