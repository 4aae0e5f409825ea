/**
 * The template editor as a coordinator uses it: a heading of the final report changed by typing
 * in the editor shows in the live preview's PDF, the review shows the changed line, and saving
 * makes the next version; a YAML error is marked at its line, in Latvian, and two problems on two
 * lines are both marked, each at its own. Then the page at a phone's and a desktop's width, in
 * both languages, fits its screen.
 */
import { expect, test, type Page, type Response } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { signIn } from '../pages/sign-in';
import { codeEditor, postedText, replaceText, reviewAndSave } from '../pages/template-editor';

const pdfText = (pdf: Buffer) =>
	execFileSync('pdftotext', ['-enc', 'UTF-8', '-', '-'], { input: pdf }).toString('utf8');

const SHOTS = '/work/shots/editor';
const ADDED = ' un rezultāti';

/** The first heading's Latvian line: its number in the text and its words. */
function firstHeading(text: string): { line: number; words: string } {
	const lines = text.split('\n');
	const at = lines.findIndex((l) => /^\s*- heading:\s*$/.test(l));
	const lv = /^\s+lv: (.+)$/.exec(lines[at + 1]!);
	expect(lv, 'the first heading has an LV line under it').not.toBeNull();
	return { line: at + 2, words: lv![1]!.replace(/^['"]|['"]$/g, '') };
}

/** The next preview that renders a text holding `needle`. */
const previewWith = (page: Page, needle: string) =>
	page.waitForResponse(
		(r: Response) =>
			r.url().endsWith('/templates/final-report/preview') &&
			r.status() === 200 &&
			(r.request().postDataBuffer()?.toString('utf8').includes(needle) ?? false),
		{ timeout: 180_000 }
	);

/** Puts the cursor at the end of a line of the text, by keyboard only. */
async function toLineEnd(page: Page, line: number) {
	await codeEditor(page).click();
	await page.keyboard.press('ControlOrMeta+Home');
	for (let i = 1; i < line; i++) await page.keyboard.press('ArrowDown');
	await page.keyboard.press('End');
}

test.describe('the template editor', () => {
	test.setTimeout(600_000);

	test('a coordinator changes a heading, sees it in the preview and the diff, and saves a new version; a YAML error is marked at its line in Latvian', async ({
		page,
		baseURL
	}) => {
		await signIn(page, 'coordinator');
		const first = previewWith(page, 'content:');
		await page.goto('/templates/final-report');
		await expect(codeEditor(page)).toBeVisible({ timeout: 60_000 });
		const original = await postedText(page);
		// The heading is the template's name; its id and version sit on a small line below.
		await expect(page.locator('h1')).toHaveText('Noslēguma ziņojums');
		await expect(page.getByTestId('template-version')).toContainText('final-report');
		const version = Number(
			/v(\d+)/.exec((await page.getByTestId('template-version').textContent())!)![1]
		);
		const heading = firstHeading(original);

		// The preview of the text as saved, drawn as pages: the heading as it was.
		await first;
		const shown = page.getByTestId('preview-text');
		await expect(shown).toContainText(heading.words, { timeout: 120_000 });
		await expect(shown).not.toContainText(heading.words + ADDED);
		await expect(page.getByTestId('preview-pages').locator('canvas').first()).toBeVisible();

		// Typed at the end of the heading's line; the preview follows the unsaved text.
		const changed = previewWith(page, heading.words + ADDED);
		await toLineEnd(page, heading.line);
		await page.keyboard.type(ADDED, { delay: 20 });
		await expect.poll(() => postedText(page)).toContain(heading.words + ADDED);
		await changed;
		await expect(shown).toContainText(heading.words + ADDED, { timeout: 120_000 });
		// The same text rendered by the server is the PDF a document would be, heading and all.
		const pdf = await page.request.post('/templates/final-report/preview', {
			headers: { origin: baseURL! },
			multipart: { source: await postedText(page), project: 'SOLID', lang: 'lv' }
		});
		expect(pdf.headers()['content-type']).toBe('application/pdf');
		expect(pdfText(Buffer.from(await pdf.body()))).toContain(heading.words + ADDED);
		await expect(page.getByTestId('template-lint')).toHaveText('Kļūdu nav.', { timeout: 60_000 });

		// The review shows the one changed line, old and new, at its number.
		await page.getByRole('button', { name: 'Pārskatīt izmaiņas' }).click();
		const review = page.getByTestId('template-review');
		await expect(review).toContainText(`Izmaiņas pret versiju ${version}`);
		await expect(review).toContainText('Pievienotas rindas: 1, dzēstas rindas: 1.');
		await expect(review.getByTestId('diff-removed')).toHaveCount(1);
		await expect(review.getByTestId('diff-removed')).toContainText(`lv: ${heading.words}`);
		await expect(review.getByTestId('diff-removed')).toContainText(String(heading.line));
		await expect(review.getByTestId('diff-added')).toHaveCount(1);
		await expect(review.getByTestId('diff-added')).toContainText(`lv: ${heading.words}${ADDED}`);

		await page.getByRole('button', { name: `Saglabāt kā versiju ${version + 1}` }).click();
		await expect(page.getByRole('status')).toContainText(`Saglabāts kā versija ${version + 1}`);
		await expect(page.getByTestId('template-version')).toContainText(`v${version + 1}`);
		await expect(page.getByTestId('template-versions').locator('li').first()).toContainText(
			`v${version + 1}`
		);
		await expect(page.getByTestId('template-versions')).toContainText(`v${version}`);
		// Each version by its author's name: the coordinator, and cofund itself for the file's.
		const versions = page.getByTestId('template-versions').locator('li');
		await expect(versions.first()).toContainText('Jānis Bērziņš');
		await expect(versions.last()).toContainText('cofund (sistēma)');
		await expect(page.getByTestId('template-versions')).not.toContainText('@');
		expect(await postedText(page)).toContain(heading.words + ADDED);

		// A key written twice: the lint marks its line, and says so in Latvian.
		await expect(codeEditor(page)).toBeVisible({ timeout: 60_000 });
		await toLineEnd(page, heading.line);
		await page.keyboard.press('Enter');
		await page.keyboard.type('lv: Vēlreiz', { delay: 20 });
		const bad = heading.line + 1;
		const lint = page.getByTestId('template-lint');
		await expect(lint).toHaveText(
			`${bad}. rinda: Šī atslēga te jau ir uzrakstīta; katra atslēga drīkst būt tikai vienreiz.`,
			{ timeout: 60_000 }
		);
		const marker = page.locator('.cm-gutter-lint .cm-lint-marker-error');
		await expect(marker).toHaveCount(1);
		const number = page.locator('.cm-lineNumbers .cm-gutterElement', {
			hasText: new RegExp(`^${bad}$`)
		});
		const [markerBox, numberBox] = [await marker.boundingBox(), await number.boundingBox()];
		expect(Math.abs(markerBox!.y - numberBox!.y)).toBeLessThan(4);
		await expect(page.locator('.cm-lintRange-error')).toHaveCount(1);
		await page.screenshot({ path: `${SHOTS}/lint-error-lv-1440.png` });

		// Saving it anyway is refused at the same line, in Latvian.
		await reviewAndSave(page);
		await expect(page.getByTestId('template-problem')).toContainText(
			`Nav saglabāts: ${bad}. rinda: Šī atslēga te jau ir uzrakstīta`
		);

		// Leave the final report as the demo made it, for the tests after this one.
		await replaceText(page, original);
		await reviewAndSave(page);
		await expect(page.getByRole('status')).toContainText(`Saglabāts kā versija ${version + 2}`);
	});

	test('two problems on two lines are both marked, each at its line, in English', async ({
		page,
		context,
		baseURL
	}) => {
		await context.addCookies([{ name: 'PARAGLIDE_LOCALE', value: 'en', url: baseURL! }]);
		await signIn(page, 'coordinator');
		await page.goto('/templates/final-report');
		await expect(codeEditor(page)).toBeVisible({ timeout: 60_000 });
		const lines = (await postedText(page)).split('\n');
		const heading = firstHeading(lines.join('\n'));
		// The first heading's LV line names an unknown field, and its EN line leaves a tag open:
		// two texts, two problems, on two lines in sight.
		const [lv, en] = [heading.line - 1, heading.line];
		expect(lines[en]).toMatch(/^\s+en: /);
		lines[lv] = lines[lv]!.replace(/lv: .*$/, 'lv: "{{ project.nosuch }}"');
		lines[en] = lines[en]!.replace(/en: .*$/, "en: '{% if project.code %}open'");
		await replaceText(page, lines.join('\n'));
		// Back to the heading: the editor draws the gutter of the lines in sight.
		await toLineEnd(page, heading.line);
		const lint = page.getByTestId('template-lint');
		await expect(lint).toContainText(
			`Line ${heading.line}: Unknown field “nosuch” in project.nosuch.`,
			{ timeout: 60_000 }
		);
		await expect(lint).toContainText(
			`Line ${heading.line + 1}: “{% if project.code %}” is not closed.`
		);
		await expect(page.locator('.cm-gutter-lint .cm-lint-marker-error')).toHaveCount(2);
		await expect(page.locator('.cm-lintRange-error')).toHaveCount(2);
		await page.screenshot({ path: `${SHOTS}/lint-two-errors-en-1440.png` });
		// Nothing is saved: the text is left unsaved when the page closes.
	});

	for (const lang of ['lv', 'en'] as const)
		for (const width of [390, 1440])
			test(`the editor at ${width} px in ${lang.toUpperCase()} fits the screen`, async ({
				page,
				context,
				baseURL
			}) => {
				mkdirSync(SHOTS, { recursive: true });
				await context.addCookies([{ name: 'PARAGLIDE_LOCALE', value: lang, url: baseURL! }]);
				await page.setViewportSize({ width, height: width < 800 ? 844 : 900 });
				await signIn(page, 'coordinator');
				const preview = previewWith(page, 'content:');
				await page.goto('/templates/final-report');
				await expect(codeEditor(page)).toBeVisible({ timeout: 60_000 });
				await preview;
				const pages = page.getByTestId('preview-pages');
				await expect(pages.locator('canvas').first()).toBeVisible({ timeout: 120_000 });
				const [editor, frame] = [
					await page.getByTestId('template-code').boundingBox(),
					await pages.boundingBox()
				];
				// Side by side on a desktop, one above the other on a phone.
				if (width >= 1280) expect(frame!.x).toBeGreaterThan(editor!.x + editor!.width - 1);
				else expect(frame!.y).toBeGreaterThan(editor!.y + editor!.height - 1);
				await expect(page.getByTestId('template-lint')).toHaveText(
					lang === 'lv' ? 'Kļūdu nav.' : 'No errors.',
					{ timeout: 60_000 }
				);
				const overflow = await page.evaluate(
					() => document.documentElement.scrollWidth - window.innerWidth
				);
				await page.screenshot({ path: `${SHOTS}/editor-${lang}-${width}.png`, fullPage: true });
				expect(overflow, 'nothing is wider than the screen').toBeLessThanOrEqual(0);

				// Completion offers the reference's fields, described in the reader's language.
				await toLineEnd(page, firstHeading(await postedText(page)).line);
				await page.keyboard.type(' {{ project.co', { delay: 20 });
				const option = page.locator('.cm-tooltip-autocomplete li', { hasText: 'project.code' });
				await expect(option).toBeVisible({ timeout: 30_000 });
				await expect(page.locator('.cm-completionInfo')).toHaveText(
					lang === 'lv' ? 'Īsais kods, piemēram, SOLID' : 'The short code, e.g. SOLID'
				);
				await page.screenshot({ path: `${SHOTS}/completion-${lang}-${width}.png` });

				await page.goto('/templates/reference');
				await expect(page.getByRole('row', { name: /^events\[\]\.place/ })).toContainText(
					lang === 'lv' ? 'Pilsēta un valsts vai tikai valsts' : 'City and country, or just'
				);
				await page.screenshot({ path: `${SHOTS}/reference-${lang}-${width}.png` });
			});
});
