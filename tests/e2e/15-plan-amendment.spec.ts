import { expect, test } from '@playwright/test';
import { signIn } from '../pages/sign-in';
import { setDate } from '../pages/ui';

// Amends SOLID's plan, so it runs after every spec that reads SOLID's plan as adopted.
test.describe('the plan amendment of SOLID', () => {
	test('proposes 2019 +40,20 EUR, drafts it, and the decision No. 512 adopts it', async ({
		page
	}) => {
		// A dozen page loads and form posts on a shared 2-core machine.
		test.setTimeout(180_000);
		await signIn(page, 'coordinator');
		await page.goto('/projects/SOLID/dashboard');
		const alerts = page.getByTestId('alerts');
		await expect(alerts).toContainText('Plānam vajadzīgi grozījumi: 2019 +40,20 EUR.');
		await alerts.getByRole('link', { name: 'Sagatavot grozījumus' }).click();
		await expect(page).toHaveURL(/\/projects\/SOLID\/plan\/amend$/);

		const proposal = page.getByTestId('proposal');
		await expect(proposal.getByTestId('proposal-change')).toHaveText(
			'2019, pašvaldības līdzfinansējums: +40,20 EUR (670 EUR → 710,20 EUR)'
		);
		await expect(proposal.getByTestId('proposal-after')).toHaveText([
			'1500 EUR',
			'2700,20 EUR',
			'4200,20 EUR'
		]);
		await expect(proposal.getByTestId('plan-findings')).toContainText(
			'Plāns atbilst visiem noteikumiem.'
		);
		await proposal.getByTestId('proposal-accept').click();

		const draft = page.getByTestId('draft');
		await expect(draft.getByTestId('draft-status')).toHaveText('Melnraksts');
		await expect(draft.getByTestId('cofinancing-2019')).toHaveValue('710,20');
		await expect(draft.getByTestId('draft-total')).toHaveValue('4200,20');
		await expect(draft.getByTestId('draft-diff')).toContainText('670 EUR → 710,20 EUR');
		await expect(page.getByTestId('proposal-accept')).toHaveCount(0);

		await draft.getByTestId('draft-submit').click();
		await expect(draft.getByTestId('draft-status')).toHaveText('Iesniegts domei');
		await expect(draft.getByTestId('draft-figures')).toContainText('710,20 EUR');

		await setDate(draft.getByTestId('decision-form'), 'Lēmuma datums', '2019-09-19');
		await draft.getByTestId('decision-number').fill('512');
		await draft.getByTestId('decision-record').click();
		await expect(page.getByTestId('adopted')).toContainText('Lēmums Nr. 512 reģistrēts');
		await expect(page.getByTestId('plan-in-force')).toContainText('lēmums Nr. 512');
		await expect(page.getByTestId('proposal-none')).toBeVisible();
		await expect(page.getByTestId('draft')).toHaveCount(0);

		await page.goto('/projects/SOLID/dashboard');
		const years = page.getByTestId('chart-yearly-plan');
		await years.getByRole('button', { name: 'Tabula' }).click();
		await expect(years.getByTestId('year-2019')).toContainText('1110,20 EUR');
		await expect(years.getByTestId('year-2019')).toContainText('atbilst plānam');
		await expect(page.getByTestId('alerts')).not.toContainText('Plānam vajadzīgi grozījumi');
	});
});
