import { ENGINES, freshDatabase } from '$tests/factories/database';
import { solidDefinition } from '$tests/factories/projects';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../db';
import { SYSTEM_ACTOR } from '../audit/record-audit';
import { applyProjectDefinition } from '../projects/apply-definition';
import { amendPlan, projectHistory } from './plan-history';
import { planVersionsOf } from './plan-versions';

const actor = SYSTEM_ACTOR;
/** SOLID's plan part with 2019 council co-financing 670 → 710,20 EUR, money in EUR as a file has it. */
const plan = {
	funding: {
		total: '4200.20',
		eu: 1500,
		council: '2700.20',
		years: [
			{ year: 2018, prefinancing: 1100, cofinancing: 1990 },
			{ year: 2019, prefinancing: 400, cofinancing: '710.20' }
		]
	}
};

describe.each(ENGINES)('amending a plan on %s', (engine) => {
	let handle: DatabaseHandle;
	beforeAll(async () => {
		handle = await freshDatabase(engine);
		await applyProjectDefinition(handle.db, solidDefinition(), { actor });
	});
	afterAll(async () => {
		await handle?.close();
	});

	it('refuses the decision in force and an earlier one, and records nothing', async () => {
		const same = await amendPlan(
			handle.db,
			'SOLID',
			plan,
			{ date: '2018-02-22', number: '57' },
			{ actor }
		);
		expect(same).toMatchObject({ ok: false, problem: 'same-decision', inForce: { number: '57' } });
		const early = await amendPlan(
			handle.db,
			'SOLID',
			plan,
			{ date: '2018-01-02', number: '1' },
			{ actor }
		);
		expect(early).toMatchObject({ ok: false, problem: 'out-of-order' });
		const other = await amendPlan(
			handle.db,
			'SOLID',
			{ ...solidDefinition(), code: 'OTHER', funding: plan.funding },
			{ date: '2019-09-19', number: '512' },
			{ actor }
		);
		expect(other).toMatchObject({ ok: false, problem: 'other-project', found: 'OTHER' });
		expect(
			await amendPlan(handle.db, 'NONE', plan, { date: '2019-09-19', number: '512' }, { actor })
		).toMatchObject({ ok: false, problem: 'no-project' });
		expect(await planVersionsOf(handle.db, 'SOLID')).toHaveLength(1);
	});

	it('records the amendment by decision No. 512, and the history lists both decisions', async () => {
		const amended = await amendPlan(
			handle.db,
			'SOLID',
			plan,
			{ date: '2019-09-19', number: '512' },
			{ actor, note: '2019' }
		);
		expect(amended).toMatchObject({ ok: true, result: { status: 'amended' } });
		const history = (await projectHistory(handle.db, 'SOLID', '2026-12-02'))!;
		expect(history.map((e) => [e.decision.number, e.kind, e.inForce])).toEqual([
			['57', 'adoption', false],
			['512', 'amendment', true]
		]);
		expect(history[1]!.changes).toContainEqual({
			field: 'funding.years[year=2019].cofinancing',
			before: 67000,
			after: 71020
		});
		expect(history[1]!.decision.body).toEqual(solidDefinition().decision.body);
	});
});
