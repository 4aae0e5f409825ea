import { gunzipSync, gzipSync } from 'node:zlib';
import { ENGINES, freshDatabase } from '$tests/factories/database';
import { importGeneratedLedger, importSample } from '$tests/factories/imports';
import { applySolidAndOther, solidDefinition } from '$tests/factories/projects';
import { makeUser } from '$tests/factories/users';
import type { RequestEvent } from '@sveltejs/kit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM_ACTOR } from '../audit/record-audit';
import { addMember, type AppUser } from '../auth/users';
import type { DatabaseHandle } from '../db';
import { projectDashboard } from '../dashboard/project-dashboard';
import { loadImportProject } from '../import/import-project';
import { revertImport } from '../import/revert-import';
import { applyProjectDefinition } from '../projects/apply-definition';
import { acceptsGzip, PageCache, pageKey } from './page-cache';

/** A page as SvelteKit answers one: HTML, with its start-up script allowed by its hash. */
function page(text: string, init: { status?: number; type?: string; cookie?: boolean } = {}) {
	const headers = new Headers({
		'content-type': init.type ?? 'text/html',
		'content-security-policy': "script-src 'self' 'sha256-abc='",
		etag: '"of-this-body"'
	});
	if (init.cookie) headers.set('set-cookie', 'a=b');
	const body = `<p>${text}</p><script>start()</script>`.repeat(20);
	return new Response(body, { status: init.status ?? 200, headers });
}

describe('kept pages', () => {
	it("renders a page once, and answers it again as the same bytes, gzip'd where taken", async () => {
		const cache = new PageCache();
		let renders = 0;
		const render = async () => page(`render ${++renders}`);
		const first = await (await cache.get('k', render)).text();
		expect(first).toContain('render 1');
		const again = await cache.get('k', render);
		expect(renders).toBe(1);
		expect(await again.text()).toBe(first);
		expect(again.headers.get('content-security-policy')).toBe("script-src 'self' 'sha256-abc='");
		expect(again.headers.has('etag')).toBe(false);
		const zipped = await cache.get('k', render, true);
		expect(zipped.headers.get('content-encoding')).toBe('gzip');
		expect(zipped.headers.get('vary')).toBe('Accept-Encoding');
		const bytes = Buffer.from(await zipped.arrayBuffer());
		expect(Number(zipped.headers.get('content-length'))).toBe(bytes.byteLength);
		expect(bytes.byteLength).toBeLessThan(Buffer.byteLength(first) / 4);
		expect(gunzipSync(bytes).toString('utf8')).toBe(first);
		expect(renders).toBe(1);
	});

	it('takes gzip where Accept-Encoding names it without refusing it', () => {
		expect(acceptsGzip('gzip, deflate, br, zstd')).toBe(true);
		expect(acceptsGzip('br;q=1.0, gzip;q=0.8')).toBe(true);
		expect(acceptsGzip('*')).toBe(true);
		expect(acceptsGzip('gzip;q=0')).toBe(false);
		expect(acceptsGzip('br')).toBe(false);
		expect(acceptsGzip(null)).toBe(false);
	});

	it('keeps no page that sets a cookie, failed, or is neither HTML nor JSON', async () => {
		for (const init of [{ cookie: true }, { status: 404 }, { type: 'text/csv' }]) {
			const cache = new PageCache();
			let renders = 0;
			const render = async () => page(`render ${++renders}`, init);
			await cache.get('k', render);
			const again = await cache.get('k', render);
			expect(renders).toBe(2);
			expect(await again.text()).toContain('render 2');
		}
	});

	it('renders a page once for readers who ask for it at the same moment', async () => {
		const cache = new PageCache();
		let renders = 0;
		const render = async () => {
			renders++;
			await new Promise((r) => setTimeout(r, 20));
			return page('slow');
		};
		const first = cache.get('k', render);
		await new Promise((r) => setTimeout(r, 5));
		const answers = await Promise.all([first, cache.get('k', render), cache.get('k', render)]);
		expect(renders).toBe(1);
		for (const answer of answers) expect(await answer.text()).toContain('slow');
	});

	it('lets the least recently used pages go beyond its size', async () => {
		const plain = Buffer.from(await page('x').arrayBuffer());
		const one = plain.byteLength + gzipSync(plain, { level: 6 }).byteLength;
		const cache = new PageCache(one * 2);
		const renders: string[] = [];
		const render = (key: string) => async () => (renders.push(key), page('x'));
		await cache.get('a', render('a'));
		await cache.get('b', render('b'));
		await cache.get('a', render('a'));
		await cache.get('c', render('c'));
		expect(cache.size).toBe(one * 2);
		await cache.get('a', render('a'));
		await cache.get('b', render('b'));
		expect(renders).toEqual(['a', 'b', 'c', 'b']);
	});
});

describe.each(ENGINES)('the key of a kept page on %s', (engine) => {
	let handle: DatabaseHandle;
	let reader: AppUser;
	let other: AppUser;

	function event(route: string, url: string, viewer: AppUser, extra: Partial<RequestEvent> = {}) {
		const code = /\/projects\/([^/]+)/.exec(url)?.[1];
		return {
			route: { id: route },
			params: code ? { code } : {},
			request: new Request(`http://localhost${url}`),
			locals: { db: handle.db, user: viewer, locale: 'lv' },
			...extra
		} as unknown as RequestEvent;
	}
	const dashboard = (viewer = reader, extra: Partial<RequestEvent> = {}) =>
		pageKey(event('/projects/[code]/dashboard', '/projects/SOLID/dashboard', viewer, extra));
	const portfolio = (viewer = reader) => pageKey(event('/portfolio', '/portfolio', viewer));

	beforeAll(async () => {
		handle = await freshDatabase(engine);
		await applySolidAndOther(handle.db);
		await importSample(handle.db, 'expenses');
		reader = await makeUser(handle.db, 'council', 'deputy@council.example', ['SOLID']);
		other = await makeUser(handle.db, 'council', 'other@council.example', ['SOLID']);
	}, 120_000);
	afterAll(async () => {
		await handle?.close();
	});

	it('is the same while nothing changes, and another for another reader, language or address', async () => {
		const key = await dashboard();
		expect(key).not.toBeNull();
		expect(await dashboard()).toBe(key);
		expect(await dashboard(other)).not.toBe(key);
		const english = event('/projects/[code]/dashboard', '/projects/SOLID/dashboard', reader);
		english.locals.locale = 'en';
		expect(await pageKey(english)).not.toBe(key);
		const data = event(
			'/projects/[code]/dashboard',
			'/projects/SOLID/dashboard/__data.json?x-sveltekit-invalidated=01',
			reader
		);
		expect(await pageKey(data)).not.toBe(key);
	});

	it('keeps no page of a route not listed, and none asked for by a form', async () => {
		expect(await pageKey(event('/projects/[code]/trips', '/projects/SOLID/trips', reader))).toBe(
			null
		);
		const posted = event('/projects/[code]/dashboard', '/projects/SOLID/dashboard', reader, {
			request: new Request('http://localhost/projects/SOLID/dashboard', { method: 'POST' })
		});
		expect(await pageKey(posted)).toBeNull();
	});

	it('shows an imported row on the next request, and loses it on the next after its revert', async () => {
		const cache = new PageCache();
		const shown = async () => {
			const key = (await dashboard())!;
			const answer = await cache.get(key, async () => {
				const figures = (await projectDashboard(handle.db, 'SOLID'))!;
				return page(`total ${figures.total.actual}`);
			});
			return /total (\d+)/.exec(await answer.text())![1];
		};
		expect(await shown()).toBe('418470');
		expect(await shown()).toBe('418470');
		const imported = await importGeneratedLedger(handle.db, 1);
		expect(await shown()).toBe('419470');
		const project = (await loadImportProject(handle.db, 'SOLID'))!;
		await revertImport(handle.db, imported.batchId!, project.id, SYSTEM_ACTOR);
		expect(await shown()).toBe('418470');
	});

	it('changes the portfolio with any project the reader sees, and with what they may see', async () => {
		const key = await portfolio();
		const renamed = solidDefinition();
		renamed.title.en = 'SOLID, renamed';
		await applyProjectDefinition(handle.db, renamed, { actor: SYSTEM_ACTOR });
		const afterRename = await portfolio();
		expect(afterRename).not.toBe(key);
		// OTHER changes: the reader does not see it, so their portfolio is the same.
		const otherRenamed = solidDefinition((d) => void (d.code = 'OTHER'));
		otherRenamed.title.en = 'OTHER, renamed';
		await applyProjectDefinition(handle.db, otherRenamed, { actor: SYSTEM_ACTOR });
		expect(await portfolio()).toBe(afterRename);
		// Made a member of OTHER: a portfolio of two projects.
		await addMember(handle.db, 'OTHER', reader.id);
		expect(await portfolio()).not.toBe(afterRename);
	});
});
