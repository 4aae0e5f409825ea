import { expect, test } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { signIn } from '../pages/sign-in';
import { postedText, replaceText, reviewAndSave } from '../pages/template-editor';

const pdfText = (pdf: Buffer) =>
	execFileSync('pdftotext', ['-enc', 'UTF-8', '-', '-'], { input: pdf }).toString('utf8');

test.describe('documents from templates', () => {
	// Each edit is checked, previewed and rendered in the render workers: minutes on a loaded machine.
	test.setTimeout(300_000);

	test('a coordinator previews the annex, then downloads and keeps it; an auditor verifies it', async ({
		page,
		browser
	}, info) => {
		await signIn(page, 'coordinator');
		await page.goto('/projects/SOLID');
		await page.getByRole('link', { name: 'Dokumenti' }).click();
		const annex = page.getByTestId('template-council-annex');
		await expect(annex).toContainText('Domes lēmuma pielikums');

		await annex.getByRole('button', { name: 'Priekšskatīt' }).click();
		const frame = page.locator('iframe');
		await expect(frame).toHaveAttribute(
			'src',
			/documents\/preview\?template=council-annex&lang=lv/
		);
		const preview = await page.request.get((await frame.getAttribute('src'))!);
		expect(preview.headers()['content-type']).toBe('application/pdf');
		expect(pdfText(await preview.body())).toContain('lēmumam Nr.57');

		const downloading = page.waitForEvent('download');
		await annex.getByRole('button', { name: 'Lejupielādēt un saglabāt' }).click();
		const download = await downloading;
		expect(download.suggestedFilename()).toMatch(
			/^SOLID-council-annex-lv-v\d+-\d{4}-\d{2}-\d{2}\.pdf$/
		);
		const file = info.outputPath('annex.pdf');
		await download.saveAs(file);
		const pdf = readFileSync(file);
		const sha = createHash('sha256').update(pdf).digest('hex');

		await page.reload();
		const made = page.getByTestId('documents-made');
		await expect(made.locator('tbody tr').first()).toContainText('Domes lēmuma pielikums v');
		await expect(made.locator(`code[title="${sha}"]`)).toHaveCount(1);

		const auditor = await browser.newPage();
		await signIn(auditor, 'auditor');
		await auditor.goto('/projects/SOLID/documents');
		await expect(auditor.getByRole('button', { name: 'Priekšskatīt' }).first()).toBeVisible();
		// An auditor makes the control report, and no other document.
		const keep = { name: 'Lejupielādēt un saglabāt' };
		await expect(
			auditor.getByTestId('template-council-annex').getByRole('button', keep)
		).toHaveCount(0);
		await expect(
			auditor.getByTestId('template-control-report').getByRole('button', keep)
		).toHaveCount(1);
		await expect(auditor.getByRole('button', keep)).toHaveCount(1);

		await auditor.goto('/verify');
		await auditor.getByLabel('PDF fails').setInputFiles(file);
		await auditor.getByRole('button', { name: 'Pārbaudīt' }).click();
		await expect(auditor.getByTestId('genuine')).toContainText('Īsts: cofund šo failu izveidoja');
		// The template by its name and the language in words, as a reader says them.
		await expect(auditor.getByTestId('genuine')).toContainText(
			'(“Domes lēmuma pielikums” v1, valoda: latviešu, projekts SOLID)'
		);
		await expect(auditor.getByTestId('data-same')).toBeVisible();

		const tampered = Buffer.from(pdf);
		const at = tampered.indexOf('/Producer') + 2;
		tampered[at] = tampered[at]! ^ 0x20;
		await auditor.getByLabel('PDF fails').setInputFiles({
			name: 'annex-altered.pdf',
			mimeType: 'application/pdf',
			buffer: tampered
		});
		await auditor.getByRole('button', { name: 'Pārbaudīt' }).click();
		await expect(auditor.getByTestId('not-genuine')).toContainText('Nav īsts');
		await expect(auditor.getByTestId('verdict')).toContainText(
			'uzdodas par dokumentu “Domes lēmuma pielikums” v1'
		);
		await auditor.close();
	});

	test('a broken template edit is refused with its line; a good one becomes the next version', async ({
		page
	}) => {
		await signIn(page, 'coordinator');
		await page.goto('/templates');
		await page
			.getByRole('row', { name: /council-annex/ })
			.getByRole('link', { name: 'Labot' })
			.click();
		const original = await postedText(page);
		const version = Number(
			/v(\d+)/.exec((await page.getByTestId('template-version').textContent())!)![1]
		);

		const lines = original.split('\n');
		const at = lines.findIndex((l) => l.includes("'Finansēšanas avots:'"));
		await replaceText(page, original.replace("'Finansēšanas avots:'", "'{{ project.kods }}'"));
		await reviewAndSave(page);
		await expect(page.getByTestId('template-problem')).toContainText(`${at + 1}. rinda`);
		await expect(page.getByTestId('template-problem')).toContainText('kods');

		await replaceText(page, original.replace("'Finansēšanas avots:'", "'Finansējuma avots:'"));
		await reviewAndSave(page);
		await expect(page.getByRole('status')).toContainText(`Saglabāts kā versija ${version + 1}`);
		const preview = await page.request.get(
			'/projects/SOLID/documents/preview?template=council-annex&lang=lv&date=2026-11-24'
		);
		expect(pdfText(await preview.body())).toContain('Finansējuma avots:');
		const earlier = await page.request.get(
			`/projects/SOLID/documents/preview?template=council-annex&lang=lv&date=2026-11-24&version=${version}`
		);
		expect(pdfText(await earlier.body())).toContain('Finansēšanas avots:');

		// Leave the annex as the demo made it, for the tests after this one.
		await page.goto('/templates/council-annex');
		await replaceText(page, original);
		await reviewAndSave(page);
		await expect(page.getByRole('status')).toContainText(`Saglabāts kā versija ${version + 2}`);
	});
	test('a template that loops 150,000,000 times is saved, its preview is refused, and the server keeps answering', async ({
		page
	}) => {
		await signIn(page, 'coordinator');
		await page.goto('/templates/council-annex');
		const original = await postedText(page);
		const version = Number(
			/v(\d+)/.exec((await page.getByTestId('template-version').textContent())!)![1]
		);
		await replaceText(
			page,
			original.replace(
				'content:\n',
				'content:\n  - text: "{% for i in (1..150000000) %}{% endfor %}"\n'
			)
		);
		await reviewAndSave(page);
		await expect(page.getByRole('status')).toContainText(`Saglabāts kā versija ${version + 1}`);

		const started = Date.now();
		const refused = await page.request.get(
			'/projects/SOLID/documents/preview?template=council-annex&lang=lv&date=2026-11-24'
		);
		expect(refused.status()).toBe(422);
		// As text the documents page's frame may show, not an error page it would refuse to frame.
		expect(refused.headers()['content-type']).toContain('text/plain');
		expect(refused.headers()['x-frame-options']).toBe('SAMEORIGIN');
		const said = await refused.text();
		expect(said).toMatch(/vairāk nekā 1.000.000 reižu/);
		expect(said).toContain(`versija ${version + 1} tagad atzīmēta kā kļūdaina`);
		expect(Date.now() - started).toBeLessThan(60_000);

		// The server answers, and documents are made from the version before the failed one.
		expect((await page.request.get('/projects')).status()).toBe(200);
		await page.goto('/projects/SOLID/documents');
		await expect(page.getByTestId('template-failure')).toContainText(`no versijas ${version}`);
		const preview = await page.request.get(
			'/projects/SOLID/documents/preview?template=council-annex&lang=lv&date=2026-11-24'
		);
		expect(preview.status()).toBe(200);
		expect(pdfText(await preview.body())).toContain('lēmumam Nr.57');
		await page.goto('/templates');
		await expect(page.getByRole('row', { name: /council-annex/ })).toContainText('kļūdaina');
		await page.goto('/templates/council-annex');
		await expect(page.locator('.page-head')).toContainText(
			`jaunie dokumenti tiek veidoti no versijas ${version}`
		);

		// Leave the annex as the demo made it.
		await replaceText(page, original);
		await reviewAndSave(page);
		await expect(page.getByRole('status')).toContainText(`Saglabāts kā versija ${version + 2}`);
	});
});
