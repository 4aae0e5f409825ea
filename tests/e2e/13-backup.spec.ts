/**
 * The backup page: an admin downloads a backup made while the app serves, and it restores into
 * a new data folder with the app's audit key; nobody else may see the page or make one.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, request, test } from '@playwright/test';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { signIn, signInApi } from '../pages/sign-in';

const E2E_DATA = 'tests/.tmp/e2e-data';

test('an admin downloads a backup from the page, and it restores', async ({ page }) => {
	await signIn(page, 'admin');
	await page.getByRole('link', { name: 'Rezerves kopijas' }).click();
	await expect(page.getByRole('heading', { name: 'Rezerves kopijas', level: 1 })).toBeVisible();
	await expect(page.getByTestId('backup-nightly')).toContainText('COFUND_BACKUP_DIR');
	const [download] = await Promise.all([
		page.waitForEvent('download'),
		page.getByRole('button', { name: 'Lejupielādēt rezerves kopiju' }).click()
	]);
	expect(download.suggestedFilename()).toMatch(/^cofund-\d{4}-\d{2}-\d{2}-\d{6}\.backup\.gz$/);
	const dir = mkdtempSync(join(tmpdir(), 'cofund-e2e-backup-'));
	const file = join(dir, download.suggestedFilename());
	await download.saveAs(file);

	const lines = gunzipSync(readFileSync(file)).toString('utf8').trimEnd().split('\n');
	const manifest = JSON.parse(lines[0]!);
	expect(manifest).toMatchObject({ format: 'cofund-backup', version: 1, engine: 'pglite' });
	const projects = manifest.tables.find((t: { name: string }) => t.name === 'projects');
	expect(projects.rows).toBeGreaterThanOrEqual(1);
	expect(JSON.parse(lines.at(-1)!)).toMatchObject({ end: 'cofund-backup' });

	// Restored elsewhere with the app's audit key, brought beside the backup as the README says.
	const restored = spawnSync('node', ['src/cli/cofund.js', '--ui-lang', 'en', 'restore', file], {
		env: {
			...process.env,
			COFUND_DATA_DIR: join(dir, 'data'),
			DATABASE_URL: '',
			COFUND_AUDIT_ANCHOR: '',
			COFUND_AUDIT_KEY: readFileSync(join(E2E_DATA, 'audit.key'), 'utf8').trim()
		},
		encoding: 'utf8'
	});
	expect(restored.status, restored.stderr).toBe(0);
	expect(restored.stdout).toContain('checked the checksum inside it');
	expect(restored.stdout).toMatch(/The audit chain verifies: \d+ events/);
});

test('nobody but an admin sees the page or gets a backup', async ({ page, baseURL }) => {
	await signIn(page, 'coordinator');
	await expect(page.getByRole('link', { name: 'Rezerves kopijas' })).toHaveCount(0);
	const refused = await page.goto('/backup');
	expect(refused?.status()).toBe(403);
	for (const role of ['coordinator', 'council', 'auditor'] as const) {
		const api = await request.newContext({ baseURL });
		await signInApi(api, baseURL!, role);
		const response = await api.post('/backup/download', {
			headers: { origin: baseURL!, accept: 'text/html' },
			maxRedirects: 0
		});
		expect(response.status(), role).toBe(403);
		await api.dispose();
	}
});

for (const locale of ['lv', 'en'] as const) {
	test(`the backup page has no serious accessibility problems (${locale})`, async ({
		page,
		context,
		baseURL
	}) => {
		await context.addCookies([{ name: 'PARAGLIDE_LOCALE', value: locale, url: baseURL! }]);
		await signIn(page, 'admin');
		for (const width of [390, 1440]) {
			await page.setViewportSize({ width, height: 900 });
			await page.goto('/backup');
			const { violations } = await new AxeBuilder({ page })
				.withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
				.analyze();
			const serious = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
			expect(serious.map((v) => `${width}px: ${v.id}`)).toEqual([]);
		}
	});
}
