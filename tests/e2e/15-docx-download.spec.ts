import { expect, test } from '@playwright/test';
import { readFileSync } from 'node:fs';
import JSZip from 'jszip';
import { signIn } from '../pages/sign-in';

test.describe('documents as Word files', () => {
	// Rendered in the render workers: a minute or more on a loaded machine.
	test.setTimeout(300_000);

	test('a coordinator downloads the annex as a Word file, told that the PDF is the record', async ({
		page,
		browser
	}, info) => {
		await signIn(page, 'coordinator');
		await page.goto('/projects/SOLID/documents');
		const annex = page.getByTestId('template-council-annex');
		await expect(annex).toContainText(
			'Word fails ir labošanai un netiek glabāts: pārbaudāmais ieraksts ir PDF.'
		);
		const kept = page.locator('[data-testid="documents-made"] tbody tr');
		const before = await kept.count();
		const downloading = page.waitForEvent('download');
		await annex.getByRole('button', { name: 'Word (DOCX)' }).click();
		const download = await downloading;
		expect(download.suggestedFilename()).toMatch(
			/^SOLID-council-annex-lv-v\d+-\d{4}-\d{2}-\d{2}\.docx$/
		);
		const file = info.outputPath('annex.docx');
		await download.saveAs(file);
		const zip = await JSZip.loadAsync(readFileSync(file));
		expect(await zip.file('word/document.xml')!.async('string')).toContain('lēmumam Nr.57');

		// Not kept: the list of documents made is as it was.
		await page.reload();
		await expect(page.getByTestId('template-council-annex')).toBeVisible();
		await expect(kept).toHaveCount(before);

		for (const [width, lang] of [
			[390, 'lv'],
			[1440, 'lv'],
			[390, 'en'],
			[1440, 'en']
		] as const) {
			await page
				.context()
				.addCookies([{ name: 'PARAGLIDE_LOCALE', value: lang, url: new URL(page.url()).origin }]);
			await page.setViewportSize({ width, height: 900 });
			await page.goto('/projects/SOLID/documents');
			await expect(page.locator('html')).toHaveAttribute('lang', lang);
			await page.screenshot({
				path: info.outputPath(`documents-${lang}-${width}.png`),
				fullPage: true
			});
		}
		await expect(page.getByTestId('template-council-annex')).toContainText(
			'The Word file is for editing and is not kept: the PDF is the record that can be verified.'
		);

		const auditor = await browser.newPage();
		await signIn(auditor, 'auditor');
		await auditor.goto('/projects/SOLID/documents');
		await expect(
			auditor.getByRole('button', { name: /Priekšskatīt|Preview/ }).first()
		).toBeVisible();
		// An auditor makes the control report only: no Word file of the annex or any other.
		await expect(
			auditor.getByTestId('template-council-annex').getByTestId('download-docx')
		).toHaveCount(0);
		await expect(auditor.getByTestId('download-docx')).toHaveCount(1);
		await expect(
			auditor.getByTestId('template-control-report').getByTestId('download-docx')
		).toHaveCount(1);
		await auditor.close();
	});
});
