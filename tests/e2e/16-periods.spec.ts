/**
 * Locked periods on SOLID: the coordinator closes 2018, a ledger with a 2018 row is refused with
 * the row named, the auditor reopens 2018 with a reason, and the audit log shows both. SOLID is
 * left with 2018 reopened (a period's record stays; later files find it open). Screenshots of the
 * periods page, LV and EN, phone and wide screen, under test-results/periods.
 */
import { expect, test, type Browser } from '@playwright/test';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ImportPage } from '../pages/import-page';
import { signIn } from '../pages/sign-in';
import { setDate } from '../pages/ui';

const SHOTS = 'test-results/periods';
const WORK = 'tests/.tmp/periods';
const HEADER = 'Datums;Dok. Nr.;Partneris;Apraksts;EKK;Summa EUR;Projekts;Pasākums;Finansējums';

function ledgerWith2018Row(): string {
	mkdirSync(WORK, { recursive: true });
	const file = join(WORK, 'ledger-2018.csv');
	const rows = [
		HEADER,
		'14.05.2019;E2E-1;SIA Pārbaude;Jauna rinda 2019;2121;15,00;SOLID;;ES',
		'20.06.2018;E2E-2;SIA Pārbaude;Vēlu saņemts rēķins;2121;12,34;SOLID;;ES'
	];
	writeFileSync(file, '\uFEFF' + rows.join('\r\n') + '\r\n', 'utf8');
	return file;
}

async function pageFor(
	browser: Browser,
	role: 'coordinator' | 'auditor',
	lang: 'lv' | 'en',
	width = 1440
) {
	const context = await browser.newContext({
		locale: lang === 'lv' ? 'lv-LV' : 'en-GB',
		viewport: { width, height: 900 }
	});
	const page = await context.newPage();
	await signIn(page, role);
	return { context, page };
}

test.describe.serial('closed periods on SOLID', () => {
	test.describe.configure({ timeout: 300_000 });

	test('the coordinator closes 2018, and a ledger with a 2018 row is refused with the row named', async ({
		browser
	}) => {
		const { context, page } = await pageFor(browser, 'coordinator', 'en');
		await page.goto('/projects/SOLID');
		await page.getByRole('link', { name: 'Closed periods and retention' }).click();
		await expect(page.getByRole('heading', { name: 'Closed periods', level: 1 })).toBeVisible();
		const form = page.getByTestId('close-period');
		await form.getByLabel('Year', { exact: true }).fill('2018');
		await form.getByLabel('Reason (optional)').fill('Year reported to the programme');
		await form.getByRole('button', { name: 'Close the period' }).click();
		await expect(page.getByRole('status')).toContainText('The period 2018 is closed.');
		await expect(page.getByTestId('periods')).toContainText('coordinator@cofund.example');

		const importer = new ImportPage(page);
		await importer.open('SOLID');
		await importer.importFile(ledgerWith2018Row());
		await expect(importer.failure).toContainText('The closed period 2018 holds 1 of these rows');
		await expect(importer.failure).toContainText(/Line 3: 20 Jun 2018, 12\.34\sEUR/);
		await context.close();
	});

	test('the auditor reopens 2018 with a reason, and the audit log shows the close and the reopen', async ({
		browser
	}) => {
		const { context, page } = await pageFor(browser, 'auditor', 'en');
		await page.goto('/projects/SOLID/periods');
		const row = page.getByTestId('periods').getByRole('row', { name: /^2018/ }).last();
		await row.getByLabel('Reason for reopening').fill('A late invoice of 2018 must be booked');
		await row.getByRole('button', { name: 'Reopen' }).click();
		await expect(page.getByRole('status')).toContainText('The period 2018 is open again.');
		await expect(row).toContainText('A late invoice of 2018 must be booked');

		await page.goto('/audit');
		await expect(page.getByText('Reopened a reporting period of SOLID').first()).toBeVisible();
		await expect(page.getByText('A late invoice of 2018 must be booked').first()).toBeVisible();
		await expect(
			page.getByText('Closed a reporting period of SOLID to changes').first()
		).toBeVisible();
		await context.close();
	});

	test('the auditor closes a date range picked in the date fields, and reopens it', async ({
		browser
	}) => {
		const { context, page } = await pageFor(browser, 'auditor', 'en');
		await page.goto('/projects/SOLID/periods');
		const form = page.getByTestId('close-period');
		await form.getByLabel('A date range').check();
		await setDate(form, 'From', '2019-03-01');
		await setDate(form, 'To', '2019-06-30');
		await form.getByRole('button', { name: 'Close the period' }).click();
		await expect(page.getByRole('status')).toContainText(/The period .*2019.* is closed\./);
		const row = page.getByTestId('periods').getByRole('row').filter({ hasText: '2019' }).last();
		await row.getByLabel('Reason for reopening').fill('Closed for a check only');
		await row.getByRole('button', { name: 'Reopen' }).click();
		await expect(row).toContainText('Closed for a check only');
		await context.close();
	});

	for (const lang of ['lv', 'en'] as const)
		for (const width of [390, 1440])
			test(`the periods page, ${lang.toUpperCase()} at ${width} px`, async ({ browser }) => {
				const { context, page } = await pageFor(browser, 'auditor', lang, width);
				await page.goto('/projects/SOLID/periods');
				await expect(page.getByTestId('retention')).toContainText(
					lang === 'lv' ? 'glabājami līdz' : 'kept until'
				);
				await page.screenshot({ path: `${SHOTS}/${lang}-${width}-periods.png`, fullPage: true });
				await context.close();
			});
});
