/**
 * axe-core over the pages people read most, in both languages: no serious or critical
 * violation of WCAG 2 A/AA rules may appear.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { signIn } from '../pages/sign-in';

const PAGES = [
	'/projects',
	'/portfolio',
	'/projects/SOLID',
	'/projects/SOLID/dashboard',
	'/projects/SOLID/expenses?year=2019',
	'/projects/SOLID/imports',
	'/projects/SOLID/imports/1',
	'/projects/SOLID/import',
	'/projects/SOLID/documents',
	'/verify',
	'/templates',
	'/account'
];

for (const locale of ['lv', 'en'] as const) {
	test(`the main pages have no serious accessibility problems (${locale})`, async ({
		page,
		context,
		baseURL
	}) => {
		// Twelve pages, each waited on and scanned: minutes, not seconds, on a busy 2-core machine.
		test.setTimeout(300_000);
		await context.addCookies([{ name: 'PARAGLIDE_LOCALE', value: locale, url: baseURL! }]);
		await signIn(page, 'coordinator');
		const found: string[] = [];
		for (const path of PAGES) {
			await page.goto(path);
			await page.waitForLoadState('networkidle');
			const { violations } = await new AxeBuilder({ page })
				.withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
				.analyze();
			for (const v of violations) {
				if (v.impact === 'serious' || v.impact === 'critical') {
					found.push(
						`${path}: ${v.id} (${v.impact}) ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`
					);
				}
			}
		}
		expect(found).toEqual([]);
	});
}
