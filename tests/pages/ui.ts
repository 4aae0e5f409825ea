/** How a person uses the app's own controls: pick from a select or combobox, answer a confirm dialog. */
import { expect, type Locator, type Page } from '@playwright/test';

/** Opens a select by its trigger and picks the option with this name (exact text, or a pattern). */
export async function choose(trigger: Locator, option: string | RegExp) {
	await trigger.click();
	const list = trigger.page().getByRole('listbox');
	await expect(list).toBeVisible();
	await list.getByRole('option', { name: option, exact: typeof option === 'string' }).click();
	await expect(list).toBeHidden();
}

/** Types into a combobox and picks the option with this name. */
export async function pick(input: Locator, option: string) {
	// Typed key by key, as a person does: the list opens on the first key and narrows.
	await input.fill('');
	await input.pressSequentially(option);
	const list = input.page().getByRole('listbox');
	await list.getByRole('option', { name: option, exact: true }).click();
	await expect(list).toBeHidden();
}

/** Answers the open confirm dialog with the button of this name. */
export async function answer(page: Page, button: string | RegExp) {
	const dialog = page.getByRole('alertdialog');
	await expect(dialog).toBeVisible();
	await dialog.getByRole('button', { name: button }).click();
	await expect(dialog).toBeHidden();
}
