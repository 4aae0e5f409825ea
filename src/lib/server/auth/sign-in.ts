/** Signs a user in with email and password: throttled, and audited whether it works or not. */
import type { Database } from '../db';
import { recordAudit } from '../audit/record-audit';
import type { Auth } from './create-auth';
import { clearFailedSignIns, recordFailedSignIn, signInWait } from './login-throttle';

export type SignInOutcome =
	| { ok: true }
	| { ok: false; problem: 'wrong' }
	| { ok: false; problem: 'throttled'; minutes: number };

export interface SignInRequest {
	email: string;
	password: string;
	/** The client's address, for throttling and the audit log. */
	address: string;
	headers: Headers;
}

export async function signInWithPassword(
	auth: Auth,
	db: Database,
	request: SignInRequest
): Promise<SignInOutcome> {
	const email = request.email.trim().toLowerCase();
	const minutes = await signInWait(db, email, request.address);
	if (minutes > 0) return { ok: false, problem: 'throttled', minutes };
	try {
		const result = await auth.api.signInEmail({
			body: { email, password: request.password },
			headers: request.headers
		});
		await clearFailedSignIns(db, email);
		await db.transaction((tx) =>
			recordAudit(
				tx,
				{ id: result.user.id, email },
				{
					action: 'auth.sign-in',
					objectType: 'user',
					objectId: email,
					after: { address: request.address }
				}
			)
		);
		return { ok: true };
	} catch {
		await recordFailedSignIn(db, email, request.address);
		await db.transaction((tx) =>
			recordAudit(
				tx,
				{ id: null, email },
				{
					action: 'auth.sign-in-failed',
					objectType: 'user',
					objectId: email,
					after: { address: request.address }
				}
			)
		);
		return { ok: false, problem: 'wrong' };
	}
}

/**
 * Only a path on this site may be a place to return to after signing in. The WHATWG URL parser
 * decides, as the browser will: it reads `/\evil.example` and `/%09/evil.example` (a tab, which
 * it drops) as other hosts, which a test of the text's first characters let through.
 */
export function safeNext(next: string | null, origin: string): string {
	const fallback = '/projects';
	if (!next || !next.startsWith('/')) return fallback;
	let url: URL;
	try {
		url = new URL(next, origin);
	} catch {
		return fallback;
	}
	if (url.origin !== new URL(origin).origin) return fallback;
	return url.pathname + url.search + url.hash;
}
