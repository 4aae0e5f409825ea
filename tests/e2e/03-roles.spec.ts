import { expect, test } from '@playwright/test';
import { demoEmail, signIn } from '../pages/sign-in';

test.describe('signing in', () => {
	test('sends a visitor to the sign-in page, and back where they were going', async ({ page }) => {
		await page.goto('/projects/SOLID');
		await expect(page).toHaveURL(/\/login\?next=%2Fprojects%2FSOLID$/);
		await page.getByLabel('E-pasts').fill(demoEmail('council'));
		await page.getByLabel('Parole').fill('not the password');
		await page.getByRole('button', { name: 'Pieteikties' }).click();
		await expect(page.getByRole('alert')).toHaveText('Nepareizs e-pasts vai parole.');
		await page.getByLabel('Parole').fill('demo password for e2e');
		await page.getByRole('button', { name: 'Pieteikties' }).click();
		await expect(page).toHaveURL(/\/projects\/SOLID$/);
		await page.getByRole('button', { name: 'Iziet' }).click();
		await expect(page).toHaveURL(/\/login$/);
		await page.goto('/projects');
		await expect(page).toHaveURL(/\/login/);
	});

	const roleNames = {
		admin: 'Administrators',
		coordinator: 'Koordinators',
		council: 'Domes pārstāvis',
		auditor: 'Auditors'
	} as const;
	for (const [role, name] of Object.entries(roleNames) as [keyof typeof roleNames, string][]) {
		test(`works for the ${role}, who sees SOLID and their role`, async ({ page }) => {
			await signIn(page, role);
			await expect(page.getByRole('link', { name: 'SOLID', exact: true })).toBeVisible();
			await expect(page.locator('.who')).toContainText(name);
		});
	}
});

test.describe('the auditor', () => {
	test.beforeEach(({ page }) => signIn(page, 'auditor'));

	test('reads SOLID and the audit log, but is offered no edits', async ({ page }) => {
		await page.goto('/projects/SOLID');
		await expect(page.getByTestId('figure-total')).toHaveText('4160 EUR');
		await page.getByRole('link', { name: 'Pārskats' }).click();
		await expect(page.getByTestId('figure-actual')).toHaveText('4184,70 EUR');
		await expect(page.getByTestId('figure-mobilities')).toHaveText('14 / 15');
		await page.goto('/projects/SOLID');
		await expect(page.getByRole('link', { name: 'Labot' })).toHaveCount(0);
		await page.goto('/projects');
		await expect(page.getByRole('link', { name: /Jauns projekts/ })).toHaveCount(0);

		await page.getByRole('link', { name: 'Audita žurnāls' }).click();
		const log = page.getByTestId('audit-table');
		await expect(log).toContainText('Izveidoja projektu SOLID');
		// The events of the auditor's projects; sign-ins belong to no project, and only an admin sees them.
		await expect(log).toContainText('Importēja ledger.csv');
		await expect(log).not.toContainText('Pieteicās');
		await page.getByRole('button', { name: 'Pārbaudīt ķēdi' }).click();
		await expect(page.getByRole('status')).toContainText('Ķēde ir vesela');
	});

	test('is refused by the server too, not just by the buttons', async ({ page, baseURL }) => {
		const edit = await page.goto('/projects/SOLID/edit');
		expect(edit?.status()).toBe(403);
		await expect(page.locator('main')).toContainText('Jums nav piekļuves šai lapai vai projektam.');
		const post = await page.request.post('/projects/SOLID/edit', {
			headers: { origin: baseURL! },
			form: { definition: '{}', version: '1' }
		});
		expect(post.status()).toBe(403);
		expect((await page.goto('/projects/new'))?.status()).toBe(403);
	});
});

test.describe('the council member', () => {
	test('reads SOLID but has no audit log', async ({ page }) => {
		await signIn(page, 'council');
		await page.goto('/projects/SOLID');
		await expect(page.getByTestId('year-total-2018')).toHaveText('3090 EUR');
		await expect(page.getByRole('link', { name: 'Audita žurnāls' })).toHaveCount(0);
		expect((await page.goto('/audit'))?.status()).toBe(403);
	});
});
