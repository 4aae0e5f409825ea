/**
 * The app's own select and confirm dialog, used with the keyboard alone: a person is added with a
 * role chosen by arrows, and disabling them asks first, where Escape and Cancel change nothing.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { signIn } from '../pages/sign-in';

const NAME = 'Klāvs Tastatūra';

async function seriousProblems(page: Page) {
	const { violations } = await new AxeBuilder({ page })
		.withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
		.analyze();
	return violations
		.filter((v) => v.impact === 'serious' || v.impact === 'critical')
		.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`);
}

test('a select and a confirm dialog work from the keyboard alone', async ({ page }) => {
	// Many steps, each waiting on the server; a wide margin on a busy machine.
	test.setTimeout(180_000);
	const email = `klavs.${Date.now().toString(36)}@cofund.example`;
	await signIn(page, 'admin');
	await page.goto('/people');
	const form = page.locator('form[action="?/add"]');

	await form.getByLabel('Vārds').fill(NAME);
	await form.getByLabel('E-pasts').fill(email);
	// Tab from the email field reaches the role select, shown as a combobox with its label.
	await page.keyboard.press('Tab');
	const role = form.getByRole('combobox', { name: 'Loma' });
	await expect(role).toBeFocused();
	await expect(role).toHaveText('Domes pārstāvis');

	// Enter opens the list on the chosen option; Escape closes it and keeps the value.
	await page.keyboard.press('Enter');
	const list = page.getByRole('listbox');
	await expect(list).toBeVisible();
	await expect(list.getByRole('option', { name: 'Domes pārstāvis' })).toHaveAttribute(
		'data-highlighted',
		''
	);
	expect(await seriousProblems(page)).toEqual([]);
	await page.keyboard.press('Escape');
	await expect(list).toBeHidden();
	await expect(role).toBeFocused();
	await expect(role).toHaveText('Domes pārstāvis');

	// Arrows move through the options and Enter picks one; the form's hidden input follows.
	await page.keyboard.press('Enter');
	await expect(list).toBeVisible();
	await page.keyboard.press('ArrowDown');
	await expect(list.getByRole('option', { name: 'Auditors' })).toHaveAttribute(
		'data-highlighted',
		''
	);
	await page.keyboard.press('Enter');
	await expect(list).toBeHidden();
	await expect(role).toHaveText('Auditors');
	await expect(form.locator('input[type=hidden][name=role]')).toHaveValue('auditor');

	// Submitted from the keyboard, the form carries the chosen role to the server.
	await form.getByRole('button', { name: 'Pievienot lietotāju' }).focus();
	await page.keyboard.press('Enter');
	const card = page.locator(`[data-testid="person"][data-email="${email}"]`);
	await expect(card.getByRole('combobox', { name: 'Loma' })).toHaveText('Auditors');

	// Disabling asks first. Escape closes the dialog, focus returns, nothing changes.
	const disable = card.getByRole('button', { name: 'Atspējot kontu' });
	await disable.focus();
	await page.keyboard.press('Enter');
	const dialog = page.getByRole('alertdialog', { name: `Atspējot kontu “${NAME}”?` });
	await expect(dialog).toBeVisible();
	await expect(dialog).toContainText('Lietotājs vairs nevarēs pieteikties');
	expect(await seriousProblems(page)).toEqual([]);
	await page.keyboard.press('Escape');
	await expect(dialog).toBeHidden();
	await expect(disable).toBeFocused();

	// Space opens it too; Cancel, reached by Tab and pressed with Enter, also changes nothing.
	await page.keyboard.press('Space');
	await expect(dialog).toBeVisible();
	const cancel = dialog.getByRole('button', { name: 'Atcelt' });
	const confirm = dialog.getByRole('button', { name: 'Atspējot kontu' });
	// Focus stays inside the dialog while it is open.
	for (let i = 0; i < 3; i++) {
		await page.keyboard.press('Tab');
		await expect(dialog.locator(':focus')).toHaveCount(1);
	}
	await cancel.focus();
	await page.keyboard.press('Enter');
	await expect(dialog).toBeHidden();
	await page.reload();
	await expect(card).not.toContainText('Atspējots');

	// Confirmed from the keyboard, the same button's form is sent: the account is disabled.
	await disable.focus();
	await page.keyboard.press('Enter');
	await expect(dialog).toBeVisible();
	await confirm.focus();
	await page.keyboard.press('Enter');
	await expect(dialog).toBeHidden();
	await expect(page.getByRole('status')).toContainText(NAME);
	await expect(card).toContainText('Atspējots');
});

test('a tooltip opens when its "?" is reached by Tab, and Escape hides it', async ({ page }) => {
	await signIn(page, 'coordinator');
	await page.goto('/projects/SOLID/documents');
	const annex = page.getByTestId('template-council-annex');
	// Back from the preview button (a date field holds several tab stops of its own). The plan's
	// choice has a "?" of its own before the date's, so the date's is the last one.
	await annex.getByRole('button', { name: 'Priekšskatīt' }).focus();
	await page.keyboard.press('Shift+Tab');
	await expect(annex.getByRole('button', { name: 'Paskaidrojums' }).last()).toBeFocused();
	const tip = page.getByRole('tooltip');
	await expect(tip).toContainText('Datums, ar kuru dokuments datēts');
	await page.keyboard.press('Escape');
	await expect(tip).toBeHidden();
});
