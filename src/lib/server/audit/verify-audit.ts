/**
 * Re-checks the whole audit chain and names the first event that does not fit it: every link
 * must be the keyed HMAC (plain SHA-256 only for events written before the key, sealed by the
 * first keyed event), and the chain must still reach the head anchored outside the database.
 */
import { asc, gt } from 'drizzle-orm';
import type { Queryable } from '../db';
import { auditEvents } from '../db/schema';
import { auditSetupOf } from './audit-context';
import { readAnchor, type AnchorFile } from './audit-anchor';
import { auditHash, auditMac, GENESIS_HASH } from './audit-hash';
import { SEAL_ACTION, sealCovers } from './seal-legacy-chain';

export interface BrokenEvent {
	id: number;
	at: string;
	action: string;
	actorEmail: string;
	/**
	 * `altered`: the event is not what was written (or was not signed with the audit key);
	 * `unlinked`: an event before it is missing or altered; `anchor`: it is not the event
	 * anchored outside the database at its place, so the chain was rewritten from there.
	 */
	problem: 'altered' | 'unlinked' | 'anchor';
}

export type AuditVerification =
	| { intact: true; events: number; lastHash: string; anchored: number | null }
	| { intact: false; events: number; broken: BrokenEvent }
	/** Fewer events than the anchor file says there were: the newest ones were deleted. */
	| { intact: false; events: number; missing: { expected: number; found: number } }
	/** The anchor was written under another key: COFUND_AUDIT_KEY or the key file is not the one in use. */
	| { intact: false; events: number; wrongKey: { anchored: string; current: string } };

const BATCH = 1000;

type Row = typeof auditEvents.$inferSelect;

const located = (row: Row, problem: BrokenEvent['problem']): BrokenEvent => ({
	id: row.id,
	at: row.at.toISOString(),
	action: row.action,
	actorEmail: row.actorEmail,
	problem
});

export async function verifyAuditChain(db: Queryable): Promise<AuditVerification> {
	const { key, anchorPath } = auditSetupOf(db);
	const anchor: AnchorFile | null = anchorPath ? await readAnchor(anchorPath) : null;
	if (anchor && anchor.furthest.key !== key.id) {
		return {
			intact: false,
			events: 0,
			wrongKey: { anchored: anchor.furthest.key, current: key.id }
		};
	}
	let expectedPrev = GENESIS_HASH;
	let afterId = 0;
	let events = 0;
	let keyed = false;
	let first: Row | undefined;
	let unanchored: AuditVerification | undefined;
	for (;;) {
		const rows = await db
			.select()
			.from(auditEvents)
			.where(gt(auditEvents.id, afterId))
			.orderBy(asc(auditEvents.id))
			.limit(BATCH);
		for (const row of rows) {
			events++;
			first ??= row;
			if (row.prevHash !== expectedPrev) return broken(events, row, 'unlinked');
			const { id: _id, seq, prevHash, hash, ...rest } = row;
			const fields = { ...rest, at: row.at.toISOString() };
			if (seq === events && auditMac(key.secret, prevHash, seq, fields) === hash) {
				// The first keyed event after unkeyed ones must be the seal that vouches for them.
				if (!keyed && events > 1 && !(row.action === SEAL_ACTION && sealCovers(row.after, events)))
					return broken(events, row, 'altered');
				keyed = true;
			} else if (keyed || auditHash(prevHash, fields) !== hash) {
				return broken(events, row, 'altered');
			}
			const anchoredHash = anchor?.heads.get(events);
			if (anchoredHash !== undefined && hash !== anchoredHash) {
				unanchored ??= broken(events, row, 'anchor');
				// Unkeyed so far: an unsigned start is the plainer finding, said first if no seal follows.
				if (keyed) return unanchored;
			}
			expectedPrev = hash;
			afterId = row.id;
		}
		if (rows.length < BATCH) break;
	}
	// Unkeyed events that no keyed event seals were re-chained with the public hash.
	if (!keyed && first) return broken(1, first, 'altered');
	if (unanchored) return unanchored;
	const anchored = anchor?.furthest.events ?? null;
	if (anchored !== null && anchored > events) {
		return { intact: false, events, missing: { expected: anchored, found: events } };
	}
	return { intact: true, events, lastHash: expectedPrev, anchored };
}

function broken(events: number, row: Row, problem: BrokenEvent['problem']): AuditVerification {
	return { intact: false, events, broken: located(row, problem) };
}
