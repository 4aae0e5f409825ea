/**
 * Server hooks, in order: the stages' timing (when asked for); the language; the database, sign-in and the signed-in user; no browser
 * caching of private pages; a same-origin check on every request that changes something
 * (SvelteKit's own covers forms, this covers JSON too); the access rules of the route (a refused
 * page is shown in the app's frame); the reader's kept copy of a council page, while its data
 * are unchanged; the route's body size limit; and the security headers.
 */
import { isRole } from '$lib/domain/access';
import type { Locale } from '$lib/domain/locale';
import { m } from '$lib/paraglide/messages.js';
import { paraglideMiddleware } from '$lib/paraglide/server.js';
import { bodyLimitFor, decide, ruleFor } from '$lib/server/access/authorize';
import { forbiddenPage, isPageView } from '$lib/server/access/forbidden-page';
import { memberOfProject } from '$lib/server/access/project-access';
import { formatBytes } from '$lib/i18n/import-messages';
import { appContext } from '$lib/server/app-context';
import type { Auth } from '$lib/server/auth/create-auth';
import { fastViewer, type SessionViewer } from '$lib/server/auth/session-viewer';
import { ENDED_COOKIE, endedByDisabling } from '$lib/server/people/ended-sessions';
import { BodyTooLargeError, limitBody } from '$lib/server/http/limit-body';
import { noStore } from '$lib/server/http/no-store';
import { pageCache } from '$lib/server/http/page-cache';
import { RequestTiming, runTimed, serverTimingOn } from '$lib/server/timing/request-timing';
import {
	error,
	redirect,
	type Handle,
	type HandleServerError,
	type RequestEvent,
	type ServerInit
} from '@sveltejs/kit';
import { sequence } from '@sveltejs/kit/hooks';

export const init: ServerInit = async () => {
	await appContext();
};

const TIMING = serverTimingOn();

/** Answers each request with the time its stages took (see timing/request-timing.ts). */
const timing: Handle = async ({ event, resolve }) => {
	if (!TIMING) return resolve(event);
	const timed = new RequestTiming();
	event.locals.timing = timed;
	const response = await runTimed(timed, () => resolve(event));
	response.headers.set('Server-Timing', timed.header());
	return response;
};

/** One stage of the request, timed when the request is. */
function stage<T>(
	event: RequestEvent,
	name: 'session' | 'access',
	work: () => T | Promise<T>
): T | Promise<T> {
	return event.locals.timing ? event.locals.timing.measure(name, work) : work();
}

const language: Handle = ({ event, resolve }) =>
	paraglideMiddleware(event.request, ({ request, locale }) => {
		event.request = request;
		event.locals.locale = locale as Locale;
		return resolve(event, {
			transformPageChunk: ({ html }) => html.replace('%paraglide.lang%', locale)
		});
	});

const context: Handle = async ({ event, resolve }) => {
	const { handle, auth } = await appContext();
	event.locals.db = handle.db;
	event.locals.auth = auth;
	const viewer = await stage(event, 'session', () => signedInViewer(event, auth));
	event.locals.user = viewer && { ...viewer.user, memberOf: viewer.memberOf };
	event.locals.sessionEnded =
		!viewer &&
		(await stage(event, 'session', () =>
			endedByDisabling(handle.db, event.request.headers.get('cookie'))
		));
	return resolve(event);
};

/**
 * Who is signed in: read with their projects in one query (auth/session-viewer.ts), or by
 * better-auth where a session needs it to decide (missing, expired, due to be extended).
 */
async function signedInViewer(event: RequestEvent, auth: Auth): Promise<SessionViewer | null> {
	// Only a project's page asks whether its reader is a member: its address names the project.
	const withProjects = event.params.code !== undefined;
	const fast = await fastViewer(auth, event.locals.db, (name) => event.cookies.get(name), {
		withProjects
	});
	if (fast !== 'handOver') return fast;
	const session = await auth.api.getSession({ headers: event.request.headers });
	const user = session?.user as
		{ id: string; email: string; name: string; role: unknown; disabled?: unknown } | undefined;
	// Disabling ends the account's sessions; the flag is checked too, in case one raced it.
	if (!user || !isRole(user.role) || user.disabled === true) return null;
	return { user: { id: user.id, email: user.email, name: user.name, role: user.role } };
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

const sameOrigin: Handle = ({ event, resolve }) => {
	if (!SAFE_METHODS.has(event.request.method)) {
		if (event.request.headers.get('origin') !== event.url.origin) error(403, m.access_cross_site());
	}
	return resolve(event);
};

const access: Handle = async ({ event, resolve }) => {
	const routeId = event.route.id;
	if (routeId === null) return resolve(event); // no such page: SvelteKit answers 404
	const viewer = event.locals.user;
	const rule = ruleFor(routeId, event.request.method, event.url.search);
	const decision = await stage(event, 'access', () =>
		decide(rule, viewer, () => memberOfProject(event.locals.db, viewer!, event.params.code ?? ''))
	);
	if (decision === 'allow')
		return event.locals.timing ? event.locals.timing.page(() => resolve(event)) : resolve(event);
	if (decision === 'sign-in') {
		if (event.locals.sessionEnded) {
			event.cookies.set(ENDED_COOKIE, 'disabled', { path: '/login', httpOnly: true, maxAge: 600 });
		}
		if (event.request.method === 'GET') {
			redirect(303, `/login?next=${encodeURIComponent(event.url.pathname + event.url.search)}`);
		}
		error(401, m.access_sign_in());
	}
	if (decision === 'no-rule') {
		console.error(`cofund: route ${routeId} has no access rule; refusing it`);
		error(500, m.access_no_rule());
	}
	if (isPageView(event)) return forbiddenPage(event);
	error(403, m.access_forbidden());
};

/**
 * Holds every request body to its route's limit, counted as it streams, whatever its framing
 * (Content-Length or chunked), signed in or not; adapter-node's single global limit is off.
 */
const bodyLimit: Handle = async ({ event, resolve }) => {
	if (!event.route.id || SAFE_METHODS.has(event.request.method)) return resolve(event);
	const limit = bodyLimitFor(event.route.id);
	const limited = limitBody(event.request, limit);
	const refuse = () => {
		const message = m.access_body_too_large({ limit: formatBytes(limit, event.locals.locale) });
		// As SvelteKit's own errors: JSON `{ message }` for scripts, text for a browser's page.
		const page = event.request.headers.get('accept')?.includes('text/html');
		return new Response(page ? message : JSON.stringify({ message }), {
			status: 413,
			headers: { 'content-type': page ? 'text/plain; charset=utf-8' : 'application/json' }
		});
	};
	if (limited.exceeded()) return refuse();
	event.request = limited.request;
	const response = await resolve(event);
	return limited.exceeded() ? refuse() : response;
};

const securityHeaders: Handle = async ({ event, resolve }) => {
	const response = await resolve(event);
	response.headers.set('X-Content-Type-Options', 'nosniff');
	response.headers.set('Referrer-Policy', 'same-origin');
	// Only the document preview may be framed, and only by cofund's own page.
	if (!response.headers.has('X-Frame-Options')) response.headers.set('X-Frame-Options', 'DENY');
	response.headers.set('Cross-Origin-Opener-Policy', 'same-origin');
	response.headers.set('Permissions-Policy', 'camera=(), microphone=(), geolocation=()');
	return response;
};

export const handle = sequence(
	timing,
	language,
	context,
	noStore,
	sameOrigin,
	access,
	pageCache,
	bodyLimit,
	securityHeaders
);

/** A body cut off at its limit is answered with 413 by `bodyLimit`; it is no fault to log. */
export const handleError: HandleServerError = ({ error: thrown, message }) => {
	if (!(thrown instanceof BodyTooLargeError)) console.error(thrown);
	return { message };
};
