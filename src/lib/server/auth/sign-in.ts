/** Signs a user in with email and password: throttled, and audited whether it works or not. */
import type { Database } from '../db';
import { recordAudit, type Actor } from '../audit/record-audit';
import { isAPIError } from 'better-auth/api';
import { ACCOUNT_DISABLED, type Auth } from './create-auth';
import { claimSignInAttempt, recordSuccessfulSignIn } from './login-throttle';

export type SignInOutcome =
	| { ok: true }
	| { ok: false; problem: 'wrong' }
	/** The password was right but the account is disabled: said only to whoever knows it. */
	| { ok: false; problem: 'disabled' }
	| { ok: false; problem: 'throttled'; seconds: number };

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
	// The try is counted before the password is checked, so concurrent tries cannot race past.
	const claim = await claimSignInAttempt(db, email, request.address);
	if (!claim.allowed) return { ok: false, problem: 'throttled', seconds: claim.waitSeconds };
	let disabled = false;
	const result = await auth.api
		.signInEmail({ body: { email, password: request.password }, headers: request.headers })
		.catch((error: unknown) => {
			disabled = isAPIError(error) && error.body?.code === ACCOUNT_DISABLED;
			return null;
		});
	if (disabled) {
		await audit(db, { id: null, email }, 'auth.sign-in-failed', request.address, true);
		return { ok: false, problem: 'disabled' };
	}
	if (!result) {
		await audit(db, { id: null, email }, 'auth.sign-in-failed', request.address);
		return { ok: false, problem: 'wrong' };
	}
	await recordSuccessfulSignIn(db, email, request.address);
	await audit(db, { id: result.user.id, email }, 'auth.sign-in', request.address);
	return { ok: true };
}

function audit(db: Database, actor: Actor, action: string, address: string, disabled = false) {
	return db.transaction((tx) =>
		recordAudit(tx, actor, {
			action,
			objectType: 'user',
			objectId: actor.email,
			after: disabled ? { address, disabled } : { address }
		})
	);
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
