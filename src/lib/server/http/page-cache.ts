/**
 * Pages kept as rendered, for the reader they were rendered for, under the data versions they
 * were rendered from: the council's pages (portfolio, dashboard, expenses) are read by many at
 * once and change only with the data, so each reader's copy is rendered once per change.
 *
 * A page's key holds everything it is made of: the address as asked for (a `__data.json`
 * request with its invalidation list included), the language, the office's day, the reader
 * (id, name, email, role, their projects) and the stamp of its route, the data versions of the
 * projects the page reads (cache/figure-cache.ts). The stamp is read before the page is rendered,
 * so what a page shows is never older than the versions it is filed under, and a change committed
 * on any instance changes the stamp on the next request. Only routes listed in `STAMPS` are kept,
 * each because everything it shows is under its projects' versions; anything else renders anew.
 *
 * The browser still keeps nothing (`no-store`, see no-store.ts): this is the server's copy. The
 * page's start-up script is allowed by its hash (svelte.config.js), so a copy is the same bytes
 * every time, and is kept gzip'd too, compressed once, for the browsers that accept it: a
 * portfolio of 100 projects is 373 kB of HTML, 26 kB gzip'd.
 */
import { gzipSync } from 'node:zlib';
import type { Handle, RequestEvent } from '@sveltejs/kit';
import { officeToday } from '$lib/domain/format';
import { projectVersion } from '../cache/figure-cache';
import { visibleVersions } from '../projects/list-projects';

/** The parts of a route's key that come from the database; null when it must not be kept. */
type Stamp = (event: RequestEvent) => Promise<string[] | null>;

/** A project's page: its data version. */
const projectStamp: Stamp = async (event) => {
	const project = await projectVersion(event.locals.db, event.params.code ?? '');
	return project?.version === undefined ? null : [`${project.id}:${project.version}`];
};

/** The portfolio: the projects the reader sees, each at its version. */
const portfolioStamp: Stamp = async (event) => {
	const seen = await visibleVersions(event.locals.db, event.locals.user!);
	return seen === null ? null : [seen];
};

/** The routes kept, each read through (its load and its layouts') only what its stamp covers. */
export const STAMPS: Readonly<Record<string, Stamp>> = {
	'/projects/[code]/dashboard': projectStamp,
	'/projects/[code]/expenses': projectStamp,
	'/portfolio': portfolioStamp
};

interface Kept {
	status: number;
	headers: [string, string][];
	/** The body as sent, in bytes: answered again without being encoded again. */
	body: Uint8Array<ArrayBuffer>;
	/** The same, gzip'd. */
	gzipped: Uint8Array<ArrayBuffer>;
	bytes: number;
}

/** Most bytes of pages kept per instance; the least recently used go first. */
export const PAGE_CACHE_BYTES = 64 * 1024 * 1024;
const KEPT_TYPES = new Set(['text/html', 'application/json']);

export class PageCache {
	private readonly entries = new Map<string, Promise<Kept | null>>();
	/** The size of each page kept, once it is made. */
	private readonly sizes = new Map<string, number>();
	private bytes = 0;

	constructor(private readonly limit = PAGE_CACHE_BYTES) {}

	/**
	 * The kept page for `key`, or the one `render` makes, which is kept if it may be; readers
	 * asking for a page being rendered wait for it instead of rendering it again.
	 */
	async get(key: string, render: () => Promise<Response>, gzip = false): Promise<Response> {
		const held = this.entries.get(key);
		const found = held && (await held.catch(() => null));
		if (found) {
			if (this.entries.get(key) === held) {
				// Moved to the end: the least recently used page is the first in the map.
				this.entries.delete(key);
				this.entries.set(key, held!);
			}
			return served(found, gzip);
		}
		const rendering = render().then(async (response) => ({
			response,
			kept: await keepable(response)
		}));
		const kept = rendering.then((r) => r.kept);
		kept.catch(() => undefined); // a failed page is the renderer's to answer
		this.forget(key);
		this.entries.set(key, kept);
		const mine = () => this.entries.get(key) === kept;
		const result = await rendering.catch((thrown: unknown) => {
			if (mine()) this.forget(key);
			throw thrown;
		});
		if (!result.kept) {
			if (mine()) this.forget(key);
			return result.response;
		}
		if (mine()) {
			this.sizes.set(key, result.kept.bytes);
			this.bytes += result.kept.bytes;
			this.evict();
		}
		return served(result.kept, gzip);
	}

	/** How many bytes of pages are kept. */
	get size(): number {
		return this.bytes;
	}

	private forget(key: string): void {
		this.entries.delete(key);
		this.bytes -= this.sizes.get(key) ?? 0;
		this.sizes.delete(key);
	}

	private evict(): void {
		for (const key of this.entries.keys()) {
			if (this.bytes <= this.limit) return;
			this.forget(key);
		}
	}
}

/** The response as kept, or null if it is not to be kept: only a whole 200 page without cookies. */
async function keepable(response: Response): Promise<Kept | null> {
	if (response.status !== 200 || response.headers.has('set-cookie')) return null;
	if (response.headers.has('content-encoding')) return null;
	const type = response.headers.get('content-type')?.split(';')[0]?.trim() ?? '';
	if (!KEPT_TYPES.has(type)) return null;
	const body = new Uint8Array(await response.arrayBuffer());
	const gzipped = new Uint8Array(gzipSync(body, { level: 6 }));
	// SvelteKit's ETag names the plain body; pages are no-store, so none is sent for either form.
	const headers = [...response.headers].filter(
		([name]) => name !== 'content-length' && name !== 'etag'
	);
	headers.push(['vary', 'Accept-Encoding']);
	return {
		status: response.status,
		headers,
		body,
		gzipped,
		bytes: body.byteLength + gzipped.byteLength
	};
}

/** Whether an Accept-Encoding header takes gzip (not refused with `q=0`). */
export function acceptsGzip(header: string | null): boolean {
	return (header ?? '').split(',').some((part) => {
		const [coding, ...params] = part.trim().toLowerCase().split(';');
		if (coding !== 'gzip' && coding !== '*') return false;
		const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
		return !q || Number(q.slice(2)) > 0;
	});
}

/** A response from a kept page, gzip'd where the reader takes it. */
function served(kept: Kept, gzip: boolean): Response {
	const headers = new Headers(kept.headers);
	const body = gzip ? kept.gzipped : kept.body;
	if (gzip) headers.set('content-encoding', 'gzip');
	headers.set('content-length', String(body.byteLength));
	return new Response(body, { status: kept.status, headers });
}

/** The key of a page for this request, or null when the page is not kept. */
export async function pageKey(event: RequestEvent): Promise<string | null> {
	const stamp = event.route.id ? STAMPS[event.route.id] : undefined;
	const viewer = event.locals.user;
	if (!stamp || !viewer || event.request.method !== 'GET') return null;
	const parts = await stamp(event);
	if (!parts) return null;
	const projects = viewer.memberOf ? [...viewer.memberOf].sort() : null;
	return JSON.stringify([
		event.request.url,
		event.locals.locale,
		officeToday(),
		[viewer.id, viewer.name, viewer.email, viewer.role, projects],
		parts
	]);
}

const cache = new PageCache();

/** Answers a kept route from its reader's copy while its stamp is unchanged. */
export const pageCache: Handle = async ({ event, resolve }) => {
	const key = await pageKey(event);
	if (!key) return resolve(event);
	const gzip = acceptsGzip(event.request.headers.get('accept-encoding'));
	return cache.get(key, () => Promise.resolve(resolve(event)), gzip);
};
