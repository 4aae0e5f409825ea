/**
 * People in the app: an admin adds a council member with one project; the person sets a
 * password through the one-time link, signs in in a browser of their own and sees only that
 * project; disabled, their open session is refused on the next click, with the reason on the
 * sign-in page; enabled, they sign in again; a password link works once.
 */
import { expect, test, type Browser, type Page } from '@playwright/test';
import { mkdirSync, readFileSync } from 'node:fs';
import { PeoplePage } from '../pages/people-page';
import { signIn } from '../pages/sign-in';
import { answer, choose, pick } from '../pages/ui';

const EMAIL = `dace.${Date.now().toString(36)}@cofund.example`;
const NAME = 'Dace Ozoliņa';
const OTHER = 'PEOPLE2';
const SHOTS = process.env.COFUND_SHOTS_DIR;

async function personBrowser(browser: Browser) {
	const context = await browser.newContext();
	return { context, page: await context.newPage() };
}

async function signInAs(page: Page, email: string, password: string) {
	await page.goto('/login');
	await page.getByLabel('E-pasts').fill(email);
	await page.getByLabel('Parole').fill(password);
	await page.getByRole('button', { name: 'Pieteikties' }).click();
}

async function setPassword(page: Page, link: string, password: string) {
	await page.goto(link);
	await page.getByLabel('Jaunā parole (vismaz 10 zīmes)').fill(password);
	await page.getByLabel('Jaunā parole vēlreiz').fill(password);
	await page.getByRole('button', { name: 'Iestatīt paroli' }).click();
	await expect(page).toHaveURL(/\/login\?password-set/);
	await expect(page.getByRole('status')).toHaveText('Jaunā parole iestatīta. Piesakieties ar to.');
}

test.describe.configure({ mode: 'serial' });

test.describe('people in the app', () => {
	test.beforeAll(async ({ browser, baseURL }) => {
		// A second project the new person is not let into.
		const { context, page } = await personBrowser(browser);
		await signIn(page, 'admin');
		const solid = JSON.parse(readFileSync('static/samples/solid/project.json', 'utf8'));
		const created = await page.request.post('/projects/new', {
			headers: { origin: baseURL!, accept: 'text/html' },
			form: { definition: JSON.stringify({ ...solid, code: OTHER }) },
			maxRedirects: 0
		});
		expect([303, 409]).toContain(created.status());
		await context.close();
	});

	test('an admin adds a council member who sees only their project, then disables and enables them', async ({
		page,
		browser
	}) => {
		test.setTimeout(180_000);
		await signIn(page, 'admin');
		const people = new PeoplePage(page);
		await people.open();

		// Bad input is refused with the reason, and what was typed stays.
		await people.add({ name: NAME, email: 'dace@', role: 'Domes pārstāvis', projects: ['SOLID'] });
		await expect(page.getByRole('alert')).toContainText('Pārbaudiet atzīmētos laukus.');
		await expect(page.getByText('Ierakstiet derīgu e-pasta adresi')).toBeVisible();
		await expect(page.getByLabel('Vārds')).toHaveValue(NAME);
		// A taken email is said as such.
		await page.getByLabel('E-pasts').fill('council@cofund.example');
		await page.getByRole('button', { name: 'Pievienot lietotāju' }).click();
		await expect(page.getByRole('alert')).toContainText(
			'E-pasts council@cofund.example jau pieder kādam lietotājam.'
		);

		await page.getByLabel('E-pasts').fill(EMAIL);
		await page.getByRole('button', { name: 'Pievienot lietotāju' }).click();
		const link = await people.link();
		await expect(people.card(EMAIL)).toContainText('SOLID');
		await expect(people.card(EMAIL).locator('.badge.code')).toHaveText(['SOLID']);

		const person = await personBrowser(browser);
		await setPassword(person.page, link, 'dace password 1');
		await signInAs(person.page, EMAIL, 'dace password 1');
		await expect(person.page).toHaveURL(/\/projects$/);
		await expect(person.page.getByRole('link', { name: 'SOLID', exact: true })).toBeVisible();
		await expect(person.page.getByRole('link', { name: OTHER, exact: true })).toHaveCount(0);
		expect((await person.page.goto(`/projects/${OTHER}`))?.status()).toBe(403);
		await person.page.goto('/projects');

		await people.press(EMAIL, 'Atspējot kontu');
		await answer(page, 'Atspējot kontu');
		await expect(page.getByRole('status')).toContainText('atspējots un izrakstīts');
		await expect(people.card(EMAIL)).toContainText('Atspējots');

		// Their open session is refused on the next click, and the sign-in page says why.
		await person.page.getByRole('link', { name: 'SOLID', exact: true }).click();
		await expect(person.page).toHaveURL(/\/login\?next=/);
		await expect(person.page.getByRole('alert')).toHaveText(
			'Jūs esat izrakstīts: jūsu konts ir atspējots. Vērsieties pie administratora.'
		);
		await signInAs(person.page, EMAIL, 'dace password 1');
		await expect(person.page.getByRole('alert')).toHaveText(
			'Šis konts ir atspējots. Vērsieties pie administratora.'
		);
		// A wrong password learns nothing about the account.
		await signInAs(person.page, EMAIL, 'not the password');
		await expect(person.page.getByRole('alert')).toHaveText('Nepareizs e-pasts vai parole.');

		await people.press(EMAIL, 'Iespējot kontu');
		await expect(page.getByRole('status')).toContainText('atkal var pieteikties');
		await signInAs(person.page, EMAIL, 'dace password 1');
		await expect(person.page).toHaveURL(/\/projects$/);
		await person.context.close();
	});

	test('an admin changes the role and the projects, but cannot disable themselves', async ({
		page
	}) => {
		await signIn(page, 'admin');
		const people = new PeoplePage(page);
		await people.open();
		const card = people.card(EMAIL);
		await pick(card.getByLabel('Pievienot projektam'), OTHER);
		await card.getByRole('button', { name: 'Pievienot', exact: true }).click();
		await expect(page.getByRole('status')).toHaveText(`${NAME} tagad redz projektu ${OTHER}.`);
		await card
			.getByRole('button', { name: `Noņemt lietotāju ${NAME} no projekta ${OTHER}` })
			.click();
		await expect(page.getByRole('status')).toHaveText(`${NAME} vairs neredz projektu ${OTHER}.`);
		await choose(card.getByLabel('Loma'), 'Auditors');
		await card.getByRole('button', { name: 'Mainīt lomu' }).click();
		await expect(page.getByRole('status')).toHaveText(`Lietotāja ${NAME} loma tagad: Auditors.`);
		const me = people.card('admin@cofund.example');
		await expect(me).toContainText('jūs');
		await expect(me.getByRole('button', { name: 'Atspējot kontu' })).toHaveCount(0);
	});

	test('a password link works once, and ends the person’s other sessions', async ({
		page,
		browser
	}) => {
		await signIn(page, 'admin');
		const people = new PeoplePage(page);
		await people.open();
		const open = await personBrowser(browser);
		await signInAs(open.page, EMAIL, 'dace password 1');
		await expect(open.page).toHaveURL(/\/projects$/);

		await people.press(EMAIL, 'Izsniegt paroles saiti');
		const link = await people.link();
		const other = await personBrowser(browser);
		await setPassword(other.page, link, 'dace password 2');
		await other.page.goto(link);
		await expect(other.page.getByRole('alert')).toContainText('Šī saite vairs nav derīga');
		await signInAs(other.page, EMAIL, 'dace password 2');
		await expect(other.page).toHaveURL(/\/projects$/);
		// The session opened before the reset has ended.
		await open.page.reload();
		await expect(open.page).toHaveURL(/\/login\?next=/);
		await open.context.close();
		await other.context.close();
	});

	test('the people page fits a phone and a desktop, in Latvian and English', async ({
		browser,
		baseURL
	}, info) => {
		// The screenshots go where COFUND_SHOTS_DIR says, else beside the test's other output.
		const shots = SHOTS ?? info.outputPath('shots');
		mkdirSync(shots, { recursive: true });
		for (const locale of ['lv', 'en']) {
			for (const width of [390, 1440]) {
				const context = await browser.newContext({ viewport: { width, height: 900 } });
				await context.addCookies([{ name: 'PARAGLIDE_LOCALE', value: locale, url: baseURL! }]);
				const page = await context.newPage();
				await signIn(page, 'admin');
				await page.goto('/people');
				await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
				// Nothing sticks out sideways: the page is as wide as the screen.
				const wide = await page.evaluate(() => document.documentElement.scrollWidth);
				expect(wide, `${locale} at ${width} px`).toBeLessThanOrEqual(width);
				await page.screenshot({ path: `${shots}/people-${locale}-${width}.png`, fullPage: true });
				await context.close();
			}
		}
	});
});
