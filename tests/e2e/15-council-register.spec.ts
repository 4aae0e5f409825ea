/**
 * The council's register on the portfolio: SOLID's decision No. 57 with what it committed per
 * budget year, and the total the council has committed per year, in LV and EN, on a phone and a
 * wide screen (screenshots under test-results/council-register).
 */
import { expect, test, type Browser } from '@playwright/test';
import { signIn } from '../pages/sign-in';

const SHOTS = 'test-results/council-register';
const WORDS = {
	lv: {
		title: 'Domes lēmumu reģistrs',
		decision: 'Nr. 57, 22.02.2018.',
		money: ['1100 EUR', '1990 EUR', '670 EUR', '3090 EUR', '1070 EUR']
	},
	en: {
		title: "The council's register of decisions",
		decision: 'No. 57 of 22 Feb 2018',
		money: ['1,100 EUR', '1,990 EUR', '670 EUR', '3,090 EUR', '1,070 EUR']
	}
} as const;

async function pageFor(browser: Browser, lang: 'lv' | 'en', width: number) {
	const context = await browser.newContext({
		locale: lang === 'lv' ? 'lv-LV' : 'en-GB',
		viewport: { width, height: 900 }
	});
	const page = await context.newPage();
	await signIn(page, 'admin');
	return { context, page };
}

for (const lang of ['lv', 'en'] as const)
	for (const width of [390, 1440])
		test(`the portfolio shows SOLID's decision and the total per budget year, ${lang.toUpperCase()} at ${width} px`, async ({
			browser
		}) => {
			test.setTimeout(120_000);
			const { context, page } = await pageFor(browser, lang, width);
			await page.goto('/portfolio');
			const register = page.getByTestId('council-register');
			await expect(register.getByRole('heading', { name: WORDS[lang].title })).toBeVisible();
			const [pre2018, co2018, co2019, total2018, total2019] = WORDS[lang].money;
			const decision = register.getByTestId('register-SOLID-57');
			await expect(decision).toContainText(WORDS[lang].decision);
			await expect(decision.getByTestId('register-SOLID-57-2018')).toContainText(pre2018);
			await expect(decision.getByTestId('register-SOLID-57-2018')).toContainText(co2018);
			await expect(decision.getByTestId('register-SOLID-57-2019')).toContainText(co2019);
			await expect(decision.getByTestId('register-SOLID-57-2018')).toContainText(total2018);
			await expect(decision.getByTestId('register-SOLID-57-2019')).toContainText(total2019);
			// The totals add up every project of the shared e2e office (earlier files make some), so
			// here they name SOLID's part and its decision; council-register.test.ts proves the sums.
			const totals = register.getByTestId('register-totals');
			for (const year of ['2018', '2019'])
				await expect(totals.getByTestId(`register-total-${year}`)).toContainText(
					`SOLID: ${WORDS[lang].decision}`
				);
			await expect(totals.locator('tfoot')).toBeVisible();
			// The page never scrolls sideways; a wide table scrolls in its card, a phone stacks it.
			const scroll = await page.evaluate(() => document.documentElement.scrollWidth);
			expect(scroll).toBeLessThanOrEqual(width);
			await register.scrollIntoViewIfNeeded();
			await page.screenshot({ path: `${SHOTS}/${lang}-${width}-portfolio.png`, fullPage: true });

			await page.goto('/projects/SOLID/dashboard');
			const years = page.getByTestId('chart-yearly-plan');
			await years.getByRole('button', { name: lang === 'lv' ? 'Tabula' : 'Table' }).click();
			await expect(years.getByTestId('year-2019-decision')).toHaveText(WORDS[lang].decision);
			await page.screenshot({ path: `${SHOTS}/${lang}-${width}-dashboard.png`, fullPage: true });
			await context.close();
		});
