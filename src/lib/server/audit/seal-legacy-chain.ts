/**
 * Keys a chain that was begun before cofund had an audit key. Those events keep their plain
 * SHA-256 links (the table refuses updates, and the key must never be in the database to redo
 * them there); the first keyed event, `audit.keyed`, names how many there were and the last
 * one's link, so its HMAC vouches for them all, and nothing unkeyed may follow it. A chain is
 * sealed only while its anchor file is empty: once a keyed head has been anchored, an unkeyed
 * newest event means the chain was re-chained with the public hash, and sealing it would hide that.
 */
import { desc, sql } from 'drizzle-orm';
import type { Database } from '../db';
import { auditEvents } from '../db/schema';
import { hasAnchor } from './audit-anchor';
import { auditSetupOf, currentHead } from './audit-context';
import { recordAudit, SYSTEM_ACTOR } from './record-audit';
import { auditHash, auditMac } from './audit-hash';

export const SEAL_ACTION = 'audit.keyed';

/** Whether a seal found at `position` vouches for exactly the events before it. */
export function sealCovers(after: unknown, position: number): boolean {
	const seal = after as { legacyEvents?: unknown } | null;
	return seal?.legacyEvents === position - 1;
}

/**
 * `empty` and `keyed` need nothing; `sealed` wrote the seal; `unverifiable`: the newest event
 * fits neither the key nor the public hash, so the key is not the one the log was written with,
 * or the log was altered (cofund audit verify says which event).
 */
export type SealOutcome = 'empty' | 'keyed' | 'sealed' | 'unverifiable';

export async function sealLegacyChain(db: Database): Promise<SealOutcome> {
	const { key, anchorPath } = auditSetupOf(db);
	const anchored = anchorPath ? await hasAnchor(anchorPath) : false;
	return db.transaction(async (tx) => {
		await tx.execute(sql`select pg_advisory_xact_lock(hashtext('cofund audit chain'))`);
		const [last] = await tx.select().from(auditEvents).orderBy(desc(auditEvents.seq)).limit(1);
		if (!last) return 'empty';
		const { id: _id, seq, prevHash, hash, ...rest } = last;
		const fields = { ...rest, at: last.at.toISOString() };
		if (auditMac(key.secret, prevHash, seq, fields) === hash) return 'keyed';
		if (anchored || auditHash(prevHash, fields) !== hash) return 'unverifiable';
		const head = await currentHead(tx);
		await recordAudit(tx, SYSTEM_ACTOR, {
			action: SEAL_ACTION,
			objectType: 'audit',
			objectId: 'chain',
			after: { legacyEvents: head.events, legacyHead: head.hash, key: key.id }
		});
		return 'sealed';
	});
}
