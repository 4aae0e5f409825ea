/** Re-checks the whole audit chain and names the first event that does not fit it. */
import { asc, gt } from 'drizzle-orm';
import type { Queryable } from '../db';
import { auditEvents } from '../db/schema';
import { auditHash, GENESIS_HASH } from './audit-hash';

export interface BrokenEvent {
	id: number;
	at: string;
	action: string;
	actorEmail: string;
	/** `altered`: the event is not what was written; `unlinked`: an event before it is missing or altered. */
	problem: 'altered' | 'unlinked';
}

export type AuditVerification =
	| { intact: true; events: number; lastHash: string }
	| { intact: false; events: number; broken: BrokenEvent };

const BATCH = 1000;

export async function verifyAuditChain(db: Queryable): Promise<AuditVerification> {
	let expectedPrev = GENESIS_HASH;
	let afterId = 0;
	let events = 0;
	for (;;) {
		const rows = await db
			.select()
			.from(auditEvents)
			.where(gt(auditEvents.id, afterId))
			.orderBy(asc(auditEvents.id))
			.limit(BATCH);
		for (const row of rows) {
			events++;
			const at = row.at.toISOString();
			const where = { id: row.id, at, action: row.action, actorEmail: row.actorEmail };
			if (row.prevHash !== expectedPrev) {
				return { intact: false, events, broken: { ...where, problem: 'unlinked' } };
			}
			const { id: _id, prevHash: _prev, hash, ...fields } = row;
			if (auditHash(row.prevHash, { ...fields, at }) !== hash) {
				return { intact: false, events, broken: { ...where, problem: 'altered' } };
			}
			expectedPrev = hash;
			afterId = row.id;
		}
		if (rows.length < BATCH) return { intact: true, events, lastHash: expectedPrev };
	}
}
