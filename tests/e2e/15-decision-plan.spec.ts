import { expect, test, type Browser } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { signIn } from '../pages/sign-in';
import { choose } from '../pages/ui';

const pdfText = (pdf: Buffer) =>
	execFileSync('pdftotext', ['-enc', 'UTF-8', '-', '-'], { input: pdf }).toString('utf8');

async function documentsPage(browser: Browser, lang: 'lv' | 'en', width: number) {
	const context = await browser.newContext({
		locale: lang === 'lv' ? 'lv-LV' : 'en-GB',
		viewport: { width, height: 900 }
	});
	const page = await context.newPage();
	await signIn(page, 'coordinator');
	await page.goto('/projects/SOLID/documents');
	return { context, page };
}

test.describe('the council decision and the plan it is made from', () => {
	test.setTimeout(300_000);

	test('a coordinator picks the decision whose plan a document is made from, and previews the decision draft', async ({
		browser
	}, info) => {
		const { context, page } = await documentsPage(browser, 'lv', 1440);
		const card = page.getByTestId('template-council-decision');
		await expect(card).toContainText('Domes lēmums');
		const plan = card.getByTestId('plan-select');
		await expect(plan).toContainText('Spēkā esošais: lēmums Nr.57, 22.02.2018.');
		await choose(plan, /^Lēmums Nr\.57, 22\.02\.2018\. \(versija \d+\)$/);
		await card.getByRole('button', { name: 'Priekšskatīt' }).click();
		const frame = page.locator('iframe');
		await expect(frame).toHaveAttribute('src', /template=council-decision&lang=lv&.*plan=\d+/);
		const preview = await page.request.get((await frame.getAttribute('src'))!);
		expect(preview.headers()['content-type']).toBe('application/pdf');
		const text = pdfText(await preview.body()).replace(/\s+/g, ' ');
		expect(text).toContain('LĒMUMS');
		expect(text).toContain('Daugavpils pilsētas dome NOLEMJ:');
		await page.screenshot({ path: info.outputPath('documents-lv-1440.png'), fullPage: true });
		await context.close();
	});

	for (const lang of ['lv', 'en'] as const)
		for (const width of [390, 1440])
			test(`the plan picker fits the documents page at ${width} px in ${lang.toUpperCase()}`, async ({
				browser
			}, info) => {
				const { context, page } = await documentsPage(browser, lang, width);
				const plan = page.getByTestId('template-council-decision').getByTestId('plan-select');
				await expect(plan).toBeVisible();
				const over = await page.evaluate(
					() => document.documentElement.scrollWidth - window.innerWidth
				);
				expect(over).toBeLessThanOrEqual(0);
				await page.screenshot({
					path: info.outputPath(`documents-${lang}-${width}.png`),
					fullPage: true
				});
				await context.close();
			});
});
