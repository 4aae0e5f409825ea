/**
 * Remembers, for a session's remaining life, that it was ended because its account was disabled,
 * so the sign-in page can tell the person why they are there. Only the SHA-256 of each token is
 * kept, and only someone holding the ended cookie can ask.
 */
import { and, eq, gt, like, lt } from 'drizzle-orm';
import { createHash, randomUUID } from 'node:crypto';
import type { Database, Transaction } from '../db';
import { verifications } from '../db/schema';
import { SESSION_HOURS } from '../auth/create-auth';

const PREFIX = 'cofund-ended:';

/**
 * Carries the reason across the redirect to the sign-in page: better-auth clears the dead
 * session's cookie on that very response, so the sign-in page could not look it up itself.
 */
export const ENDED_COOKIE = 'cofund.ended';
const identifierOf = (token: string) => PREFIX + createHash('sha256').update(token).digest('hex');

export async function markSessionsEnded(tx: Transaction, tokens: string[]): Promise<void> {
	if (tokens.length === 0) return;
	const expiresAt = new Date(Date.now() + SESSION_HOURS * 60 * 60 * 1000);
	// Markers of sessions long gone are dropped here rather than by a separate clean-up.
	await tx
		.delete(verifications)
		.where(
			and(like(verifications.identifier, `${PREFIX}%`), lt(verifications.expiresAt, new Date()))
		);
	await tx.insert(verifications).values(
		tokens.map((token) => ({
			id: randomUUID(),
			identifier: identifierOf(token),
			value: 'disabled',
			expiresAt
		}))
	);
}

/** The session token in a request's cookies (better-auth's signed `token.signature`), if any. */
export function sessionToken(cookieHeader: string | null): string | null {
	if (!cookieHeader) return null;
	for (const part of cookieHeader.split(';')) {
		const [name, ...value] = part.trim().split('=');
		if (name === 'cofund.session_token' || name === '__Secure-cofund.session_token') {
			const signed = decodeURIComponent(value.join('='));
			const token = signed.split('.')[0];
			return token || null;
		}
	}
	return null;
}

/** Whether the request's session cookie belongs to a session ended by disabling its account. */
export async function endedByDisabling(
	db: Database,
	cookieHeader: string | null
): Promise<boolean> {
	const token = sessionToken(cookieHeader);
	if (!token) return false;
	const [row] = await db
		.select({ id: verifications.id })
		.from(verifications)
		.where(
			and(
				eq(verifications.identifier, identifierOf(token)),
				gt(verifications.expiresAt, new Date())
			)
		);
	return !!row;
}
