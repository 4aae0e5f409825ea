/** The import page, as a coordinator uses it: choose the kind, drop a file, read the check, commit. */
import { expect, type Page } from '@playwright/test';

export class ImportPage {
	constructor(readonly page: Page) {}

	async open(code: string) {
		await this.page.goto(`/projects/${code}/import`);
	}

	async importFile(path: string, kind: 'expenses' | 'participation' = 'expenses') {
		await this.page
			.getByRole('tab', {
				name: kind === 'expenses' ? /^(Grāmatvedības eksports|Ledger)/ : /^(Komandējumu|Travel)/
			})
			.click();
		await this.page.locator('input[type=file]').setInputFiles(path);
		// A check can take a while on a busy machine; the default five seconds is not a limit of the app.
		await expect(this.report.or(this.failure)).toBeVisible({ timeout: 60_000 });
	}

	get report() {
		return this.page.getByTestId('import-report');
	}

	get failure() {
		return this.page.getByTestId('import-failure');
	}

	/** The count in a row of the report, by the row's heading. */
	count(row: RegExp) {
		return this.report.getByRole('row', { name: row }).locator('td').first();
	}

	commitButton() {
		return this.page.getByRole('button', { name: /^(Importēt|Import) \d+/ });
	}
}
