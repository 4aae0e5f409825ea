import adapter from '@sveltejs/adapter-node';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

/** @type {import('@sveltejs/kit').Config} */
const config = {
	preprocess: vitePreprocess(),
	compilerOptions: { runes: true },
	kit: {
		adapter: adapter(),
		// Form actions and endpoints refuse cross-site posts; never turn this off.
		csrf: { trustedOrigins: [] },
		alias: { $tests: 'tests' },
		// Asset links from the root, not relative to the page: a refused page is answered with the
		// app's /forbidden page (see src/lib/server/access/forbidden-page.ts) at the page's own
		// address, so links relative to /forbidden would miss at any other depth.
		paths: { relative: false },
		// src/instrumentation.server.ts sets adapter-node's limits before its handler loads.
		experimental: { instrumentation: { server: true } },
		// Scripts only from the app itself, and SvelteKit's own inline start-up script by its hash:
		// a page is then the same bytes for every answer, so the council's pages are kept rendered
		// and compressed once (src/lib/server/http/page-cache.ts). The SHA-256 of the start-up
		// script, which holds the page's data, is worked out in JavaScript once per render.
		csp: {
			mode: 'hash',
			directives: {
				'default-src': ['self'],
				'script-src': ['self'],
				'style-src': ['self', 'unsafe-inline'],
				'img-src': ['self', 'data:'],
				'font-src': ['self'],
				'connect-src': ['self'],
				'form-action': ['self'],
				'frame-ancestors': ['none'],
				'base-uri': ['self'],
				'object-src': ['none']
			}
		}
	}
};

export default config;
