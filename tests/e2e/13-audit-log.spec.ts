/**
 * The audit log as an auditor reads it: filtered by project and action (named in Latvian), each
 * event said in words, the filtered log as CSV, and an import's stored report opened from it.
 */
import { expect, test } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { signIn } from '../pages/sign-in';
import { choose, dateField, setDate } from '../pages/ui';

test.describe('the audit log in words', () => {
	test.beforeEach(({ page }) => signIn(page, 'auditor'));

	test('an auditor filters by project and action, exports the CSV and opens the import’s report', async ({
		page
	}) => {
		await page.goto('/audit');
		const filters = page.getByTestId('audit-filters');
		await choose(filters.getByLabel('Projekts'), 'SOLID');
		await choose(filters.getByLabel('Darbība'), 'Imports');
		await filters.getByRole('button', { name: 'Atlasīt' }).click();
		await expect(page).toHaveURL(/project=SOLID/);
		await expect(page).toHaveURL(/action=import\.commit/);

		const table = page.getByTestId('audit-table');
		await expect(table).toContainText(/Importēja ledger\.csv \(\d+ rind(a|as|u)\)/);
		await expect(table).toContainText(/Importēja travel\.csv/);
		await expect(table).toContainText(/Pieņemtā summa: [\d\s\u00a0]+,\d\d[\s\u00a0]EUR/);
		await expect(table).not.toContainText('import.commit');
		// Every row is an import: nothing else passed the filter (earlier specs import files too).
		const rows = table.locator('tbody tr');
		expect(await rows.count()).toBeGreaterThanOrEqual(2);
		for (const row of await rows.all()) await expect(row).toContainText(/Importēja /);
		// Who is a person's name, with the email the log stores beneath it.
		const demoImport = rows.filter({ hasText: 'ledger.csv' }).last();
		await expect(demoImport.locator('td.person .author')).toHaveText('Jānis Bērziņš');
		await expect(demoImport.locator('td.person')).toContainText('coordinator@cofund.example');

		const [download] = await Promise.all([
			page.waitForEvent('download'),
			filters.getByRole('button', { name: 'Lejupielādēt CSV' }).click()
		]);
		const csv = readFileSync((await download.path())!, 'utf8');
		const lines = csv.replace(/^\uFEFF/, '').split('\r\n');
		expect(lines[0]).toBe(
			'Ieraksts;Laiks (Rīga);Kas;E-pasts;Darbība;Kas notika;Projekts;Objekts;Izmaiņas;Jaucējkods'
		);
		expect(csv).toMatch(
			/;Jānis Bērziņš;coordinator@cofund\.example;Imports;Importēja ledger\.csv \(\d+ rind(a|as|u)\);SOLID;/
		);
		expect(csv).not.toContain('project.create');

		await table.locator('tr', { hasText: 'ledger.csv' }).last().getByRole('link').click();
		await expect(page).toHaveURL(/\/projects\/SOLID\/imports\/\d+$/);
		await expect(page.getByRole('heading', { level: 1 })).toHaveText(/^Imports #\d+$/);
		// The import's own page names the person too, not their email.
		await expect(page.getByTestId('import-lead')).toContainText(
			/ledger\.csv, importēja Jānis Bērziņš, /
		);
		await expect(page.getByTestId('import-lead')).not.toContainText('@');
	});

	test('the Who filter lists people by name and filters by the email the log stores', async ({
		page
	}) => {
		await page.goto('/audit');
		const filters = page.getByTestId('audit-filters');
		await choose(filters.getByLabel('Kas'), 'Jānis Bērziņš');
		await filters.getByRole('button', { name: 'Atlasīt' }).click();
		await expect(page).toHaveURL(/actor=coordinator%40cofund\.example/);
		const people = page.getByTestId('audit-table').locator('tbody td.person .author');
		expect(await people.count()).toBeGreaterThan(0);
		for (const person of await people.all()) await expect(person).toHaveText('Jānis Bērziņš');

		// cofund's own steps (the demo's project set-up) are named in the reader's words.
		await page.goto('/audit?action=project.create');
		const setUp = page.getByTestId('audit-table').locator('tbody td.person').first();
		await expect(setUp).toHaveText('cofund (sistēma)');
	});

	test('a day typed in Latvian order narrows the log from it', async ({ page }) => {
		await page.goto('/audit');
		const filters = page.getByTestId('audit-filters');
		await expect(dateField(filters, 'No').getByRole('spinbutton')).toHaveText(['dd', 'mm', 'gggg']);
		// The demo and the specs before this one wrote their events within the last day (Riga clock).
		const riga = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Riga' });
		const since = riga.format(new Date(Date.now() - 86_400_000));
		await setDate(filters, 'No', since);
		await expect(filters.locator('input[name="from"]')).toHaveValue(since);
		await filters.getByRole('button', { name: 'Atlasīt' }).click();
		await expect(page).toHaveURL(new RegExp(`[?&]from=${since}(&|$)`));
		await expect(page.getByTestId('audit-table').locator('tbody tr').first()).toBeVisible();
		const [year, month, day] = since.split('-');
		await expect(dateField(filters, 'No')).toContainText(`${day}.${month}.${year}`);
	});
});
