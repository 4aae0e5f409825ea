/** Page object: the project editor. */
import type { Locator, Page } from '@playwright/test';
import { typeDate } from './ui';

export class EditorPage {
	readonly liveCheck: Locator;

	constructor(readonly page: Page) {
		this.liveCheck = page.locator('aside').getByTestId('plan-findings');
	}

	field(path: string): Locator {
		return this.page.locator(`[data-path="${path}"] :is(input, textarea)`);
	}

	/** A date field of the editor: its day, month and year segments. */
	dateField(path: string): Locator {
		return this.page.locator(`[data-path="${path}"]`).getByRole('group');
	}

	/** Types an ISO date into a date field and leaves it, as a person does. */
	async fillDate(path: string, iso: string) {
		await typeDate(this.dateField(path), iso);
		await this.dateField(path).getByRole('spinbutton').last().blur();
	}

	issues(path: string): Locator {
		return this.page.locator(`[data-path="${path}"] .issues`);
	}

	async fill(path: string, value: string) {
		await this.field(path).fill(value);
		await this.field(path).blur();
	}

	async save() {
		await this.page.getByRole('button', { name: /^(Saglabāt|Save)$/ }).click();
	}

	async saveAndWait() {
		await Promise.all([this.page.waitForURL(/\/projects\/[^/]+\?saved=/), this.save()]);
	}
}
