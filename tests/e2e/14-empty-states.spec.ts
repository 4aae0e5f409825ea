/**
 * Empty and first-run states, and an editor that agrees with itself: a project without imports
 * says so and offers the import, with no alert of zero; an empty new-project form says
 * "required" at its fields and gives no plan verdict; a half-filled one is kept as a draft,
 * listed, continued and discarded; the save bar stays on screen however far the form scrolls.
 * Screenshots at 390 and 1440 px, LV and EN, go to E2E_SHOTS when it names a folder.
 */
import { expect, test, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { EditorPage } from '../pages/editor-page';
import { signIn } from '../pages/sign-in';

const EMPTY = 'EMPTY14';
const shots = process.env.E2E_SHOTS;

async function shoot(page: Page, name: string, scroll?: () => Promise<void>) {
	if (!shots) return;
	const url = page.url();
	for (const locale of ['lv', 'en'] as const) {
		await page.context().addCookies([{ name: 'PARAGLIDE_LOCALE', value: locale, url }]);
		for (const width of [1440, 390]) {
			await page.setViewportSize({ width, height: 900 });
			await page.goto(url);
			if (scroll) await scroll();
			await page.screenshot({
				path: join(shots, `${name}-${locale}-${width}.png`),
				fullPage: !scroll
			});
		}
	}
	await page.context().addCookies([{ name: 'PARAGLIDE_LOCALE', value: 'lv', url }]);
	await page.setViewportSize({ width: 1280, height: 720 });
	await page.goto(url);
}

// Four screenshots a page on a shared 2-core machine: room to spare.
test.describe.configure({ timeout: 180_000 });

test.describe('a project without imports', () => {
	test.beforeAll(async ({ browser, baseURL }) => {
		const page = await browser.newPage();
		await signIn(page, 'admin');
		const solid = JSON.parse(readFileSync('static/samples/solid/project.json', 'utf8'));
		const created = await page.request.post('/projects/new', {
			headers: { origin: baseURL!, accept: 'text/html' },
			form: { definition: JSON.stringify({ ...solid, code: EMPTY }) },
			maxRedirects: 0
		});
		// 409: made already, when a failed test restarted the worker and this runs again.
		expect([303, 409]).toContain(created.status());
		await page.close();
	});

	test.beforeEach(({ page }) => signIn(page, 'admin'));

	test('shows its dashboard empty, offers the import, and raises no alert of zero', async ({
		page
	}) => {
		await page.goto(`/projects/${EMPTY}/dashboard`);
		const empty = page.getByTestId('no-imports');
		await expect(empty).toContainText('Vēl nekas nav importēts');
		await expect(empty.getByRole('link', { name: 'Importēt datnes' })).toHaveAttribute(
			'href',
			`/projects/${EMPTY}/import`
		);
		// All five events have passed with no trip recorded, and none of them is an alert.
		await expect(page.getByTestId('alerts')).toHaveText(/Nekas neprasa uzmanību\./);
		await expect(page.getByTestId('alerts').locator('li')).toHaveCount(0);
		await expect(page.getByTestId('figure-mobilities')).toHaveText('0 / 15');
		await shoot(page, 'empty-dashboard');
	});

	test('says so on its overview, expenses and trips pages', async ({ page }) => {
		await page.goto(`/projects/${EMPTY}`);
		await expect(page.getByTestId('no-imports')).toContainText('Vēl nekas nav importēts');
		await shoot(page, 'empty-overview');
		await page.goto(`/projects/${EMPTY}/expenses`);
		await expect(page.getByTestId('no-imports')).toContainText('grāmatvedības izdruka');
		await page.goto(`/projects/${EMPTY}/trips`);
		await expect(page.getByTestId('no-imports')).toContainText('komandējumu rīkojumu');
		// SOLID has both imported: no empty state there.
		await page.goto('/projects/SOLID/dashboard');
		await expect(page.getByTestId('figure-actual')).toHaveText('4184,70 EUR');
		await expect(page.getByTestId('no-imports')).toHaveCount(0);
	});
});

test.describe('the new-project form', () => {
	test.beforeEach(({ page }) => signIn(page, 'coordinator'));

	test('empty, says "required" at its fields and gives no plan verdict', async ({ page }) => {
		const editor = new EditorPage(page);
		await page.goto('/projects/new');
		await expect(editor.field('code')).toBeVisible();
		await expect(page.locator('[data-path="code"] [data-testid="required"]')).toHaveText(
			'obligāts'
		);
		await expect(
			page.locator('[data-path="funding.total"] [data-testid="required"]')
		).toBeVisible();
		await expect(page.getByTestId('required')).toHaveCount(15);
		await expect(page.getByTestId('plan-waiting')).toContainText('vēl jāaizpilda 5 lauki');
		await expect(editor.liveCheck).toHaveCount(0);
		await expect(page.getByText('Plāns atbilst visiem noteikumiem.')).toHaveCount(0);

		// A filled field stops saying it; the verdict speaks once the figures are in.
		await editor.fill('code', 'HALF14');
		await expect(page.locator('[data-path="code"] [data-testid="required"]')).toHaveCount(0);
		await editor.fillDate('period.start', '2027-01-01');
		await editor.fillDate('period.end', '2027-12-31');
		await editor.fill('funding.total', '1000');
		await editor.fill('funding.eu', '400');
		await editor.fill('funding.council', '500');
		await expect(editor.liveCheck).toContainText('1000');
		await expect(page.getByTestId('plan-waiting')).toHaveCount(0);
	});

	test('keeps its save bar in view however far it is scrolled', async ({ page }) => {
		await page.goto('/projects/new');
		for (const width of [1440, 390]) {
			await page.setViewportSize({ width, height: 800 });
			for (const at of [0, 0.5]) {
				await page.evaluate((f) => window.scrollTo(0, document.body.scrollHeight * f), at);
				const bar = await page.getByTestId('save-bar').boundingBox();
				expect(bar, `save bar at ${width} px, scrolled ${at}`).not.toBeNull();
				expect(bar!.y + bar!.height).toBeLessThanOrEqual(800 + 1);
				expect(bar!.y).toBeGreaterThan(0);
				await expect(page.getByRole('button', { name: /^Saglabāt$/ })).toBeInViewport();
			}
		}
		await shoot(page, 'editor-scrolled', () =>
			page.evaluate(() => window.scrollTo(0, document.body.scrollHeight * 0.4))
		);
	});

	test('half-filled, is kept as a draft, listed, continued and discarded', async ({ page }) => {
		const editor = new EditorPage(page);
		await page.goto('/projects/new');
		await editor.fill('code', 'DRAFT14');
		await editor.fill('title.lv', 'Sadarbība ar Sződliget');
		await editor.fill('funding.total', '4160,50');
		await page.getByRole('button', { name: 'Saglabāt kā melnrakstu' }).click();
		await expect(page.getByRole('status')).toContainText('Melnraksts saglabāts');

		// Kept again after a change: still one draft, now with the change.
		await editor.fill('leadPartner.name', 'Gmina Dąbrowa');
		await page.getByRole('button', { name: 'Saglabāt kā melnrakstu' }).click();
		await expect(page.getByRole('status')).toContainText('Melnraksts saglabāts');

		await page.goto('/projects');
		const draft = page.getByTestId('draft').filter({ hasText: 'DRAFT14' });
		await expect(draft).toHaveCount(1);
		await expect(draft).toContainText('Sadarbība ar Sződliget');
		await shoot(page, 'projects-drafts');
		await draft.getByRole('link', { name: 'Turpināt' }).click();
		await expect(page).toHaveURL(/\/projects\/new\?draft=\d+$/);
		await expect(editor.field('code')).toHaveValue('DRAFT14');
		await expect(editor.field('funding.total')).toHaveValue('4160,50');
		await expect(editor.field('leadPartner.name')).toHaveValue('Gmina Dąbrowa');

		await page.goto('/projects');
		await page
			.getByTestId('draft')
			.filter({ hasText: 'DRAFT14' })
			.getByRole('button', { name: 'Atmest' })
			.click();
		await expect(page.getByTestId('draft').filter({ hasText: 'DRAFT14' })).toHaveCount(0);
	});

	test('fits each partner’s name in its row, at 1440 px and wrapped at 390 px', async ({
		page
	}) => {
		await page.goto('/projects/SOLID/edit');
		const names = page.locator('[data-testid="partner-row"] [data-path$="].name"] input');
		await expect(names).toHaveCount(12);
		for (const width of [1440, 390]) {
			await page.setViewportSize({ width, height: 900 });
			const cut = await names.evaluateAll((inputs) =>
				(inputs as HTMLInputElement[])
					.filter((input) => input.scrollWidth > input.clientWidth)
					.map((input) => input.value)
			);
			expect(cut, `names cut at ${width} px`).toEqual([]);
			expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
				width
			);
		}
		await shoot(page, 'editor-partners', () =>
			page.getByTestId('partner-row').nth(9).scrollIntoViewIfNeeded()
		);
	});

	test('gives every event field a usable width and keeps the save bar on one line', async ({
		page
	}) => {
		await page.goto('/projects/SOLID/edit');
		const inputs = page.locator('[data-testid="event-row"] input');
		const texts = page.locator('[data-testid="event-row"] input[type="text"]');
		const months = page.locator('[data-testid="event-row"] [data-path$="].month"]');
		await expect(months).toHaveCount(5);
		for (const width of [1440, 390]) {
			await page.setViewportSize({ width, height: 900 });
			const narrowest = Math.min(
				...(await inputs.evaluateAll((all) => all.map((i) => i.getBoundingClientRect().width)))
			);
			expect(narrowest, `narrowest event input at ${width} px`).toBeGreaterThanOrEqual(55);
			const cut = await texts.evaluateAll((all) =>
				(all as HTMLInputElement[]).filter((i) => i.scrollWidth > i.clientWidth).map((i) => i.value)
			);
			expect(cut, `event texts cut at ${width} px`).toEqual([]);
			// A month's name and its year, each in its own select, need about 11 rem.
			for (const box of await months.evaluateAll((all) =>
				all.map((i) => i.getBoundingClientRect().width)
			))
				expect(box, `month field at ${width} px`).toBeGreaterThanOrEqual(165);
		}
		// A description is never squeezed beside another on a phone.
		const lv = await page.locator('[data-path="events[0].title.lv"] input').boundingBox();
		const planned = await new EditorPage(page).field('plannedMobilities').boundingBox();
		expect(lv!.width).toBeGreaterThan(300);
		expect(Math.abs(planned!.width - lv!.width)).toBeLessThanOrEqual(1);

		// The save bar of a new project: its three buttons on one line at 390 px, in both languages.
		await page.goto('/projects/new');
		for (const locale of ['lv', 'en'] as const) {
			await page
				.context()
				.addCookies([{ name: 'PARAGLIDE_LOCALE', value: locale, url: page.url() }]);
			await page.reload();
			const tops = await page
				.getByTestId('save-bar')
				.locator('.btn')
				.evaluateAll((all) => all.map((b) => Math.round(b.getBoundingClientRect().top)));
			expect(tops, `save bar buttons in ${locale}`).toHaveLength(3);
			expect(new Set(tops).size, `save bar buttons on one line in ${locale}`).toBe(1);
			const bar = await page.getByTestId('save-bar').boundingBox();
			expect(bar!.height, `save bar height in ${locale}`).toBeLessThanOrEqual(60);
		}
	});
});
