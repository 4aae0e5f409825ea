/**
 * The answer to a page view the access rules refuse: the app's own 403 page, with its header,
 * sign-out and language. An error thrown in a hook gets only SvelteKit's bare static page, so the
 * hook asks the app for /forbidden (whose load answers 403) with the viewer's own cookies instead.
 */
import type { RequestEvent } from '@sveltejs/kit';
import { ROUTE_RULES } from './route-rules';

export const FORBIDDEN_PATH = '/forbidden';

/** A browser opening a page: not a form post, an endpoint, or SvelteKit's data request. */
export function isPageView(event: Pick<RequestEvent, 'request' | 'route' | 'isDataRequest'>) {
	const { method, headers } = event.request;
	if (method !== 'GET' || event.isDataRequest) return false;
	const route = event.route.id ? ROUTE_RULES[event.route.id] : undefined;
	if (!route?.page || route.endpoints) return false;
	return (headers.get('accept') ?? '').includes('text/html');
}

export async function forbiddenPage(event: Pick<RequestEvent, 'request' | 'fetch'>) {
	const headers: Record<string, string> = { accept: 'text/html' };
	const language = event.request.headers.get('accept-language');
	if (language) headers['accept-language'] = language;
	const inner = await event.fetch(FORBIDDEN_PATH, { headers });
	return new Response(inner.body, { status: 403, headers: new Headers(inner.headers) });
}
