/**
 * Creates or updates a project from its definition, in one transaction. Applying the same
 * definition twice changes nothing (not even the version), so `cofund project apply` is safe to
 * repeat. Events keep their identity by number, since imported rows will point at them.
 */
import type { ProjectDefinition } from '$lib/domain/project/definition';
import { and, eq, notInArray, sql } from 'drizzle-orm';
import { isDeepStrictEqual } from 'node:util';
import { recordAudit, type Actor } from '../audit/record-audit';
import type { Database, Transaction } from '../db';
import { mobilityEvents, partners, projects, yearPlans } from '../db/schema';
import { eventRows, partnerRows, projectValues, yearRows } from './definition-rows';
import { loadProject } from './load-definition';

export type ApplyStatus = 'created' | 'updated' | 'unchanged';

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

export interface ApplyOptions {
	/** Who applies it; written to the audit log with the definition before and after. */
	actor: Actor;
	/** Refuse to touch an existing project: the editor's "new project" must not overwrite one. */
	createOnly?: boolean;
	/** The version the editor started from; a different stored version is a conflict. */
	expectedVersion?: number;
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
		if (created) {
			await writeChildren(tx, created.id, definition);
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
		if (stored && isDeepStrictEqual(canonical(stored.definition), definition)) {
			return { status: 'unchanged', code: definition.code, version: locked.version };
		}
		const [updated] = await tx
			.update(projects)
			.set({ ...values, version: sql`${projects.version} + 1`, updatedAt: sql`now()` })
			.where(eq(projects.id, locked.id))
			.returning({ version: projects.version });
		await writeChildren(tx, locked.id, definition);
		await recordAudit(tx, options.actor, {
			action: 'project.update',
			objectType: 'project',
			objectId: definition.code,
			before: stored ? canonical(stored.definition) : null,
			after: definition
		});
		return { status: 'updated', code: definition.code, version: updated!.version };
	});
}
