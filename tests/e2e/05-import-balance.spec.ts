/**
 * The import check's control sums, as a coordinator reads them: a ledger with a totals line,
 * rejected rows (one amount unreadable) and another project's row, in both languages; then a
 * commit without the rejected rows, whose message says how many were skipped and links to the
 * import's page, where they are listed.
 */
import { expect, test } from '@playwright/test';
import { ImportPage } from '../pages/import-page';
import { signIn } from '../pages/sign-in';
import { answer } from '../pages/ui';

const LEDGER = 'tests/fixtures/imports/ledger-totals-rejected.csv';

test.describe('the import check balances', () => {
	test('in Latvian, and the commit says what it skipped and where it is listed', async ({
		page
	}) => {
		await signIn(page, 'coordinator');
		const importPage = new ImportPage(page);
		await importPage.open('SOLID');
		await importPage.importFile(LEDGER);
		const balance = page.getByTestId('import-balance');
		await expect(balance.getByTestId('balance-records')).toHaveText(
			'Ieraksti: 2 pieņemti + 2 noraidīti + 2 atlikti malā = 6 ieraksti failā'
		);
		await expect(balance.getByTestId('balance-amounts')).toHaveText(
			'Summas: pieņemtie 463,60 EUR + noraidītie 60,00 EUR + malā atliktie 250,00 EUR = 773,60 EUR — faila rindu summa'
		);
		await expect(balance).toContainText(
			'1 noraidītam ierakstam summa nav nolasāma: tas ieskaitīts ierakstos, bet ne summās.'
		);
		await expect(balance.getByTestId('balance-stated')).toHaveText(
			'Faila kopsummas rinda (773,60 EUR) sakrīt ar rindu summu.'
		);
		// The table's amount column adds up to its foot: the totals line is not in it.
		const amount = (row: RegExp) =>
			importPage.report.getByRole('row', { name: row }).locator('td').nth(1);
		await expect(amount(/^Atlikti malā/)).toHaveText('250,00 EUR');
		await expect(amount(/^kopsummu rindas/)).toHaveText('—');
		await expect(importPage.report.locator('tfoot td').nth(2)).toHaveText('773,60 EUR');

		await expect(importPage.commitButton()).toBeDisabled();
		await page.getByLabel('Importēt bez 2 noraidītajiem ierakstiem').check();
		await importPage.commitButton().click();
		const done = page.getByTestId('import-done');
		await expect(done).toContainText(/Importēts kā partija #\d+: 2 ieraksti\./);
		const batch = /#(\d+)/.exec((await done.textContent()) ?? '')![1]!;
		await expect(page.getByTestId('import-skipped')).toContainText(
			`2 noraidīti ieraksti izlaisti, nav importēti: tie uzskaitīti importa #${batch} lapā.`
		);

		await page.getByRole('link', { name: `Atvērt importu #${batch}` }).click();
		await expect(page).toHaveURL(new RegExp(`/projects/SOLID/imports/${batch}$`));
		await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Imports #${batch}`);
		const rejected = page.getByTestId('rejected-rows').locator('li');
		await expect(rejected).toHaveCount(2);
		await expect(rejected.first()).toContainText('4. rinda');
		await expect(rejected.last()).toContainText('5. rinda');
		await expect(page.getByTestId('balance-records')).toHaveText(
			'Ieraksti: 2 pieņemti + 2 noraidīti + 2 atlikti malā = 6 ieraksti failā'
		);

		// Leave SOLID as the demo made it, for the dashboard tests that follow.
		await page
			.getByRole('navigation', { name: 'Navigācijas ceļš' })
			.getByRole('link', { name: 'Importi' })
			.click();
		const latest = page.getByTestId('import-history').locator('tbody tr').first();
		await expect(latest).toContainText('ledger-totals-rejected.csv');
		await latest.getByRole('button', { name: 'Atsaukt' }).click();
		await answer(page, 'Atsaukt');
		await expect(page.getByRole('status')).toContainText('tā 2 rindas vairs netiek skaitītas');
	});

	test('in English', async ({ page, context, baseURL }) => {
		await context.addCookies([{ name: 'PARAGLIDE_LOCALE', value: 'en', url: baseURL! }]);
		await signIn(page, 'coordinator');
		const importPage = new ImportPage(page);
		await importPage.open('SOLID');
		await importPage.importFile(LEDGER);
		await expect(page.getByTestId('balance-records')).toHaveText(
			'Records: 2 accepted + 2 rejected + 2 set aside = 6 records in the file'
		);
		await expect(page.getByTestId('balance-amounts')).toHaveText(
			"Amounts: 463.60 EUR accepted + 60.00 EUR rejected + 250.00 EUR set aside = 773.60 EUR, the sum of the file's rows"
		);
		await expect(page.getByTestId('balance-stated')).toHaveText(
			"The file's totals line (773.60 EUR) equals the sum of its rows."
		);
	});
});
