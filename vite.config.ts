import { paraglideVitePlugin } from '@inlang/paraglide-js';
import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vitest/config';

const engines = process.env.TEST_DATABASE_URL ? 'PGlite and PostgreSQL' : 'PGlite only';

export default defineConfig({
	plugins: [
		sveltekit(),
		// Under Vitest the messages come from `npm run i18n`; the plugin's watcher would keep it alive.
		!process.env.VITEST &&
			paraglideVitePlugin({
				project: './src/lib/i18n/project.inlang',
				outdir: './src/lib/paraglide',
				// Keep in step with the `i18n` script in package.json, which the CLI's build uses.
				strategy: ['cookie', 'preferredLanguage', 'baseLocale']
			})
	],
	test: {
		expect: { requireAssertions: true },
		// Verbose, so that the log names every suite, and with it the database engine it ran on.
		reporters: ['verbose'],
		projects: [
			{
				extends: './vite.config.ts',
				test: {
					name: `server (${engines})`,
					environment: 'node',
					include: ['src/**/*.test.ts'],
					// Measured on this project's 2-core machine shared by several test runs at once (load
					// average 15-20): the old 30 s and 60 s ran out for three tests and four hooks (a fresh
					// embedded database and its migrations) in one whole run; since, the slowest test on the
					// default took 31 s (eight CLI commands in a row, in process), the slowest hook 51 s
					// (cofund demo, once per CLI file). About four times those; a test that needs longer
					// says so itself, with what was measured.
					testTimeout: 120_000,
					hookTimeout: 240_000
				}
			}
		]
	}
});
