import { expect, test } from '@playwright/test';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { ImportPage } from '../pages/import-page';
import { signIn } from '../pages/sign-in';
import { answer, choose } from '../pages/ui';

const LEDGER_1257 = 'tests/fixtures/imports/ledger-1257-multi-project.csv';
const TRAVEL_UNMATCHED = 'tests/fixtures/imports/travel-unmatched.csv';

test.describe('the coordinator imports', () => {
	test.beforeEach(({ page }) => signIn(page, 'coordinator'));

	test('a Windows-1257 ledger of several projects: checked first, then committed, then reverted', async ({
		page
	}) => {
		await page.goto('/projects/SOLID');
		await page.getByRole('link', { name: 'Importēt eksportu' }).click();
		const importPage = new ImportPage(page);
		await importPage.importFile(LEDGER_1257);
		await expect(page.getByLabel('Kodējums')).toContainText('windows-1257');
		await expect(importPage.count(/^Pieņemti/)).toHaveText('9');
		await expect(importPage.count(/^citu projektu rindas/)).toHaveText('4');
		await expect(importPage.count(/^kopsummu rindas/)).toHaveText('1');
		await expect(page.getByText(/Faila kopsummas rinda \(25\s018,00\sEUR\) sakrīt/)).toBeVisible();
		await expect(page.getByTestId('import-preview')).toContainText('SIA „Daugavpils Ūdens”');

		await importPage.commitButton().click();
		await expect(page.getByTestId('import-done')).toContainText('9 ieraksti');
		await page.getByRole('link', { name: 'Skatīt importu vēsturi' }).click();
		const latest = page.getByTestId('import-history').locator('tbody tr').first();
		await expect(latest).toContainText('ledger-1257-multi-project.csv');

		await latest.getByRole('button', { name: 'Atsaukt' }).click();
		await answer(page, 'Atsaukt');
		await expect(page.getByRole('status')).toContainText(
			'tā 9 rindas vairs netiek skaitītas un paliek atzīmētas kā atsauktas'
		);
		await expect(page.getByTestId('import-history').locator('tbody tr').first()).toContainText(
			'atsauca Jānis Bērziņš'
		);
	});

	test('travel orders whose event is unknown, assigned by hand before the commit', async ({
		page
	}) => {
		const importPage = new ImportPage(page);
		await importPage.open('SOLID');
		await importPage.importFile(TRAVEL_UNMATCHED, 'participation');
		const unmatched = page.getByTestId('unmatched-rows');
		await expect(unmatched.locator('tr')).toHaveCount(2);
		await expect(unmatched).toContainText('projektā nav pasākuma “9”');
		await choose(unmatched.getByLabel('Pasākums 3'), /^3\. /);
		await expect(page.getByText('Iestatījumi mainīti kopš pēdējās pārbaudes')).toBeVisible();
		await expect(importPage.commitButton()).toBeDisabled();
		await page.getByRole('button', { name: 'Pārbaudīt vēlreiz' }).click();
		await expect(unmatched.locator('tr')).toHaveCount(1);
		await importPage.commitButton().click();
		await expect(page.getByTestId('import-done')).toContainText('3 ieraksti');

		// Leave SOLID as the demo made it, for the dashboard tests that follow.
		await page.getByRole('link', { name: 'Skatīt importu vēsturi' }).click();
		const latest = page.getByTestId('import-history').locator('tbody tr').first();
		await expect(latest).toContainText('travel-unmatched.csv');
		await latest.getByRole('button', { name: 'Atsaukt' }).click();
		await answer(page, 'Atsaukt');
		await expect(page.getByRole('status')).toContainText('tā 3 rindas vairs netiek skaitītas');
	});

	test('a file over the upload limit is refused with the limit named', async ({ page }) => {
		const importPage = new ImportPage(page);
		await importPage.open('SOLID');
		await page.locator('input[type=file]').setInputFiles({
			name: 'huge.csv',
			mimeType: 'text/csv',
			buffer: Buffer.alloc(1024 * 1024 + 10, 'a')
		});
		await expect(page.getByRole('alert')).toContainText('1 MB');
	});

	test('a file of the other kind gets the offer to read it as that kind', async ({ page }) => {
		const importPage = new ImportPage(page);
		await importPage.open('SOLID');
		await importPage.importFile('static/samples/solid/travel.csv', 'expenses');
		await expect(importPage.failure).toContainText('Nav kolonnas laukam “Datums”');
		await page.getByRole('button', { name: /Lasīt kā komandējumu rīkojumus/ }).click();
		await expect(importPage.count(/^jau importētas rindas/)).toHaveText('15');
		await expect(page.getByText('Viss šajā failā jau ir projektā')).toBeVisible();
	});
});

test.describe('the auditor', () => {
	test.beforeEach(({ page }) => signIn(page, 'auditor'));

	test('cannot import, on the server as well as in the UI', async ({ page, baseURL }) => {
		await page.goto('/projects/SOLID');
		await expect(page.getByRole('link', { name: 'Importēt eksportu' })).toHaveCount(0);
		expect((await page.goto('/projects/SOLID/import'))?.status()).toBe(403);
		const upload = await page.request.post('/projects/SOLID/import/upload', {
			headers: { origin: baseURL!, 'content-type': 'application/octet-stream' },
			data: readFileSync(LEDGER_1257)
		});
		expect(upload.status()).toBe(403);
		const run = await page.request.post('/projects/SOLID/import/run', {
			headers: { origin: baseURL! },
			data: {
				fileId: '00000000-0000-4000-8000-000000000000',
				kind: 'expenses',
				mode: 'commit',
				profile: {}
			}
		});
		expect(run.status()).toBe(403);
	});

	test('downloads an original file byte for byte from the import history', async ({ page }) => {
		await page.goto('/projects/SOLID/imports');
		const row = page
			.getByTestId('import-history')
			.getByRole('row', { name: /ledger\.csv/ })
			.last();
		const [download] = await Promise.all([
			page.waitForEvent('download'),
			row.getByRole('link', { name: 'ledger.csv' }).click()
		]);
		const bytes = readFileSync((await download.path())!);
		const original = readFileSync('static/samples/solid/ledger.csv');
		expect(createHash('sha256').update(bytes).digest('hex')).toBe(
			createHash('sha256').update(original).digest('hex')
		);
	});
});
