/**
 * Keeps private pages out of the browser's caches: every answer to a signed-in request, and every
 * route that needs a session, goes out with `Cache-Control: no-store`, so that Back after signing
 * out asks the server again (and is sent to sign in) instead of showing the page from memory.
 */
import type { Handle } from '@sveltejs/kit';
import { ruleFor } from '../access/authorize';

/** Only a public page (or no page at all) asked for by nobody signed in may be kept. */
export function mayBeStored(
	signedIn: boolean,
	routeId: string | null,
	method: string,
	search = ''
) {
	if (signedIn) return false;
	if (routeId === null) return true;
	return ruleFor(routeId, method, search) === 'public';
}

export const noStore: Handle = async ({ event, resolve }) => {
	const response = await resolve(event);
	if (!mayBeStored(!!event.locals.user, event.route.id, event.request.method, event.url.search)) {
		response.headers.set('Cache-Control', 'no-store');
	}
	return response;
};
