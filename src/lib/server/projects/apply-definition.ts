/**
 * Creates or updates a project from its definition, in one transaction. Applying the same
 * definition twice changes nothing (not even the version), so `cofund project apply` is safe to
 * repeat. Events keep their identity by number, since imported rows will point at them.
 *
 * Nothing is overwritten without a trace: every plan is also kept as a plan version. A definition
 * naming another decision than the one in force records an amendment by it; one naming the same
 * decision records a correction of that decision's record. The project's own rows always hold the
 * latest adopted plan, which is what the editor and the plan's figures read.
 */
import type { ProjectDefinition } from '$lib/domain/project/definition';
import { and, eq, notInArray, sql } from 'drizzle-orm';
import { isDeepStrictEqual } from 'node:util';
import { recordAudit, type Actor } from '../audit/record-audit';
import type { Database, Transaction } from '../db';
import { mobilityEvents, partners, projects, yearPlans } from '../db/schema';
import { eventRows, partnerRows, projectValues, yearRows } from './definition-rows';
import { loadProject } from './load-definition';
import { changeKind, latestAdopted, type Decision } from '$lib/domain/plan/plan-versions';
import { adoptDraftVersion, insertPlanVersion, listPlanVersions } from '../plans/plan-versions';

export type ApplyStatus = 'created' | 'updated' | 'amended' | 'unchanged';

export interface ApplyResult {
	status: ApplyStatus;
	code: string;
	version: number;
}

/** The project was saved by someone else after the editor loaded it. */
export class VersionConflictError extends Error {
	constructor(
		readonly code: string,
		readonly expected: number,
		readonly actual: number
	) {
		super(`Project ${code} is at version ${actual}, not ${expected}`);
		this.name = 'VersionConflictError';
	}
}

/** A new project was asked for, but the code is already in use. */
export class CodeTakenError extends Error {
	constructor(readonly code: string) {
		super(`Project ${code} already exists`);
		this.name = 'CodeTakenError';
	}
}

/** A definition names a decision dated before the one in force: it cannot amend what followed. */
export class DecisionOrderError extends Error {
	constructor(
		readonly code: string,
		readonly inForce: Decision,
		readonly next: Decision
	) {
		super(
			`Project ${code}: decision ${next.number} of ${next.date} is dated before decision ${inForce.number} of ${inForce.date}, which is in force`
		);
		this.name = 'DecisionOrderError';
	}
}

/** An amendment was asked for, but the definition names the decision in force (a correction). */
export class NotAnAmendmentError extends Error {
	constructor(
		readonly code: string,
		readonly inForce: Decision
	) {
		super(
			`Project ${code}: decision ${inForce.number} of ${inForce.date} is in force; an amendment needs another decision`
		);
		this.name = 'NotAnAmendmentError';
	}
}

export interface ApplyOptions {
	/** Who applies it; written to the audit log with the definition before and after. */
	actor: Actor;
	/** Refuse to touch an existing project: the editor's "new project" must not overwrite one. */
	createOnly?: boolean;
	/** The version the editor started from; a different stored version is a conflict. */
	expectedVersion?: number;
	/** Why, kept with the plan version it records (e.g. an amendment's reason). */
	note?: string;
	/**
	 * The number of the draft (or submitted) version this definition adopts: the draft row itself
	 * becomes the adopted amendment, so the version keeps the number its decision was drafted as.
	 */
	fromDraft?: number;
	/**
	 * Record an amendment or nothing (`cofund plan amend`): decided under the row lock, so that a
	 * decision recorded meanwhile by someone else cannot turn it into a correction.
	 */
	amendmentOnly?: boolean;
}

/** The draft to adopt is not (or no longer) a draft, or its decision is not a new one. */
export class DraftAdoptionError extends Error {
	constructor(
		readonly code: string,
		readonly draft: number,
		readonly reason: 'not-a-draft' | 'not-an-amendment'
	) {
		super(`Project ${code}: plan version ${draft} cannot be adopted (${reason})`);
		this.name = 'DraftAdoptionError';
	}
}

/** Undefined optional fields and `$schema` carry no meaning, so they never count as a change. */
function canonical(definition: ProjectDefinition): ProjectDefinition {
	const { $schema: _schema, ...rest } = definition;
	return JSON.parse(JSON.stringify(rest));
}

async function writeChildren(tx: Transaction, projectId: number, d: ProjectDefinition) {
	await tx.delete(partners).where(eq(partners.projectId, projectId));
	await tx.insert(partners).values(partnerRows(d).map((row) => ({ ...row, projectId })));

	await tx.delete(yearPlans).where(eq(yearPlans.projectId, projectId));
	const years = yearRows(d);
	if (years.length) await tx.insert(yearPlans).values(years.map((row) => ({ ...row, projectId })));

	const events = eventRows(d);
	const numbers = events.map((e) => e.number);
	await tx
		.delete(mobilityEvents)
		.where(
			numbers.length
				? and(eq(mobilityEvents.projectId, projectId), notInArray(mobilityEvents.number, numbers))
				: eq(mobilityEvents.projectId, projectId)
		);
	for (const event of events) {
		await tx
			.insert(mobilityEvents)
			.values({ ...event, projectId })
			.onConflictDoUpdate({
				target: [mobilityEvents.projectId, mobilityEvents.number],
				set: event
			});
	}
}

export async function applyProjectDefinition(
	db: Database,
	input: ProjectDefinition,
	options: ApplyOptions
): Promise<ApplyResult> {
	const definition = canonical(input);
	const values = projectValues(definition);
	return db.transaction(async (tx) => {
		const [created] = await tx
			.insert(projects)
			.values(values)
			.onConflictDoNothing({ target: projects.code })
			.returning({ id: projects.id });
		if (created && options.fromDraft !== undefined) {
			throw new DraftAdoptionError(definition.code, options.fromDraft, 'not-a-draft');
		}
		if (created) {
			await writeChildren(tx, created.id, definition);
			await insertPlanVersion(tx, created.id, {
				status: 'adopted',
				kind: 'adoption',
				definition,
				note: options.note,
				by: options.actor.email
			});
			await recordAudit(tx, options.actor, {
				action: 'project.create',
				objectType: 'project',
				objectId: definition.code,
				after: definition
			});
			return { status: 'created', code: definition.code, version: 1 };
		}

		if (options.createOnly) throw new CodeTakenError(definition.code);

		// Lock the row, so that two saves of one project take turns.
		const [locked] = await tx
			.select({ id: projects.id, version: projects.version })
			.from(projects)
			.where(eq(projects.code, definition.code))
			.for('update');
		if (!locked) throw new Error(`Project ${definition.code} vanished during apply`);
		if (options.expectedVersion !== undefined && options.expectedVersion !== locked.version) {
			throw new VersionConflictError(definition.code, options.expectedVersion, locked.version);
		}
		const stored = await loadProject(tx, definition.code);
		const inForce = latestAdopted(await listPlanVersions(tx, locked.id));
		const previous = inForce?.decision ?? stored?.definition.decision ?? definition.decision;
		const change = changeKind(previous, definition.decision);
		if (change.kind === 'out-of-order')
			throw new DecisionOrderError(definition.code, previous, definition.decision);
		if (options.amendmentOnly && change.kind === 'correction')
			throw new NotAnAmendmentError(definition.code, previous);
		if (stored && isDeepStrictEqual(canonical(stored.definition), definition)) {
			return { status: 'unchanged', code: definition.code, version: locked.version };
		}
		const version = {
			status: 'adopted',
			kind: change.kind,
			definition,
			basedOn: inForce?.number ?? null,
			note: options.note,
			by: options.actor.email
		} as const;
		if (options.fromDraft === undefined) await insertPlanVersion(tx, locked.id, version);
		else {
			// A draft is adopted only by a decision of its own, never as a correction of another's.
			if (change.kind !== 'amendment')
				throw new DraftAdoptionError(definition.code, options.fromDraft, 'not-an-amendment');
			if (!(await adoptDraftVersion(tx, locked.id, options.fromDraft, version)))
				throw new DraftAdoptionError(definition.code, options.fromDraft, 'not-a-draft');
		}
		const [updated] = await tx
			.update(projects)
			.set({ ...values, version: sql`${projects.version} + 1`, updatedAt: sql`now()` })
			.where(eq(projects.id, locked.id))
			.returning({ version: projects.version });
		await writeChildren(tx, locked.id, definition);
		await recordAudit(tx, options.actor, {
			action: change.kind === 'amendment' ? 'plan.amend' : 'project.update',
			objectType: 'project',
			objectId: definition.code,
			before: stored ? canonical(stored.definition) : null,
			after: definition
		});
		return {
			status: change.kind === 'amendment' ? 'amended' : 'updated',
			code: definition.code,
			version: updated!.version
		};
	});
}
