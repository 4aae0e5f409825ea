/**
 * The hash that chains audit events: SHA-256 over the RFC 8785 canonical JSON of the event and
 * the hash before it. Canonical JSON matters because jsonb does not keep key order.
 */
import canonicalize from 'canonicalize';
import { createHash } from 'node:crypto';

export const GENESIS_HASH = '0'.repeat(64);

export interface HashedFields {
	at: string;
	actorId: string | null;
	actorEmail: string;
	action: string;
	objectType: string;
	objectId: string;
	before: unknown;
	after: unknown;
}

export function auditHash(prevHash: string, event: HashedFields): string {
	const text = canonicalize({
		prevHash,
		...event,
		before: event.before ?? null,
		after: event.after ?? null
	});
	return createHash('sha256')
		.update(text ?? '')
		.digest('hex');
}
