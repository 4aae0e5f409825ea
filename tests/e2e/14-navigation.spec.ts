/**
 * One navigation: every project page has the same header, tabs (each only for the roles that may
 * open it) and breadcrumbs; the current page, and only it, is marked as the current page; a 403 or
 * 404 keeps the app's header, language switch and sign-out and says what happened; pages are sent
 * with no-store, so Back after signing out shows nothing; and the favicon is there.
 */
import { expect, test, type Page } from '@playwright/test';
import { signIn } from '../pages/sign-in';

const TABS_ALL = ['Overview', 'Dashboard', 'Expenses', 'Trips', 'Imports', 'Documents', 'Control'];
const PROJECT_PAGES: { path: string; crumbs: string[]; tab: string; exact: boolean }[] = [
	{ path: '/projects/SOLID', crumbs: ['Projects', 'SOLID'], tab: 'Overview', exact: true },
	{
		path: '/projects/SOLID/dashboard',
		crumbs: ['Projects', 'SOLID', 'Dashboard'],
		tab: 'Dashboard',
		exact: true
	},
	{
		path: '/projects/SOLID/expenses',
		crumbs: ['Projects', 'SOLID', 'Expenses'],
		tab: 'Expenses',
		exact: true
	},
	{
		path: '/projects/SOLID/trips',
		crumbs: ['Projects', 'SOLID', 'Trips'],
		tab: 'Trips',
		exact: true
	},
	{
		path: '/projects/SOLID/imports',
		crumbs: ['Projects', 'SOLID', 'Imports'],
		tab: 'Imports',
		exact: true
	},
	{
		path: '/projects/SOLID/documents',
		crumbs: ['Projects', 'SOLID', 'Documents'],
		tab: 'Documents',
		exact: true
	},
	{ path: '/projects/SOLID/edit', crumbs: ['Projects', 'SOLID', 'Edit'], tab: 'Edit', exact: true },
	{
		path: '/projects/SOLID/import',
		crumbs: ['Projects', 'SOLID', 'Imports', 'Import an export'],
		tab: 'Imports',
		exact: false
	}
];

test.use({ locale: 'en-GB' });

/** Every element marked as the current page must stand for the page shown. */
async function markedPages(page: Page) {
	return page.locator('[aria-current="page"]').evaluateAll((els) =>
		els.map((el) => ({
			text: (el.textContent ?? '').trim(),
			href: el instanceof HTMLAnchorElement ? new URL(el.href).pathname : null
		}))
	);
}

async function expectMarks(page: Page) {
	const here = new URL(page.url()).pathname;
	for (const mark of await markedPages(page)) {
		if (mark.href !== null) expect(mark.href, `${mark.text} is marked on ${here}`).toBe(here);
	}
	const main = page.getByRole('navigation', { name: 'Main navigation' });
	expect(await main.locator('[aria-current]').count(), `top links marked on ${here}`).toBeLessThan(
		2
	);
}

test.describe('the project pages', () => {
	test('share one header, tabs and breadcrumbs, and mark only the page shown', async ({ page }) => {
		test.setTimeout(120_000);
		await signIn(page, 'coordinator');
		for (const shown of PROJECT_PAGES) {
			await page.goto(shown.path);
			await expect(page.getByTestId('project-head')).toContainText('SOLID');
			await expect(page.getByTestId('project-head')).toContainText('Local solidarity');
			const tabs = page.getByTestId('project-tabs').getByRole('link');
			await expect(tabs).toHaveText([...TABS_ALL, 'Edit']);
			const crumbs = page.getByRole('navigation', { name: 'Breadcrumbs' }).getByRole('listitem');
			await expect(crumbs).toHaveText(shown.crumbs);
			await expect(crumbs.last().locator('[aria-current="page"]')).toHaveCount(1);
			const tab = page
				.getByTestId('project-tabs')
				.getByRole('link', { name: shown.tab, exact: true });
			await expect(tab).toHaveAttribute('aria-current', shown.exact ? 'page' : 'true');
			await expect(page.getByTestId('project-tabs').locator('[aria-current]')).toHaveCount(1);
			await expectMarks(page);
			// The section link says "you are inside", not "this page".
			const projects = page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', {
				name: 'Projects'
			});
			await expect(projects).toHaveAttribute('aria-current', 'true');
		}
		// The crumbs lead back up.
		await page.goto('/projects/SOLID/import');
		await page
			.getByRole('navigation', { name: 'Breadcrumbs' })
			.getByRole('link', { name: 'Imports' })
			.click();
		await expect(page).toHaveURL(/\/projects\/SOLID\/imports$/);
	});

	test('offer a read-only role no Edit tab', async ({ page }) => {
		await signIn(page, 'council');
		await page.goto('/projects/SOLID/trips');
		await expect(page.getByTestId('project-tabs').getByRole('link')).toHaveText(TABS_ALL);
	});
});

test('the top navigation marks the right place, once', async ({ page }) => {
	await signIn(page, 'admin');
	const main = page.getByRole('navigation', { name: 'Main navigation' });
	const cases: [string, string, 'page' | 'true'][] = [
		['/projects', 'Projects', 'page'],
		['/projects/new', 'Projects', 'true'],
		['/portfolio', 'Portfolio', 'page'],
		['/portfolio/expenses', 'Portfolio', 'true'],
		['/templates/reference', 'Templates', 'true'],
		['/people', 'People', 'page']
	];
	for (const [path, name, how] of cases) {
		await page.goto(path);
		await expect(main.locator('[aria-current]'), path).toHaveCount(1);
		await expect(main.getByRole('link', { name, exact: true })).toHaveAttribute(
			'aria-current',
			how
		);
		await expectMarks(page);
	}
	await page.goto('/portfolio/expenses');
	await expect(
		page.getByRole('navigation', { name: 'Breadcrumbs' }).getByRole('listitem')
	).toHaveText(['Portfolio', 'Expense rows']);
	await page.goto('/templates/final-report');
	await expect(
		page.getByRole('navigation', { name: 'Breadcrumbs' }).getByRole('listitem')
	).toHaveText(['Document templates', 'Final report']);
});

test.describe('error pages keep the app around them', () => {
	async function expectShell(page: Page) {
		await expect(
			page.getByRole('navigation', { name: /^(Main navigation|Galvenā navigācija)$/ })
		).toBeAttached();
		await expect(page.getByRole('button', { name: /^(Sign out|Iziet)$/ })).toBeAttached();
		await expect(page.getByRole('group', { name: /^(Language|Valoda)$/ })).toBeAttached();
	}

	test('a page a role may not open: 403, in words, in the reader language', async ({ page }) => {
		await signIn(page, 'council');
		const refused = await page.goto('/projects/SOLID/edit');
		expect(refused?.status()).toBe(403);
		expect(refused?.headers()['cache-control']).toBe('no-store');
		await expectShell(page);
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('No access');
		await expect(page.getByTestId('error-page')).toContainText(
			'You do not have access to this page or project.'
		);
		// Still in the app: the language switch works on the error page too, once it has started.
		await page.waitForLoadState('networkidle');
		await page.getByRole('button', { name: 'LV' }).click();
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Nav piekļuves');
		await expect(page).toHaveURL(/\/projects\/SOLID\/edit$/);
		// And so does the menu: the council member goes on to what they may see.
		await page
			.getByRole('navigation', { name: 'Galvenā navigācija' })
			.getByRole('link', { name: 'Portfelis' })
			.click();
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Portfelis');
	});

	test('a page or project that is not there: 404, in words', async ({ page }) => {
		await signIn(page, 'admin');
		for (const path of ['/projects/NOSUCH', '/no/such/page']) {
			const missing = await page.goto(path);
			expect(missing?.status(), path).toBe(404);
			await expectShell(page);
			await expect(page.getByRole('heading', { level: 1 })).toHaveText('Page not found');
			await expect(page.getByTestId('error-page')).toContainText(
				'There is no such page or project.'
			);
		}
		await expect(page.getByTestId('error-page')).toContainText('Error code 404');
	});
});

test('after signing out, Back shows no private page', async ({ page }) => {
	await signIn(page, 'coordinator');
	const shown = await page.goto('/projects/SOLID/expenses');
	expect(shown?.headers()['cache-control']).toBe('no-store');
	await expect(page.getByTestId('expense-rows')).toBeVisible();
	await page.setViewportSize({ width: 1440, height: 900 });
	await page.getByRole('button', { name: 'Sign out' }).click();
	await expect(page).toHaveURL(/\/login$/);
	await page.goBack();
	await expect(page).toHaveURL(/\/login\?next=/);
	await expect(page.getByTestId('expense-rows')).toHaveCount(0);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Sign in');
});

test('the favicon is served, as SVG and as the ICO browsers ask for', async ({ request }) => {
	const ico = await request.get('/favicon.ico');
	expect(ico.status()).toBe(200);
	// An icon directory of PNG images: reserved 0, type 1 (icon), then the count.
	expect([...(await ico.body()).subarray(0, 4)]).toEqual([0, 0, 1, 0]);
	for (const [path, type] of [
		['/favicon.svg', /svg/],
		['/apple-touch-icon.png', /png/]
	] as const) {
		const response = await request.get(path);
		expect(response.status(), path).toBe(200);
		expect(response.headers()['content-type'], path).toMatch(type);
	}
});

test('a menu link and the heading of the page it opens say the same', async ({ page }) => {
	await signIn(page, 'admin');
	const main = page.getByRole('navigation', { name: 'Main navigation' });
	for (const name of ['Verify a PDF', 'Portfolio', 'Backups', 'Settings']) {
		await main.getByRole('link', { name, exact: true }).click();
		await expect(page.getByRole('heading', { level: 1 }), name).toHaveText(name);
	}
	// The letterhead is the settings page's section, by its own heading.
	await expect(page.getByRole('heading', { level: 2 })).toHaveText('Document letterhead');
});

test.describe('the pages before signing in', () => {
	test('the reset page without a link says how a password is reset, and leads to sign in', async ({
		page
	}) => {
		await page.goto('/reset');
		await expect(page.getByRole('alert')).toHaveCount(0);
		await expect(page.getByTestId('reset-no-link')).toContainText('an administrator issues');
		await page.getByRole('link', { name: 'Sign in' }).click();
		await expect(page).toHaveURL(/\/login$/);
		// The sign-in page says where a forgotten password is answered: no email is sent.
		await expect(page.getByTestId('login-forgot')).toContainText('An administrator can issue');
		// A link that is no longer good still says so.
		await page.goto('/reset?token=not-a-token');
		await expect(page.getByRole('alert')).toContainText('This link no longer works');
		await expect(page.getByRole('link', { name: 'Sign in' })).toBeVisible();
	});

	test('the set-up page, once an administrator exists, says so and leads to sign in, centred', async ({
		page
	}) => {
		await page.setViewportSize({ width: 1440, height: 900 });
		await page.goto('/setup');
		await expect(page.getByRole('heading', { level: 1 })).toHaveText(
			'An administrator already exists'
		);
		await expect(page.getByRole('textbox')).toHaveCount(0);
		const card = await page.getByTestId('setup-done').boundingBox();
		expect(Math.abs(card!.x + card!.width / 2 - 720)).toBeLessThan(20);
		await page.getByRole('link', { name: 'Sign in' }).click();
		await expect(page).toHaveURL(/\/login$/);
	});
});
