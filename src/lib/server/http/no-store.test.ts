import type { RequestEvent } from '@sveltejs/kit';
import { describe, expect, it } from 'vitest';
import { mayBeStored, noStore } from './no-store';

const viewer = { id: 'u1', email: 'a@example.org', name: 'A', role: 'council' as const };

async function answer(routeId: string | null, user: typeof viewer | null, path = '/') {
	const event = {
		locals: { user },
		route: { id: routeId },
		request: new Request(`http://localhost${path}`),
		url: new URL(`http://localhost${path}`)
	} as unknown as RequestEvent;
	const response = await noStore({
		event,
		resolve: () => Promise.resolve(new Response('<p>page</p>', { status: 200 }))
	});
	return response.headers.get('cache-control');
}

describe('no-store for private pages', () => {
	it('sends every answer to a signed-in person with no-store, public pages too', async () => {
		expect(await answer('/projects/[code]', viewer, '/projects/SOLID')).toBe('no-store');
		expect(await answer('/login', viewer, '/login')).toBe('no-store');
		expect(await answer(null, viewer, '/nowhere')).toBe('no-store');
	});

	it('sends a page that needs a session with no-store even to nobody signed in', async () => {
		expect(await answer('/projects', null, '/projects')).toBe('no-store');
		expect(await answer('/audit', null, '/audit')).toBe('no-store');
	});

	it('leaves public pages for nobody signed in as they are', async () => {
		expect(await answer('/login', null, '/login')).toBeNull();
		expect(await answer(null, null, '/nowhere')).toBeNull();
		expect(mayBeStored(false, '/reset', 'GET')).toBe(true);
		expect(mayBeStored(false, '/projects/[code]/expenses/csv', 'GET')).toBe(false);
		expect(mayBeStored(false, '/projects/[code]/trips/csv', 'GET')).toBe(false);
	});
});
