/**
 * The signed-in viewer of a request, with the projects they are a member of, in one query.
 *
 * better-auth's `getSession` reads the session and then its user through its adapter, and the
 * access check read the membership in a third query: three round trips on every page. Here the
 * session cookie is checked against its signature as better-auth signs it (HMAC-SHA-256 of the
 * token with the instance's secret), and the session, its user and the user's project codes are
 * read together. Only a session that needs nothing written takes this path: one that is missing,
 * expired or due to be extended is handed to better-auth, which deletes or refreshes it as before,
 * so the rules of a session stay better-auth's. Nothing is kept between requests, so a session
 * ended or an account disabled is refused on its very next request (better-auth's cookie cache
 * would keep serving it until the cached copy ran out).
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { isRole } from '$lib/domain/access';
import { queryRows, type Queryable } from '../db';
import type { Auth } from './create-auth';
import type { AppUser } from './users';

export interface SessionViewer {
	user: AppUser;
	/** The codes of the projects the user is a member of, when they were read with the session. */
	memberOf?: ReadonlySet<string>;
}

/** What `getSession` answered, or `handOver` when better-auth itself must look. */
export type FastLookup = SessionViewer | null | 'handOver';

interface SessionKeys {
	tokenCookie: string;
	dontRememberCookie: string;
	secret: string;
	expiresInMs: number;
	updateAgeMs: number;
}

const keysOf = new WeakMap<Auth, Promise<SessionKeys>>();

async function sessionKeys(auth: Auth): Promise<SessionKeys> {
	const ctx = await auth.$context;
	return {
		tokenCookie: ctx.authCookies.sessionToken.name,
		dontRememberCookie: ctx.authCookies.dontRememberToken.name,
		secret: ctx.secret,
		expiresInMs: ctx.sessionConfig.expiresIn * 1000,
		updateAgeMs: ctx.sessionConfig.updateAge * 1000
	};
}

/**
 * The token a signed cookie value carries, if its signature is the instance's; else null. The
 * HMAC is worked out at once (node:crypto) rather than by Web Crypto, whose every call is a trip
 * to the thread pool and back: on a busy instance that trip is longer than the whole check.
 */
export function verifiedToken(value: string, secret: string): string | null {
	const dot = value.lastIndexOf('.');
	if (dot < 1) return null;
	const token = value.slice(0, dot);
	const signature = value.slice(dot + 1);
	// As better-call reads it: a base64 SHA-256 HMAC is 44 characters with one '=' of padding.
	if (signature.length !== 44 || !signature.endsWith('=')) return null;
	const expected = createHmac('sha256', secret).update(token).digest();
	const given = Buffer.from(signature, 'base64');
	return given.length === expected.length && timingSafeEqual(given, expected) ? token : null;
}

interface SessionRow extends Record<string, unknown> {
	expires_at: string | Date;
	id: string;
	email: string;
	name: string;
	role: string;
	disabled: boolean;
	/** Comma-separated: a project code is capitals, digits, '_' and '-' (definition.ts). */
	projects: string | null;
}

/** The session with this token, its user and, if asked, the user's project codes; or null. */
async function readSession(
	db: Queryable,
	token: string,
	withProjects: boolean
): Promise<SessionRow | null> {
	const projects = withProjects
		? sql`(select string_agg(p.code, ',') from project_members m join projects p
				on p.id = m.project_id where m.user_id = u.id)`
		: sql`null`;
	const [row] = await queryRows<SessionRow>(
		db,
		sql`
		select s.expires_at, u.id, u.email, u.name, u.role, u.disabled, ${projects} as projects
		from sessions s join users u on u.id = s.user_id
		where s.token = ${token}`
	);
	return row ?? null;
}

/**
 * The request's viewer, read in one query; `handOver` when there is a session cookie but
 * better-auth must decide (no such session, expired, due to be extended, or a bad signature,
 * which better-auth answers as no session); null without a session cookie at all. Their
 * projects are read too when `withProjects` (a project's page, whose access rule needs them).
 */
export async function fastViewer(
	auth: Auth,
	db: Queryable,
	cookie: (name: string) => string | undefined,
	{ withProjects = true, now = Date.now() }: { withProjects?: boolean; now?: number } = {}
): Promise<FastLookup> {
	let keys = keysOf.get(auth);
	if (!keys) keysOf.set(auth, (keys = sessionKeys(auth)));
	const { tokenCookie, dontRememberCookie, secret, expiresInMs, updateAgeMs } = await keys;
	const value = cookie(tokenCookie);
	if (!value) return null;
	const token = verifiedToken(value, secret);
	if (!token) return 'handOver';
	const row = await readSession(db, token, withProjects);
	if (!row) return 'handOver';
	const expiresAt = new Date(row.expires_at).getTime();
	if (!(expiresAt > now)) return 'handOver';
	// better-auth extends a session once `updateAge` has passed since it was last extended, unless
	// the viewer chose not to be remembered: that write is better-auth's to make.
	const dueForRefresh = expiresAt - expiresInMs + updateAgeMs <= now;
	if (dueForRefresh && !cookie(dontRememberCookie)) return 'handOver';
	// Disabling ends the account's sessions; the flag is checked too, in case one raced it.
	if (!isRole(row.role) || row.disabled) return 'handOver';
	const user = { id: row.id, email: row.email, name: row.name, role: row.role };
	if (!withProjects) return { user };
	return { user, memberOf: new Set(row.projects ? row.projects.split(',') : []) };
}
