/** The template editor as a person uses it: the text in CodeMirror, the review of the changes, saving. */
import { expect, type Page } from '@playwright/test';

/** The editor's own text box, once CodeMirror has replaced the plain textarea. */
export const codeEditor = (page: Page) => page.getByTestId('template-code').locator('.cm-content');

/** The text the form will post: CodeMirror mirrors every change into the textarea. */
export const postedText = (page: Page) => page.locator('textarea#source').inputValue();

/** Replaces the whole text, as a paste would. */
export async function replaceText(page: Page, text: string) {
	const editor = codeEditor(page);
	await expect(editor).toBeVisible({ timeout: 30_000 });
	await editor.click();
	await page.keyboard.press('ControlOrMeta+a');
	await page.keyboard.insertText(text);
	await expect.poll(() => postedText(page)).toBe(text);
}

/** Review changes, then save: the new version's number is said on the page. */
export async function reviewAndSave(page: Page) {
	await page.getByRole('button', { name: /^(Pārskatīt izmaiņas|Review changes)$/ }).click();
	await page.getByRole('button', { name: /^(Saglabāt kā versiju|Save as version) \d+$/ }).click();
}
