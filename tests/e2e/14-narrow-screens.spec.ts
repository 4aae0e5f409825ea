/**
 * Every page on a phone: at 390 px, in Latvian and in English, no page is wider than the screen
 * (the test names the page and the element that pushes it wider); nor at 768 or 1280 px. The header folds into a menu
 * button there. With E2E_SHOTS set, every page is also photographed at 390 and 1440 px into
 * /work/shots/shell/ for a person to look at.
 */
import { expect, test, type Browser, type Page } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import type { Role } from '../../src/lib/domain/access';
import { signIn } from '../pages/sign-in';

const SHOTS = process.env.E2E_SHOTS ? '/work/shots/shell' : null;
const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1440, height: 900 };
type Lang = 'lv' | 'en';

interface Visit {
	name: string;
	path: string | ((page: Page) => Promise<string>);
	as: Role | null;
	/** The status the page answers with, when it is not 200. */
	status?: number;
}

/** An import's own page: the newest import of SOLID, whichever that is by now. */
async function anImport(page: Page) {
	await page.goto('/projects/SOLID/imports');
	const href = await page
		.getByTestId('import-history')
		.locator('tbody a[href*="/imports/"]')
		.first();
	return (await href.getAttribute('href'))!;
}

const PAGES: Visit[] = [
	{ name: 'login', path: '/login', as: null },
	{ name: 'reset', path: '/reset', as: null },
	{ name: 'setup', path: '/setup', as: null },
	{ name: 'projects', path: '/projects', as: 'admin' },
	{ name: 'project', path: '/projects/SOLID', as: 'admin' },
	{ name: 'dashboard', path: '/projects/SOLID/dashboard', as: 'admin' },
	{ name: 'expenses', path: '/projects/SOLID/expenses', as: 'admin' },
	{ name: 'trips', path: '/projects/SOLID/trips', as: 'admin' },
	{ name: 'imports', path: '/projects/SOLID/imports', as: 'admin' },
	{ name: 'import-detail', path: anImport, as: 'admin' },
	{ name: 'import', path: '/projects/SOLID/import', as: 'admin' },
	{ name: 'documents', path: '/projects/SOLID/documents', as: 'admin' },
	{ name: 'edit', path: '/projects/SOLID/edit', as: 'admin' },
	{ name: 'report-texts', path: '/projects/SOLID/report', as: 'admin' },
	{ name: 'drafts', path: '/projects/drafts', as: 'admin' },
	{ name: 'new-project', path: '/projects/new', as: 'admin' },
	{ name: 'portfolio', path: '/portfolio', as: 'admin' },
	{ name: 'portfolio-expenses', path: '/portfolio/expenses?year=2019', as: 'admin' },
	{ name: 'templates', path: '/templates', as: 'admin' },
	{ name: 'template', path: '/templates/final-report', as: 'admin' },
	{ name: 'template-reference', path: '/templates/reference', as: 'admin' },
	{ name: 'verify', path: '/verify', as: 'admin' },
	{ name: 'audit', path: '/audit', as: 'admin' },
	{ name: 'people', path: '/people', as: 'admin' },
	{ name: 'backup', path: '/backup', as: 'admin' },
	{ name: 'settings', path: '/settings', as: 'admin' },
	{ name: 'account', path: '/account', as: 'admin' },
	{ name: 'not-found', path: '/projects/NOSUCH', as: 'admin', status: 404 },
	{ name: 'no-such-page', path: '/no/such/page', as: 'admin', status: 404 },
	{ name: 'forbidden', path: '/people', as: 'council', status: 403 }
];

/** How much wider than the screen the page is, and the innermost element that sticks out most. */
function overflow(page: Page) {
	return page.evaluate(() => {
		const over = document.documentElement.scrollWidth - window.innerWidth;
		if (over <= 0) return null;
		// What scrolls inside its own box does not widen the page, so only unclipped elements count.
		const clipped = (el: Element) => {
			for (let p = el.parentElement; p && p !== document.body; p = p.parentElement) {
				if (getComputedStyle(p).overflowX !== 'visible') return true;
			}
			return false;
		};
		let widest: Element | null = null;
		let right = window.innerWidth;
		for (const el of document.body.querySelectorAll('*')) {
			const r = el.getBoundingClientRect().right;
			if (r > right && !clipped(el)) [widest, right] = [el, r];
		}
		const name = widest
			? `<${widest.tagName.toLowerCase()}${widest.id ? `#${widest.id}` : ''}${
					widest.className && typeof widest.className === 'string'
						? `.${widest.className.trim().split(/\s+/).join('.')}`
						: ''
				}> "${(widest.textContent ?? '').trim().slice(0, 60)}" ending at ${Math.round(right)} px`
			: 'no single element';
		return { over, name };
	});
}

async function contextFor(browser: Browser, lang: Lang, role: Role | null) {
	const context = await browser.newContext({
		locale: lang === 'lv' ? 'lv-LV' : 'en-GB',
		viewport: PHONE
	});
	const page = await context.newPage();
	if (role) await signIn(page, role);
	return { context, page };
}

test.describe.configure({ mode: 'serial' });

for (const lang of ['lv', 'en'] as const) {
	test(`every page fits a 390 px screen in ${lang.toUpperCase()}`, async ({ browser }) => {
		test.setTimeout(300_000);
		if (SHOTS) mkdirSync(SHOTS, { recursive: true });
		const pages = new Map<Role | null, Page>();
		const problems: string[] = [];
		try {
			for (const visit of PAGES) {
				if (!pages.has(visit.as))
					pages.set(visit.as, (await contextFor(browser, lang, visit.as)).page);
				const page = pages.get(visit.as)!;
				await page.setViewportSize(PHONE);
				const path = typeof visit.path === 'string' ? visit.path : await visit.path(page);
				const response = await page.goto(path);
				expect(response?.status(), `${visit.name} (${path})`).toBe(visit.status ?? 200);
				await expect(page.locator('html')).toHaveAttribute('lang', lang);
				await page.waitForLoadState('networkidle');
				const wide = await overflow(page);
				if (wide)
					problems.push(`${visit.name} (${path}) is ${wide.over} px too wide: ${wide.name}`);
				// Photographed as it opened on the phone, before the resizing below scrolls anything back.
				if (SHOTS) {
					await page.screenshot({ path: `${SHOTS}/${lang}-390-${visit.name}.png`, fullPage: true });
					await page.setViewportSize(DESKTOP);
					await page.screenshot({
						path: `${SHOTS}/${lang}-1440-${visit.name}.png`,
						fullPage: true
					});
				}
				// A tablet and a laptop too: the same page resized, no new request.
				for (const width of [768, 1280]) {
					await page.setViewportSize({ width, height: 900 });
					const wider = await overflow(page);
					if (wider) {
						problems.push(
							`${visit.name} (${path}) at ${width} px is ${wider.over} px too wide: ${wider.name}`
						);
					}
				}
			}
		} finally {
			for (const page of pages.values()) await page.context().close();
		}
		expect(problems, problems.join('\n')).toEqual([]);
	});
}

test('on a phone the header folds into a menu button that opens, closes with Escape, and holds the account', async ({
	browser
}) => {
	const { context, page } = await contextFor(browser, 'en', 'coordinator');
	await page.goto('/projects/SOLID');
	const toggle = page.getByRole('button', { name: 'Menu' });
	const nav = page.getByRole('navigation', { name: 'Main navigation' });
	await expect(toggle).toHaveAttribute('aria-expanded', 'false');
	await expect(nav).toBeHidden();
	await expect(page.getByRole('button', { name: 'Sign out' })).toBeHidden();

	await toggle.click();
	await expect(toggle).toHaveAttribute('aria-expanded', 'true');
	await expect(nav.getByRole('link', { name: 'Portfolio' })).toBeVisible();
	await expect(page.getByRole('link', { name: /Jānis Bērziņš/ })).toBeVisible();
	await expect(page.getByRole('button', { name: 'Sign out' })).toBeVisible();
	await expect(page.getByRole('group', { name: 'Language' })).toBeVisible();

	await page.keyboard.press('Escape');
	await expect(toggle).toHaveAttribute('aria-expanded', 'false');
	await expect(toggle).toBeFocused();
	await expect(nav).toBeHidden();

	// A link followed from the menu closes it on the next page.
	await toggle.click();
	await nav.getByRole('link', { name: 'Portfolio' }).click();
	await expect(page).toHaveURL(/\/portfolio$/);
	await expect(toggle).toHaveAttribute('aria-expanded', 'false');

	// On a wide screen the links are in the bar itself and there is no menu button.
	await page.setViewportSize(DESKTOP);
	await expect(toggle).toBeHidden();
	await expect(nav.getByRole('link', { name: 'Templates' })).toBeVisible();
	await context.close();
});

test('on a phone an expense row is a card: its amount in sight, labelled, the sort a tap away', async ({
	browser
}) => {
	const { context, page } = await contextFor(browser, 'en', 'admin');
	await page.goto('/projects/SOLID/expenses');
	const table = page.getByTestId('expense-rows');
	const amount = table.locator('tbody tr').first().locator('td.num');
	await expect(amount).toHaveAttribute('data-label', 'Amount');
	// Inside the screen: read without scrolling sideways.
	const box = (await amount.boundingBox())!;
	expect(box.x + box.width).toBeLessThanOrEqual(PHONE.width);
	await expect(table.locator('tbody tr').first().locator('td.date')).toHaveCSS(
		'white-space',
		'nowrap'
	);
	// The head stays as a bar of sort links; the one for the amount sorts the rows by it.
	await table.getByRole('link', { name: /^Amount/ }).click();
	await expect(page).toHaveURL(/sort=-amount/);
	// A wide screen keeps the table's columns.
	await page.setViewportSize(DESKTOP);
	await expect(table.locator('tbody td').first()).toHaveCSS('display', 'table-cell');
	await context.close();
});
