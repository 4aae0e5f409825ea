import { expect, test, type Page } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { signIn } from '../pages/sign-in';

// Names as a project's own list gives them (its definition's `classification`); the list cofund
// ships names only the codes whose official text it was transcribed from.
const OWN_NAMES = [
	{ code: '2122', name: { lv: 'Pārējie komandējumu izdevumi', en: 'Other travel costs' } },
	{ code: '2121', name: { lv: 'Dienas nauda' } }
];
const SOLID_FILE = 'static/samples/solid/project.json';
// Where pictures of the pages go when someone wants to look at them; the checks run without it.
const SHOTS = process.env.E2E_SHOTS;

const pdfText = (pdf: Buffer) =>
	execFileSync('pdftotext', ['-enc', 'UTF-8', '-', '-'], { input: pdf }).toString('utf8');

/** Saves a definition as the editor posts it (a new project, or a new version of one). */
async function saveDefinition(page: Page, baseURL: string, definition: { code: string }) {
	const edit = await page.goto(`/projects/${definition.code}/edit`);
	const exists = edit?.ok() ?? false;
	const version = exists ? await page.locator('input[name="version"]').inputValue() : '';
	const response = await page.request.post(
		exists ? `/projects/${definition.code}/edit` : '/projects/new',
		{
			headers: { origin: baseURL, accept: 'text/html' },
			form: { definition: JSON.stringify(definition), version },
			maxRedirects: 0
		}
	);
	expect(response.status(), `save ${definition.code}`).toBe(303);
}

async function shot(page: Page, name: string, width: number) {
	if (!SHOTS) return;
	mkdirSync(SHOTS, { recursive: true });
	await page.setViewportSize({ width, height: 900 });
	// Charts size themselves when the page lays out: load it again at this width.
	await page.reload();
	await page.waitForLoadState('networkidle');
	await page.screenshot({ path: join(SHOTS, `${name}-${width}.png`), fullPage: true });
	const card = page.getByTestId('category-card');
	if (await card.count())
		await card.screenshot({ path: join(SHOTS, `${name}-${width}-categories.png`) });
	// Back to the desktop, where the test goes on with the header's own language buttons.
	await page.setViewportSize({ width: 1440, height: 900 });
}

test.describe('economic classification names', () => {
	const solid = () => JSON.parse(readFileSync(SOLID_FILE, 'utf8'));

	test.beforeAll(async ({ browser, baseURL }) => {
		const page = await browser.newPage();
		await signIn(page, 'admin');
		await saveDefinition(page, baseURL!, { ...solid(), classification: OWN_NAMES });
		const goalOnly = { ...solid(), code: 'GOALONLY' };
		delete goalOnly.activities;
		await saveDefinition(page, baseURL!, goalOnly);
		await page.close();
	});

	test.afterAll(async ({ browser, baseURL }) => {
		// SOLID as the demo made it, for whoever runs after.
		const page = await browser.newPage();
		await signIn(page, 'admin');
		await saveDefinition(page, baseURL!, solid());
		await page.close();
	});

	test('the dashboard names each code in the reader’s language, and its CSV has the names', async ({
		page
	}) => {
		await signIn(page, 'council');
		await page.goto('/projects/SOLID/dashboard');
		const table = page.getByTestId('category-table');
		await expect(table).toContainText('2122 Pārējie komandējumu izdevumi');
		await expect(table).toContainText('2121 Dienas nauda');
		await expect(table).toContainText('2311');
		await shot(page, 'dashboard-lv', 1440);
		await shot(page, 'dashboard-lv', 390);

		const [download] = await Promise.all([
			page.waitForEvent('download'),
			page.getByTestId('category-card').getByRole('button', { name: 'CSV' }).click()
		]);
		expect(download.suggestedFilename()).toBe('SOLID-categories.csv');
		const lines = readFileSync((await download.path())!, 'utf8')
			.replace(/^\uFEFF/, '')
			.split('\r\n');
		expect(lines[0]).toMatch(/^EKK[,;]Nosaukums[,;]/);
		expect(lines.some((l) => /^2122[,;]Pārējie komandējumu izdevumi[,;]\d/.test(l))).toBe(true);
		expect(lines.some((l) => /^2311[,;][,;]\d/.test(l))).toBe(true);

		await page.setViewportSize({ width: 1440, height: 900 });
		await page.getByRole('button', { name: 'EN', exact: true }).click();
		await expect(page.locator('html')).toHaveAttribute('lang', 'en');
		await expect(table).toContainText('2122 Other travel costs');
		// The list gives no English name: the English reader sees the Latvian one.
		await expect(table).toContainText('2121 Dienas nauda');
		await shot(page, 'dashboard-en', 1440);
		await shot(page, 'dashboard-en', 390);
		await page.getByRole('button', { name: 'LV', exact: true }).click();

		// The rows behind a code name it too.
		await table.getByRole('row', { name: /^2122/ }).getByRole('link').click();
		await expect(page).toHaveURL(/\/projects\/SOLID\/expenses\?category=2122$/);
		await expect(page.getByTestId('expense-rows').locator('tbody tr').first()).toContainText(
			'Pārējie komandējumu izdevumi'
		);
	});

	test('the final report has a table of spending by code, with the names', async ({ page }) => {
		await signIn(page, 'coordinator');
		const preview = await page.request.get(
			'/projects/SOLID/documents/preview?template=final-report&lang=lv'
		);
		expect(preview.headers()['content-type']).toBe('application/pdf');
		const pdf = await preview.body();
		const text = pdfText(pdf);
		expect(text).toContain('Izdevumi pa ekonomiskās klasifikācijas kodiem');
		expect(text).toContain('Pārējie komandējumu izdevumi');
		expect(text).toContain('Dienas nauda');
		if (SHOTS) writeFileSync(join(SHOTS, 'final-report-lv.pdf'), pdf);

		const english = await page.request.get(
			'/projects/SOLID/documents/preview?template=final-report&lang=en'
		);
		const englishPdf = await english.body();
		expect(pdfText(englishPdf)).toContain('Spending by economic classification code');
		expect(pdfText(englishPdf)).toContain('Other travel costs');
		if (SHOTS) writeFileSync(join(SHOTS, 'final-report-en.pdf'), englishPdf);
	});

	test('a plan that states only its goal shows no activities heading, on the page or in the annex', async ({
		page
	}) => {
		await signIn(page, 'admin');
		await page.goto('/projects/GOALONLY');
		const description = page.getByTestId('project-description');
		await expect(description.getByTestId('goal-heading')).toHaveText('Projekta mērķis');
		await expect(description).not.toContainText('aktivitātes');
		await expect(description).toContainText('Projekta mērķis ir sekmēt');
		await shot(page, 'goal-only-page-lv', 1440);

		const annex = await page.request.get(
			'/projects/GOALONLY/documents/preview?template=council-annex&lang=lv'
		);
		const pdf = await annex.body();
		const text = pdfText(pdf);
		expect(text).toContain('Projekta mērķis:');
		expect(text).not.toContain('aktivitātes');
		if (SHOTS) writeFileSync(join(SHOTS, 'goal-only-annex-lv.pdf'), pdf);
	});
});
