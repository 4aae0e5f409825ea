import { expect, test } from '@playwright/test';
import { signIn } from '../pages/sign-in';

test.describe('the audit chain', () => {
	test.beforeEach(({ page }) => signIn(page, 'auditor'));

	test('an auditor re-checks it on the audit page, against the head anchored outside the database', async ({
		page
	}) => {
		await page.goto('/audit');
		await page.getByRole('button', { name: 'Pārbaudīt ķēdi' }).click();
		const status = page.getByRole('status');
		// The count's plural form decides the words: "visi 20 ieraksti", but "21 ieraksts".
		await expect(status).toContainText(/Ķēde ir vesela: (visi \d+ ieraksti|\d+ ieraksts) atbilst/);
		await expect(status).toContainText(
			/Tajā joprojām ir (visi \d+ ārpus datubāzes nostiprinātie ieraksti|\d+ ārpus datubāzes nostiprinātais ieraksts)\./
		);
	});
});
