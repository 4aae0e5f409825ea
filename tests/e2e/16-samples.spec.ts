/**
 * The auditor's sample on SOLID: a 10-row monetary-unit sample drawn with a given seed shows its
 * 10 rows, and drawing it again gives the same 10 rows. Samples are kept as drawn, so a second
 * run adds one more sample; each test reads the number it drew. Screenshots of both pages in LV
 * and EN, on a phone and a wide screen, under test-results/samples.
 */
import { expect, test, type Browser, type Page } from '@playwright/test';
import { signIn } from '../pages/sign-in';

const SHOTS = 'test-results/samples';
const SEED = 'SOLID-e2e-16';

async function pageFor(browser: Browser, lang: 'lv' | 'en', width: number) {
	const context = await browser.newContext({
		locale: lang === 'lv' ? 'lv-LV' : 'en-GB',
		viewport: { width, height: 900 }
	});
	const page = await context.newPage();
	await signIn(page, 'auditor');
	return { context, page };
}

/** Draws SOLID's sample from the control tab; the sample page it lands on. */
async function drawMus(page: Page, lang: 'lv' | 'en') {
	await page.goto('/projects/SOLID');
	await page.getByRole('link', { name: lang === 'lv' ? 'Kontrole' : 'Control' }).click();
	await expect(page).toHaveURL(/\/projects\/SOLID\/control$/);
	await page.getByLabel(lang === 'lv' ? 'Apjoms (rindas)' : 'Size (rows)').fill('10');
	await page.getByLabel(lang === 'lv' ? 'Sākumvērtība' : 'Seed').fill(SEED);
	await page.getByRole('button', { name: lang === 'lv' ? 'Izlozēt' : 'Draw', exact: true }).click();
	await expect(page).toHaveURL(/\/projects\/SOLID\/control\/samples\/\d+$/);
}

const rowDocs = (page: Page) =>
	page.getByTestId('sample-row').locator('td:nth-child(3)').allInnerTexts();

test('the auditor draws a 10-row MUS sample with a seed, and drawing it again gives the same rows', async ({
	browser
}) => {
	test.setTimeout(120_000);
	const { context, page } = await pageFor(browser, 'en', 1440);
	await drawMus(page, 'en');
	await expect(page.getByTestId('sample-row')).toHaveCount(10);
	const first = await rowDocs(page);
	// SOLID's two flights above the interval (1011,00 and 463,60 EUR) are taken with certainty.
	expect(first.slice(0, 2)).toEqual(['AB-120554', 'AB-124980']);
	await expect(page.getByTestId('sample-how')).toContainText(`“${SEED}”`);
	await expect(page.getByTestId('sample-how')).toContainText('32 rows, total 4,374.70 EUR');
	await page.getByRole('button', { name: 'Draw again' }).click();
	await expect(page.getByTestId('redraw-check')).toContainText(
		'Drawn again: the same rows (10), in the same order.'
	);
	await expect(page.getByTestId('redraw-check')).toContainText('The population is unchanged.');
	expect(await rowDocs(page)).toEqual(first);
	await context.close();
});

for (const lang of ['lv', 'en'] as const)
	for (const width of [390, 1440])
		test(`the control pages in ${lang.toUpperCase()} at ${width} px`, async ({ browser }) => {
			test.setTimeout(120_000);
			const { context, page } = await pageFor(browser, lang, width);
			await drawMus(page, lang);
			await expect(page.getByTestId('sample-row')).toHaveCount(10);
			await page
				.getByRole('button', { name: lang === 'lv' ? 'Izlozēt vēlreiz' : 'Draw again' })
				.click();
			await expect(page.getByTestId('redraw-check')).toBeVisible();
			expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
				width
			);
			await page.screenshot({ path: `${SHOTS}/${lang}-${width}-sample.png`, fullPage: true });
			await page
				.getByRole('link', { name: lang === 'lv' ? 'Visas izlases' : 'All samples' })
				.click();
			await expect(page.getByTestId('samples')).toBeVisible();
			expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
				width
			);
			await page.screenshot({ path: `${SHOTS}/${lang}-${width}-control.png`, fullPage: true });
			await context.close();
		});
