/** Page object: one project's page. */
import { expect, type Locator, type Page } from '@playwright/test';

export class ProjectPage {
	readonly findings: Locator;
	readonly description: Locator;
	readonly events: Locator;

	constructor(readonly page: Page) {
		this.events = page.getByTestId('event-table');
		this.findings = page.getByTestId('plan-findings');
		this.description = page.getByTestId('project-description');
	}

	async open(code: string) {
		await this.page.goto(`/projects/${code}`);
		await expect(this.page.locator('h1')).toBeVisible();
	}

	async switchLanguage(locale: 'LV' | 'EN') {
		await this.page.getByRole('button', { name: locale, exact: true }).click();
		await expect(this.page.locator('html')).toHaveAttribute('lang', locale.toLowerCase());
	}

	async text(): Promise<string> {
		return (await this.page.locator('main').innerText()).replace(/\u00a0/g, ' ');
	}

	async edit() {
		await this.page.getByRole('link', { name: /^(Labot|Edit)$/ }).click();
		await expect(this.page.locator('form.editor')).toBeVisible();
	}
}
