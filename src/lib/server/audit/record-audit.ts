/**
 * Appends events to the audit log, inside the caller's transaction, one writer at a time, each
 * signed with the audit key (HMAC-SHA-256) over the event, its place and the link before it.
 */
import { sql } from 'drizzle-orm';
import { SYSTEM_EMAIL } from '$lib/domain/author';
import type { Transaction } from '../db';
import { auditEvents } from '../db/schema';
import { currentHead, auditWriterOf } from './audit-context';
import { auditMac } from './audit-hash';

/**
 * Who did it. The CLI and the web app always name a user; set-up steps name `system`, which is
 * hashed into the chain as it is and only shown in the reader's words (src/lib/i18n/author-names.ts).
 */
export interface Actor {
	id: string | null;
	email: string;
}

export const SYSTEM_ACTOR: Actor = { id: null, email: SYSTEM_EMAIL };

export interface AuditInput {
	action: string;
	objectType: string;
	objectId: string;
	before?: unknown;
	after?: unknown;
}

/** JSON's view of a value, which is what jsonb will give back and so what must be hashed. */
const asJson = (value: unknown) => (value === undefined ? null : JSON.parse(JSON.stringify(value)));

export async function recordAudit(tx: Transaction, actor: Actor, input: AuditInput): Promise<void> {
	const { key } = auditWriterOf(tx);
	// One chain for all instances: writers queue on this lock until their transaction ends.
	await tx.execute(sql`select pg_advisory_xact_lock(hashtext('cofund audit chain'))`);
	const head = await currentHead(tx);
	const prevHash = head.hash;
	const seq = head.events + 1;
	const at = new Date();
	const fields = {
		at: at.toISOString(),
		actorId: actor.id,
		actorEmail: actor.email,
		action: input.action,
		objectType: input.objectType,
		objectId: input.objectId,
		before: asJson(input.before),
		after: asJson(input.after)
	};
	await tx.insert(auditEvents).values({
		...fields,
		at,
		seq,
		prevHash,
		hash: auditMac(key.secret, prevHash, seq, fields)
	});
}
