import { ENGINES, freshDatabase } from '$tests/factories/database';
import { importSample } from '$tests/factories/imports';
import { solidDefinition } from '$tests/factories/projects';
import { asc } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../db';
import { auditEvents } from '../db/schema';
import { SYSTEM_ACTOR } from '../audit/record-audit';
import { verifyAuditChain } from '../audit/verify-audit';
import { projectDashboard } from '../dashboard/project-dashboard';
import { applyProjectDefinition, DecisionOrderError } from '../projects/apply-definition';
import { loadProject } from '../projects/load-definition';
import {
	acceptProposal,
	adoptDraft,
	discardDraft,
	DraftStateError,
	moveDraft,
	proposalState,
	updateDraftFunding
} from './plan-drafts';
import { planVersionsOf } from './plan-versions';

const actor = { id: null, email: 'koordinators@cofund.example' };
const today = '2026-11-24';
const note = () => '2019: +40,20 EUR';

describe.each(ENGINES)('plan drafts on %s', (engine) => {
	let handle: DatabaseHandle;
	beforeAll(async () => {
		handle = await freshDatabase(engine);
		await applyProjectDefinition(handle.db, solidDefinition(), { actor: SYSTEM_ACTOR });
		await importSample(handle.db, 'expenses');
		await importSample(handle.db, 'participation');
	}, 120_000);
	afterAll(async () => {
		await handle?.close();
	});

	const actions = async () =>
		(await handle.db.select().from(auditEvents).orderBy(asc(auditEvents.seq)))
			.map((e) => e.action)
			.filter((a) => a.startsWith('plan.'));

	it('proposes for SOLID 2019, the council co-financing, +40,20 EUR: council 2700,20, total 4200,20', async () => {
		const state = (await proposalState(handle.db, 'SOLID', today))!;
		expect(state.inForce?.number).toBe(1);
		expect(state.open).toBeNull();
		const proposal = state.proposal!;
		expect(proposal.years.map((y) => [y.year, y.basis, y.plan, y.actual, y.amount])).toEqual([
			[2019, 'spend', 107000, 111020, 4020]
		]);
		expect(proposal.years[0]!.changes).toEqual([
			{ year: 2019, source: 'cofinancing', amount: 4020, before: 67000, after: 71020 }
		]);
		expect(proposal.after).toEqual({ eu: 150000, council: 270020, total: 420020 });
		expect(proposal.findings).toEqual([]);
		expect(proposal.passes).toBe(true);
		const alerts = (await projectDashboard(handle.db, 'SOLID', '2026-11', today))!.alerts;
		expect(alerts.filter((a) => a.kind === 'plan-amendment')).toEqual([
			{ kind: 'plan-amendment', year: 2019, amount: 4020 }
		]);
	});

	it('accepts the proposal into a draft amendment of the plan in force, one at a time', async () => {
		// A proposal shown for another plan than the one in force is not accepted.
		await expect(
			acceptProposal(handle.db, 'SOLID', { actor, today, note, basedOn: 7 })
		).rejects.toMatchObject({ reason: 'stale-proposal' });
		const draft = await acceptProposal(handle.db, 'SOLID', { actor, today, note, basedOn: 1 });
		expect(draft).toMatchObject({
			number: 2,
			status: 'draft',
			kind: 'amendment',
			basedOn: 1,
			note: '2019: +40,20 EUR',
			decision: null,
			createdBy: actor.email
		});
		expect(draft.definition.funding.years[1]!.cofinancing).toBe(71020);
		expect(draft.definition.decision.number).toBe('57');
		await expect(acceptProposal(handle.db, 'SOLID', { actor, today, note })).rejects.toMatchObject({
			reason: 'open-draft'
		});
		// The project's own rows still hold the plan in force.
		expect((await loadProject(handle.db, 'SOLID'))!.definition.funding.council).toBe(266000);
	});

	it('changes the draft figures while it is a draft, and not once it is submitted', async () => {
		const funding = structuredClone(
			(await planVersionsOf(handle.db, 'SOLID'))![1]!.definition.funding
		);
		funding.years[1]!.prefinancing = 39000;
		const edited = await updateDraftFunding(handle.db, 'SOLID', 2, funding, actor);
		expect(edited.definition.funding.years[1]!.prefinancing).toBe(39000);
		funding.years[1]!.prefinancing = 40000;
		await updateDraftFunding(handle.db, 'SOLID', 2, funding, actor);
		expect((await moveDraft(handle.db, 'SOLID', 2, 'submit', actor)).status).toBe('submitted');
		await expect(updateDraftFunding(handle.db, 'SOLID', 2, funding, actor)).rejects.toBeInstanceOf(
			DraftStateError
		);
		await expect(discardDraft(handle.db, 'SOLID', 2, actor)).rejects.toMatchObject({
			reason: 'not-editable'
		});
		expect((await moveDraft(handle.db, 'SOLID', 2, 'return', actor)).status).toBe('draft');
		expect((await moveDraft(handle.db, 'SOLID', 2, 'submit', actor)).status).toBe('submitted');
	});

	it('refuses a decision dated before the one in force, and keeps the draft', async () => {
		const early = { date: '2018-01-10', number: '3', annex: 1 };
		await expect(adoptDraft(handle.db, 'SOLID', 2, early, actor)).rejects.toBeInstanceOf(
			DecisionOrderError
		);
		expect((await planVersionsOf(handle.db, 'SOLID'))![1]!.status).toBe('submitted');
	});

	it('adopts the draft by decision No. 512: the draft row becomes the amendment', async () => {
		const decision = { date: '2019-09-19', number: '512', annex: 1 };
		const result = await adoptDraft(handle.db, 'SOLID', 2, decision, actor);
		expect(result.status).toBe('amended');
		const versions = (await planVersionsOf(handle.db, 'SOLID'))!;
		expect(versions.map((v) => [v.number, v.status, v.kind, v.decision?.number])).toEqual([
			[1, 'adopted', 'adoption', '57'],
			[2, 'adopted', 'amendment', '512']
		]);
		expect(versions[1]).toMatchObject({
			basedOn: 1,
			note: '2019: +40,20 EUR',
			adoptedBy: actor.email
		});
		const stored = (await loadProject(handle.db, 'SOLID'))!.definition;
		expect(stored.funding).toMatchObject({ council: 270020, total: 420020 });
		expect(stored.decision).toMatchObject(decision);
		const state = (await proposalState(handle.db, 'SOLID', today))!;
		expect(state.proposal).toBeNull();
		expect(state.open).toBeNull();
		const dashboard = (await projectDashboard(handle.db, 'SOLID', '2026-11', today))!;
		expect(dashboard.years.find((y) => y.year === 2019)?.status).toBe('on-plan');
		expect(dashboard.alerts.map((a) => a.kind)).not.toContain('plan-amendment');
		await expect(adoptDraft(handle.db, 'SOLID', 2, decision, actor)).rejects.toMatchObject({
			reason: 'not-editable'
		});
	});

	it('discards a draft, and records every step in the audit chain', async () => {
		// A draft needs a proposal: an overspend of 2018 under a plan that lowers it.
		await applyProjectDefinition(
			handle.db,
			solidDefinition((d) => {
				d.decision = { ...d.decision, date: '2019-10-01', number: '600' };
				d.funding.years[0]!.cofinancing -= 10000;
				d.funding.years[1]!.cofinancing += 14020;
				d.funding.council += 4020;
				d.funding.total += 4020;
			}),
			{ actor }
		);
		const draft = await acceptProposal(handle.db, 'SOLID', { actor, today, note });
		expect(draft.number).toBe(4);
		await discardDraft(handle.db, 'SOLID', 4, actor);
		expect((await planVersionsOf(handle.db, 'SOLID'))!.map((v) => v.number)).toEqual([1, 2, 3]);
		expect(await actions()).toEqual([
			'plan.draft-create',
			'plan.draft-edit',
			'plan.draft-edit',
			'plan.draft-submit',
			'plan.draft-return',
			'plan.draft-submit',
			'plan.amend',
			'plan.amend',
			'plan.draft-create',
			'plan.draft-discard'
		]);
		expect(await verifyAuditChain(handle.db)).toMatchObject({ intact: true });
	});
});
