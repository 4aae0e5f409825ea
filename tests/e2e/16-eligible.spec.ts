/**
 * Eligible against declared on SOLID's dashboard and on the portfolio, in LV and EN, on a phone
 * and a wide screen (screenshots under test-results/eligible): the declared total is the spend the
 * dashboard shows, and the eligible amount is it less the ineligible. Whatever findings earlier
 * files left, the amounts hold together; this file changes nothing.
 */
import { expect, test, type Browser, type Locator } from '@playwright/test';
import { signIn } from '../pages/sign-in';
import type { Role } from '../../src/lib/domain/access';

const SHOTS = 'test-results/eligible';
const WORDS = {
	lv: { title: 'Attiecināmie izdevumi pret deklarētajiem', table: 'Tabula', actual: '4184,70 EUR' },
	en: { title: 'Eligible against declared', table: 'Table', actual: '4,184.70 EUR' }
} as const;

/** "4 184,70 EUR" or "4,184.70 EUR" as cents. */
function cents(text: string, lang: 'lv' | 'en'): number {
	const number = text.replace(/[^\d,.−-]/g, '');
	const plain =
		lang === 'lv' ? number.replace(/\./g, '').replace(',', '.') : number.replace(/,/g, '');
	return Math.round(Number(plain.replace('−', '-')) * 100);
}

async function pageFor(browser: Browser, role: Role, lang: 'lv' | 'en', width: number) {
	const context = await browser.newContext({
		locale: lang === 'lv' ? 'lv-LV' : 'en-GB',
		viewport: { width, height: 900 }
	});
	const page = await context.newPage();
	await signIn(page, role);
	return { context, page };
}

/** The total row's declared, ineligible and eligible amounts, holding together. */
async function totals(row: Locator, lang: 'lv' | 'en') {
	const cells = await row.locator('td').allTextContents();
	const [declared, , , ineligible, eligible] = cells.map((cell) => cents(cell, lang));
	expect(eligible).toBe(declared! - ineligible!);
	return { declared: declared!, eligible: eligible! };
}

for (const lang of ['lv', 'en'] as const)
	for (const width of [390, 1440])
		test(`eligible against declared, ${lang.toUpperCase()} at ${width} px`, async ({ browser }) => {
			const words = WORDS[lang];
			const auditor = await pageFor(browser, 'auditor', lang, width);
			const { page } = auditor;
			await page.goto('/projects/SOLID/dashboard');
			const card = page.getByTestId('control-card');
			await expect(card.getByRole('heading', { name: words.title })).toBeVisible();
			await expect(page.getByTestId('figure-actual')).toHaveText(words.actual);
			const total = await totals(card.getByTestId('control-total'), lang);
			expect(total.declared).toBe(418470);
			await expect(card.getByTestId('control-2018')).toBeVisible();
			await expect(card.getByTestId('control-2019')).toBeVisible();
			// The year table keeps each year's decision under the year, in the card's width.
			const years = page.getByTestId('chart-yearly-plan');
			await years.getByRole('button', { name: words.table }).click();
			await expect(years.getByTestId('year-2019-decision')).toBeVisible();
			// The page never scrolls sideways; a phone stacks the amounts under each year.
			expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
				width
			);
			await page.screenshot({ path: `${SHOTS}/${lang}-${width}-dashboard.png`, fullPage: true });
			await auditor.context.close();

			const council = await pageFor(browser, 'council', lang, width);
			await council.page.goto('/portfolio');
			const portfolio = council.page.getByTestId('portfolio-control');
			const solid = await totals(portfolio.getByTestId('portfolio-control-table-SOLID'), lang);
			expect(solid).toEqual(total);
			await totals(portfolio.getByTestId('portfolio-control-table-total'), lang);
			expect(
				await council.page.evaluate(() => document.documentElement.scrollWidth)
			).toBeLessThanOrEqual(width);
			await portfolio.scrollIntoViewIfNeeded();
			await council.page.screenshot({
				path: `${SHOTS}/${lang}-${width}-portfolio.png`,
				fullPage: true
			});
			await council.context.close();
		});
