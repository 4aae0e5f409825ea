/**
 * No column is lost silently: a ledger whose code column has a header cofund does not know is
 * checked with a warning that names the field, the column can be chosen right there, and the
 * commit waits until it is chosen or the import without it is confirmed. With E2E_SHOTS set to
 * a folder, the check is also saved there at 1440 and 390 px, in LV and EN, to look at.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { join } from 'node:path';
import { ImportPage } from '../pages/import-page';
import { signIn } from '../pages/sign-in';
import { answer, choose } from '../pages/ui';

const LEDGER = 'tests/fixtures/imports/ledger-code-unnamed.csv';
const shots = process.env.E2E_SHOTS;

async function shoot(page: Page, name: string) {
	if (!shots) return;
	for (const width of [1440, 390]) {
		await page.setViewportSize({ width, height: 900 });
		await page.getByTestId('column-warnings').scrollIntoViewIfNeeded();
		await page.screenshot({ path: join(shots, `${name}-${width}.png`), fullPage: true });
	}
	await page.setViewportSize({ width: 1280, height: 720 });
}

test.describe('a ledger without a recognised code column', () => {
	test.beforeEach(({ page }) => signIn(page, 'coordinator'));

	test('is flagged, mapped in the warning, checked again and then imported', async ({ page }) => {
		const importPage = new ImportPage(page);
		await importPage.open('SOLID');
		await importPage.importFile(LEDGER);
		const warnings = page.getByTestId('column-warnings');
		await expect(warnings).toContainText('Nav kolonnas laukam “EKK (klasifikācijas kods)”.');
		await expect(warnings).toContainText('tabulās pēc kodiem tie būtu “Bez koda”');
		const confirm = page.getByLabel('Apstiprinu: importēt bez laukiem EKK (klasifikācijas kods)');
		await expect(confirm).not.toBeChecked();
		await expect(importPage.commitButton()).toBeDisabled();
		await shoot(page, 'check-lv');

		await choose(warnings.getByLabel('Kolonna laukam “EKK (klasifikācijas kods)”'), '5. Kods');
		// The full mapping table shows the same choice.
		await expect(
			page.getByTestId('column-mapping').getByLabel('EKK (klasifikācijas kods)')
		).toHaveText('5. Kods');
		await expect(importPage.commitButton()).toBeDisabled();
		await warnings.getByRole('button', { name: 'Pārbaudīt vēlreiz' }).click();
		await expect(warnings).not.toContainText('EKK');
		await expect(confirm).toHaveCount(0);
		await shoot(page, 'mapped-lv');
		await expect(importPage.count(/^Pieņemti/)).toHaveText('3');
		await importPage.commitButton().click();
		await expect(page.getByTestId('import-done')).toContainText('3 ieraksti');

		// The codes are in place: the rows are found by them.
		await page.goto('/projects/SOLID/imports');
		const latest = page.getByTestId('import-history').locator('tbody tr').first();
		await expect(latest).toContainText('ledger-code-unnamed.csv');
		// Leave SOLID as the demo made it, for the tests that follow.
		await latest.getByRole('button', { name: 'Atsaukt' }).click();
		await answer(page, 'Atsaukt');
		await expect(page.getByRole('status')).toContainText('tā 3 rindas vairs netiek skaitītas');
	});

	test('in English, the commit waits for the import without codes to be confirmed', async ({
		page,
		context,
		baseURL
	}) => {
		await context.addCookies([{ name: 'PARAGLIDE_LOCALE', value: 'en', url: baseURL! }]);
		const importPage = new ImportPage(page);
		await importPage.open('SOLID');
		await importPage.importFile(LEDGER);
		const warnings = page.getByTestId('column-warnings');
		await expect(warnings).toContainText('No column for “Category (classification code)”.');
		await expect(warnings).toContainText('Every amount is read in EUR');
		await expect(importPage.commitButton()).toBeDisabled();
		await shoot(page, 'check-en');
		// The warning and its choices are read out as well as shown.
		const { violations } = await new AxeBuilder({ page })
			.include('[data-testid="column-warnings"]')
			.withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
			.analyze();
		expect(violations.map((v) => `${v.id} (${v.impact})`)).toEqual([]);
		await page.getByLabel('I confirm: import without Category (classification code)').check();
		await expect(importPage.commitButton()).toBeEnabled();
	});
});
