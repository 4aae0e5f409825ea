/**
 * Draft plan versions: an amendment proposal accepted into a draft, its figures changed, submitted
 * to the council (and returned), discarded, or adopted by recording the council's decision. Each
 * change is one transaction with its audit event; adoption goes through applyProjectDefinition,
 * so a draft is adopted under exactly the rules every amendment is.
 */
import { and, eq, inArray } from 'drizzle-orm';
import { planInForce, type PlanVersion } from '$lib/domain/plan/plan-versions';
import { proposeAmendment, type AmendmentProposal } from '$lib/domain/plan/amendment-proposal';
import type { ProjectDefinition } from '$lib/domain/project/definition';
import { recordAudit, type Actor } from '../audit/record-audit';
import type { Database, Queryable, Transaction } from '../db';
import { planVersions, projects } from '../db/schema';
import { figuresFromSums } from '../dashboard/project-figures';
import { applyProjectDefinition, type ApplyResult } from '../projects/apply-definition';
import { insertPlanVersion, listPlanVersions, versionFromRow } from './plan-versions';

export type Funding = ProjectDefinition['funding'];
export type Decision = ProjectDefinition['decision'];

/** Why a draft could not be changed: there is none by that number, or it is not in that state. */
export class DraftStateError extends Error {
	constructor(
		readonly code: string,
		readonly draft: number | null,
		readonly reason: 'no-proposal' | 'open-draft' | 'not-found' | 'not-editable' | 'stale-proposal'
	) {
		super(`Project ${code}: plan draft ${draft ?? '—'}: ${reason}`);
		this.name = 'DraftStateError';
	}
}

export interface ProposalState {
	projectId: number;
	/** The plan in force on `today`. */
	inForce: PlanVersion | null;
	proposal: AmendmentProposal | null;
	/** The draft or submitted version being prepared, if any (at most one at a time). */
	open: PlanVersion | null;
}

/** The plan in force on `today`, the amendment it needs by the project's figures, and the open draft. */
export async function proposalState(
	db: Queryable,
	code: string,
	today: string
): Promise<ProposalState | null> {
	const [project] = await db
		.select({ id: projects.id })
		.from(projects)
		.where(eq(projects.code, code));
	if (!project) return null;
	const versions = await listPlanVersions(db, project.id);
	const inForce = planInForce(versions, today);
	const open = versions.filter((v) => v.status !== 'adopted').at(-1) ?? null;
	if (!inForce) return { projectId: project.id, inForce, proposal: null, open };
	const figures = await figuresFromSums(db, project.id, inForce.definition);
	const proposal = proposeAmendment(inForce.definition, figures.years, today);
	return { projectId: project.id, inForce, proposal, open };
}

/** The project's row, locked, so that changes of its drafts take turns. */
async function lockProject(tx: Transaction, code: string): Promise<number> {
	const [row] = await tx
		.select({ id: projects.id })
		.from(projects)
		.where(eq(projects.code, code))
		.for('update');
	if (!row) throw new DraftStateError(code, null, 'not-found');
	return row.id;
}

async function openDraft(
	tx: Transaction,
	projectId: number,
	code: string,
	number: number,
	statuses: PlanVersion['status'][]
): Promise<PlanVersion> {
	const [row] = await tx
		.select()
		.from(planVersions)
		.where(and(eq(planVersions.projectId, projectId), eq(planVersions.number, number)));
	if (!row) throw new DraftStateError(code, number, 'not-found');
	if (!statuses.includes(row.status)) throw new DraftStateError(code, number, 'not-editable');
	return versionFromRow(row);
}

/**
 * Records the proposal as a draft amendment of the plan in force. `note` is the proposal in words
 * (the caller says it in the coordinator's language). Only one draft is open at a time: two would
 * be two answers to the same overspend.
 */
export async function acceptProposal(
	db: Database,
	code: string,
	options: {
		actor: Actor;
		today: string;
		note: (proposal: AmendmentProposal) => string;
		/** The plan version the reader saw the proposal for: a plan changed since is refused. */
		basedOn?: number;
	}
): Promise<PlanVersion> {
	return db.transaction(async (tx) => {
		const projectId = await lockProject(tx, code);
		const state = (await proposalState(tx, code, options.today))!;
		if (state.open) throw new DraftStateError(code, state.open.number, 'open-draft');
		if (!state.proposal || !state.inForce) throw new DraftStateError(code, null, 'no-proposal');
		if (options.basedOn !== undefined && options.basedOn !== state.inForce.number)
			throw new DraftStateError(code, null, 'stale-proposal');
		const draft = await insertPlanVersion(tx, projectId, {
			status: 'draft',
			kind: 'amendment',
			definition: state.proposal.definition,
			basedOn: state.inForce.number,
			note: options.note(state.proposal),
			by: options.actor.email
		});
		await recordAudit(tx, options.actor, {
			action: 'plan.draft-create',
			objectType: 'project',
			objectId: code,
			after: { version: draft.number, basedOn: state.inForce.number, note: draft.note }
		});
		return draft;
	});
}

/** Replaces a draft's funding plan (its totals and years); a submitted draft is not edited. */
export async function updateDraftFunding(
	db: Database,
	code: string,
	number: number,
	funding: Funding,
	actor: Actor
): Promise<PlanVersion> {
	return db.transaction(async (tx) => {
		const projectId = await lockProject(tx, code);
		const draft = await openDraft(tx, projectId, code, number, ['draft']);
		const definition: ProjectDefinition = {
			...draft.definition,
			funding: { ...funding, years: [...funding.years].sort((a, b) => a.year - b.year) }
		};
		const [row] = await tx
			.update(planVersions)
			.set({ definition })
			.where(and(eq(planVersions.projectId, projectId), eq(planVersions.number, number)))
			.returning();
		await recordAudit(tx, actor, {
			action: 'plan.draft-edit',
			objectType: 'project',
			objectId: code,
			before: { version: number, funding: draft.definition.funding },
			after: { version: number, funding: definition.funding }
		});
		return versionFromRow(row!);
	});
}

const MOVES = {
	submit: { from: 'draft', to: 'submitted', action: 'plan.draft-submit' },
	return: { from: 'submitted', to: 'draft', action: 'plan.draft-return' }
} as const;

/** Submits a draft to the council (no more edits), or returns a submitted one to draft. */
export async function moveDraft(
	db: Database,
	code: string,
	number: number,
	move: keyof typeof MOVES,
	actor: Actor
): Promise<PlanVersion> {
	const { from, to, action } = MOVES[move];
	return db.transaction(async (tx) => {
		const projectId = await lockProject(tx, code);
		await openDraft(tx, projectId, code, number, [from]);
		const [row] = await tx
			.update(planVersions)
			.set({ status: to })
			.where(and(eq(planVersions.projectId, projectId), eq(planVersions.number, number)))
			.returning();
		await recordAudit(tx, actor, {
			action,
			objectType: 'project',
			objectId: code,
			before: { version: number, status: from },
			after: { version: number, status: to }
		});
		return versionFromRow(row!);
	});
}

/** Deletes a draft; a submitted one must be returned first, an adopted one never goes. */
export async function discardDraft(
	db: Database,
	code: string,
	number: number,
	actor: Actor
): Promise<void> {
	await db.transaction(async (tx) => {
		const projectId = await lockProject(tx, code);
		const draft = await openDraft(tx, projectId, code, number, ['draft']);
		await tx
			.delete(planVersions)
			.where(
				and(
					eq(planVersions.projectId, projectId),
					eq(planVersions.number, number),
					inArray(planVersions.status, ['draft'])
				)
			);
		await recordAudit(tx, actor, {
			action: 'plan.draft-discard',
			objectType: 'project',
			objectId: code,
			before: { version: number, funding: draft.definition.funding, note: draft.note }
		});
	});
}

/**
 * Adopts a draft (or submitted) version by the council's decision: the draft's plan under the new
 * decision goes through applyProjectDefinition, which refuses an earlier decision
 * (DecisionOrderError), records 'plan.amend', updates the project's rows and turns the draft row
 * itself into the adopted version.
 */
export async function adoptDraft(
	db: Database,
	code: string,
	number: number,
	decision: Pick<Decision, 'date' | 'number' | 'annex'>,
	actor: Actor
): Promise<ApplyResult> {
	const versions = await db
		.select()
		.from(planVersions)
		.innerJoin(projects, eq(projects.id, planVersions.projectId))
		.where(and(eq(projects.code, code), eq(planVersions.number, number)));
	const draft = versions[0] ? versionFromRow(versions[0].plan_versions) : null;
	if (!draft) throw new DraftStateError(code, number, 'not-found');
	if (draft.status === 'adopted') throw new DraftStateError(code, number, 'not-editable');
	const definition: ProjectDefinition = {
		...draft.definition,
		decision: { ...draft.definition.decision, ...decision }
	};
	return applyProjectDefinition(db, definition, {
		actor,
		fromDraft: number,
		note: draft.note ?? undefined
	});
}
