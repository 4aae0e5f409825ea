/**
 * The final report's texts and the letterhead, as a coordinator and an admin use them: the
 * admin sets the municipality's name and logo, the coordinator writes an event's narrative, and
 * the final report made from the documents page carries both. Both pages fit a phone.
 */
import { expect, test } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { signIn } from '../pages/sign-in';

const SHOTS = process.env.COFUND_SHOTS_DIR;

/** A 2 × 2 px red PNG (zlib-compressed RGB rows), small enough to write out here. */
const PNG = Buffer.from(
	'iVBORw0KGgoAAAANSUhEUgAAAAIAAAACCAIAAAD91JpzAAAAEElEQVR4nGM4IScHRAwQCgAfJgQRoo8irwAAAABJRU5ErkJggg==',
	'base64'
);

test.describe.configure({ mode: 'serial' });

test('an admin sets the letterhead, a coordinator writes a narrative, and the report carries both', async ({
	browser
}, info) => {
	// Two people, a PDF made and read: minutes on a busy machine, not the default 30 s.
	test.setTimeout(240_000);
	const admin = await browser.newPage();
	await signIn(admin, 'admin');
	await admin.goto('/settings');
	await admin
		.getByRole('textbox', { name: 'Nosaukums latviski', exact: true })
		.fill('Daugavpils valstspilsētas pašvaldība');
	await admin.getByTestId('logo-file').locator('input[type=file]').setInputFiles({
		name: 'logo.png',
		mimeType: 'image/png',
		buffer: PNG
	});
	await admin.getByRole('button', { name: /^(Saglabāt|Save)$/ }).click();
	await expect(admin.getByRole('status')).toBeVisible();
	await expect(admin.locator('img.logo')).toBeVisible();
	// A file that is not an image is refused, in words.
	await admin
		.getByTestId('logo-file')
		.locator('input[type=file]')
		.setInputFiles({
			name: 'logo.png',
			mimeType: 'image/png',
			buffer: Buffer.from('not a picture')
		});
	await admin.getByRole('button', { name: /^(Saglabāt|Save)$/ }).click();
	await expect(admin.getByRole('alert')).toContainText(/PNG|JPEG/);
	await admin.close();

	const page = await browser.newPage();
	await signIn(page, 'coordinator');
	await page.goto('/projects/SOLID/documents');
	await page.getByTestId('report-texts-link').click();
	await expect(page).toHaveURL(/\/projects\/SOLID\/report$/);
	const event1 = page.getByTestId('narrative-1');
	await event1.locator('textarea[name="happened.lv"]').fill('Atklāšanas tikšanās Jettē.');
	await event1.locator('textarea[name="happened.en"]').fill('The kick-off meeting in Jette.');
	await event1.getByRole('button').click();
	await expect(event1.getByRole('status')).toBeVisible();
	// The text is kept: a fresh load shows it.
	await page.reload();
	await expect(page.getByTestId('narrative-1').locator('textarea[name="happened.lv"]')).toHaveValue(
		'Atklāšanas tikšanās Jettē.'
	);

	await page.goto('/projects/SOLID/documents');
	const report = page.getByTestId('template-final-report');
	const downloading = page.waitForEvent('download');
	await report
		.getByRole('button', { name: /^(Lejupielādēt un saglabāt|Download and keep)$/ })
		.click();
	const file = info.outputPath('final-report.pdf');
	await (await downloading).saveAs(file);
	const text = execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'])
		.toString('utf8')
		.replace(/\s+/g, ' ');
	expect(text).toContain('Daugavpils valstspilsētas pašvaldība');
	expect(text).toContain('4. Pasākumu norise un rezultāti');
	expect(text).toContain('Norise. Atklāšanas tikšanās Jettē.');
	await page.close();
});

test('the report texts and the letterhead fit a phone and a desktop, in Latvian and English', async ({
	browser,
	baseURL
}, info) => {
	test.setTimeout(240_000);
	const shots = SHOTS ?? info.outputPath('shots');
	mkdirSync(shots, { recursive: true });
	for (const [role, path, name] of [
		['coordinator', '/projects/SOLID/report', 'report-texts'],
		['admin', '/settings', 'letterhead']
	] as const)
		for (const locale of ['lv', 'en'])
			for (const width of [390, 1440]) {
				const context = await browser.newContext({ viewport: { width, height: 900 } });
				await context.addCookies([{ name: 'PARAGLIDE_LOCALE', value: locale, url: baseURL! }]);
				const page = await context.newPage();
				await signIn(page, role);
				await page.goto(path);
				await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
				const wide = await page.evaluate(() => document.documentElement.scrollWidth);
				expect(wide, `${name} ${locale} at ${width} px`).toBeLessThanOrEqual(width);
				await page.screenshot({ path: `${shots}/${name}-${locale}-${width}.png`, fullPage: true });
				await context.close();
			}
});
