/** The people page as an admin uses it: add a person, find their card, press its buttons. */
import { expect, type Page } from '@playwright/test';
import { choose } from './ui';

export class PeoplePage {
	constructor(readonly page: Page) {}

	async open() {
		await this.page.goto('/projects');
		await this.page.getByRole('link', { name: 'Lietotāji' }).click();
		await expect(this.page.getByRole('heading', { level: 1, name: 'Lietotāji' })).toBeVisible();
	}

	async add(person: { name: string; email: string; role: string; projects: string[] }) {
		const form = this.page.locator('form[action="?/add"]');
		await form.getByLabel('Vārds').fill(person.name);
		await form.getByLabel('E-pasts').fill(person.email);
		await choose(form.getByLabel('Loma'), person.role);
		for (const code of person.projects) await form.getByLabel(code, { exact: true }).check();
		await form.getByRole('button', { name: 'Pievienot lietotāju' }).click();
	}

	card(email: string) {
		return this.page.locator(`[data-testid="person"][data-email="${email}"]`);
	}

	/** The one-time link the page shows after adding a person or issuing a link. */
	async link(): Promise<string> {
		const box = this.page.getByTestId('reset-link');
		await expect(box).toHaveValue(/\/reset\?token=/);
		return box.inputValue();
	}

	async press(email: string, button: string) {
		await this.card(email).getByRole('button', { name: button }).click();
	}
}
