import { defineConfig } from '@playwright/test';
import { existsSync } from 'node:fs';

// Debian's Chromium, never a downloaded browser. A missing browser fails the run, so e2e tests
// can never be skipped without anyone noticing.
const chromium = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
if (!existsSync(chromium)) {
	throw new Error(
		`Chromium is not installed at ${chromium}. Install it (apt-get install -y chromium) or set CHROMIUM_PATH.`
	);
}

const port = Number(process.env.E2E_PORT || 4173);
const dataDir = 'tests/.tmp/e2e-data';
/**
 * A second app, the same in all but its upload limit, for the one spec that needs a check long
 * enough to watch and cancel on any machine: a file of 48 MB rather than the 1 MB limit the other
 * specs show. Its address reaches the spec through the environment, which the workers inherit.
 */
const largeUploadsPort = port + 1;
const largeUploadsDir = 'tests/.tmp/e2e-data-large';
process.env.E2E_LARGE_UPLOADS_URL = `http://localhost:${largeUploadsPort}`;

/** The built app on a fresh embedded database with the SOLID demo, as `npm start` serves it. */
const appServer = (serverPort: number, folder: string, uploadLimitMb: string) => ({
	command: `rm -rf ${folder} && node src/cli/cofund.js demo && node src/cli/cofund.js serve`,
	url: `http://localhost:${serverPort}/projects`,
	reuseExistingServer: false,
	// Two starts of the binary and a demo: `cofund demo` alone took 137 s on this project's
	// 2-core machine shared by several test runs at once (load average 20), a few seconds idle.
	timeout: 600_000,
	stdout: 'pipe' as const,
	env: {
		PORT: String(serverPort),
		COFUND_DATA_DIR: folder,
		DATABASE_URL: '',
		COFUND_LANG: 'en',
		// Known to the tests (tests/pages/sign-in.ts); a demo password, not a secret.
		COFUND_DEMO_PASSWORD: 'demo password for e2e',
		COFUND_IMPORT_MAX_MB: uploadLimitMb
	}
});

export default defineConfig({
	testDir: 'tests/e2e',
	fullyParallel: false,
	workers: 1,
	forbidOnly: !!process.env.CI,
	retries: 0,
	reporter: [['list']],
	outputDir: 'test-results',
	use: {
		baseURL: `http://localhost:${port}`,
		locale: 'lv-LV',
		trace: 'retain-on-failure',
		screenshot: 'only-on-failure',
		launchOptions: {
			executablePath: chromium,
			args: [
				'--headless',
				'--no-sandbox',
				'--disable-gpu',
				'--disable-background-networking',
				'--disable-component-update',
				'--disable-sync',
				'--no-first-run'
			]
		}
	},
	webServer: [
		// Small, so that the e2e tests can show the upload limit with a 1 MB file.
		appServer(port, dataDir, '1'),
		appServer(largeUploadsPort, largeUploadsDir, '64')
	]
});
