/**
 * Which audit events a reader may see: an admin every event; anyone else the events of the
 * projects they are a member of, and no event that belongs to no project (sign-ins, users,
 * templates, mapping profiles). The page, `cofund audit verify` and anything else that shows
 * events ask here.
 *
 * An event belongs to a project through its target, which every event already names, so
 * nothing is added to what the chain hashes: a `project` event's id is the project's code, an
 * `import` event's the import batch, a `document` event's the kept document, a `control_sample` event's the project's id and the sample's
 * number. None of these is ever deleted, so an event's project can always be found again. A
 * finding's event (`expense`) names its project in its payload.
 */
import { and, count, eq, sql, type SQL } from 'drizzle-orm';
import { canOnProject } from '$lib/domain/access';
import type { Viewer } from '../access/authorize';
import type { Queryable } from '../db';
import {
	auditEvents,
	controlSamples,
	documents,
	importBatches,
	projectMembers,
	projects
} from '../db/schema';
import { verifyAuditChain, type AuditVerification, type BrokenEvent } from './verify-audit';

/** The events of the projects `userId` is a member of. */
function eventsOfMemberProjects(userId: string): SQL {
	const mine = sql`select ${projectMembers.projectId} from ${projectMembers} where ${projectMembers.userId} = ${userId}`;
	const codes = sql`select ${projects.code} from ${projects} where ${projects.id} in (${mine})`;
	const target = (type: string, ids: SQL) =>
		sql`(${auditEvents.objectType} = ${type} and ${auditEvents.objectId} in (${ids}))`;
	return sql`(${sql.join(
		[
			target('project', codes),
			target(
				'import',
				sql`select ${importBatches.id}::text from ${importBatches} where ${importBatches.projectId} in (${mine})`
			),
			target(
				'document',
				sql`select ${documents.id}::text from ${documents} where ${documents.projectId} in (${mine})`
			),
			// A finding's event names its project in its payload: millions of expense ids are no list
			// to search, and the payload is hashed into the chain like the target.
			sql`(${auditEvents.objectType} = 'expense' and coalesce(${auditEvents.after}->>'project', ${auditEvents.before}->>'project') in (${codes}))`,
			target(
				'control_sample',
				sql`select ${controlSamples.projectId}::text || '/' || ${controlSamples.number}::text from ${controlSamples} where ${controlSamples.projectId} in (${mine})`
			)
		],
		sql` or `
	)})`;
}

/** The condition on `audit_events` for what the reader may see; none for an admin. */
export function auditScope(reader: Viewer): SQL | undefined {
	// Whoever may read a project's audit events without being its member reads them all.
	if (canOnProject(reader.role, 'audit:read', false)) return undefined;
	return eventsOfMemberProjects(reader.id);
}

export async function mayReadEvent(db: Queryable, reader: Viewer, id: number): Promise<boolean> {
	const [row] = await db
		.select({ n: count() })
		.from(auditEvents)
		.where(and(eq(auditEvents.id, id), auditScope(reader)));
	return (row?.n ?? 0) > 0;
}

/** A broken link named to a reader who may not read the event: its number, nothing of it. */
export interface HiddenBrokenEvent {
	id: number;
	problem: BrokenEvent['problem'];
	hidden: true;
}

export type DisclosedVerification =
	| Exclude<AuditVerification, { broken: BrokenEvent }>
	| { intact: false; events: number; broken: BrokenEvent | HiddenBrokenEvent };

/**
 * Re-checks the whole chain for a reader: anyone who may read the log learns whether it holds,
 * but the event where it breaks is described only if the reader may see that event.
 */
export async function verifyChainFor(
	db: Queryable,
	reader: Viewer
): Promise<DisclosedVerification> {
	const verification = await verifyAuditChain(db);
	if (!('broken' in verification) || (await mayReadEvent(db, reader, verification.broken.id)))
		return verification;
	const { id, problem } = verification.broken;
	return { ...verification, broken: { id, problem, hidden: true } };
}
