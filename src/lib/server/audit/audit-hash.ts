/**
 * The links that chain audit events, over the RFC 8785 canonical JSON of the event and the link
 * before it (canonical because jsonb does not keep key order). Events are signed with
 * HMAC-SHA-256 under the audit key; plain SHA-256 links are only those written before the key
 * existed, which the first keyed event seals (see seal-legacy-chain.ts).
 */
import canonicalize from 'canonicalize';
import { createHash, createHmac } from 'node:crypto';

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

function canonicalText(prevHash: string, event: HashedFields, extra: object = {}): string {
	return (
		canonicalize({
			prevHash,
			...extra,
			...event,
			before: event.before ?? null,
			after: event.after ?? null
		}) ?? ''
	);
}

/** The public link of events written before the chain was keyed. Anyone can compute it. */
export function auditHash(prevHash: string, event: HashedFields): string {
	return createHash('sha256').update(canonicalText(prevHash, event)).digest('hex');
}

/** The keyed link: without the secret, no one can make one that verifies. Covers the position too. */
export function auditMac(
	secret: Buffer,
	prevHash: string,
	seq: number,
	event: HashedFields
): string {
	return createHmac('sha256', secret)
		.update(canonicalText(prevHash, event, { seq }))
		.digest('hex');
}
