/**
 * How a person uses the app's own controls: pick from a select or combobox, type a date, answer a
 * confirm dialog.
 */
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

/** A date field (the app's DateField) by its label: a group of day, month and year segments. */
export function dateField(scope: Page | Locator, label: string | RegExp): Locator {
	return scope.getByRole('group', { name: label, exact: typeof label === 'string' });
}

/**
 * Types an ISO date (`2019-03-01`) into a date field as a person does: clicks the first segment
 * and types each segment's digits in the order the field shows them (day first in LV and EN),
 * the field moving on by itself when a segment is full. An empty date clears the field.
 */
export async function setDate(scope: Page | Locator, label: string | RegExp, iso: string) {
	await typeDate(dateField(scope, label), iso);
}

/** As setDate, for a field already found (an editor field found by its path, say). */
export async function typeDate(field: Locator, iso: string) {
	const segments = field.getByRole('spinbutton');
	const page = field.page();
	if (iso === '') {
		// Backspace empties a segment, and a second one moves to the previous segment.
		await segments.last().click();
		for (let i = 0; i < 12; i++) await page.keyboard.press('Backspace');
		await expect(segments.first()).toHaveAttribute('aria-valuetext', 'Empty');
		return;
	}
	const [year, month, day] = iso.split('-');
	const digits: Record<string, string | undefined> = { year, month, day };
	await segments.first().click();
	for (const segment of await segments.all()) {
		const part = (await segment.getAttribute('data-segment')) ?? '';
		const typed = digits[part];
		if (typed === undefined) throw new Error(`a date field with a ${part} segment`);
		await expect(segment).toBeFocused();
		await page.keyboard.type(typed);
	}
}
