import { expect, test } from '@playwright/test';
import { EditorPage } from '../pages/editor-page';
import { ProjectPage } from '../pages/project-page';
import { signIn } from '../pages/sign-in';
import { choose } from '../pages/ui';

const partsRule =
	'ES līdzfinansējums 1500 EUR + domes līdzfinansējums 2000 EUR = 3500 EUR, bet kopējais budžets ir 4160 EUR.';
const cofinancingRule =
	'Līdzfinansējums pa gadiem kopā ir 2660 EUR, bet domes līdzfinansējums ir 2000 EUR.';

test.describe('the project editor', () => {
	test.beforeEach(({ page }) => signIn(page, 'coordinator'));

	test('saves a broken sum, and names the rule and both numbers', async ({ page }) => {
		const project = new ProjectPage(page);
		const editor = new EditorPage(page);
		await project.open('SOLID');
		await project.edit();

		await editor.fill('funding.council', '2000');
		await expect(editor.liveCheck).toContainText(partsRule);
		await expect(page.locator('[data-path="funding.council"]')).toHaveAttribute(
			'data-finding',
			'error'
		);
		await editor.saveAndWait();

		await expect(page.getByRole('status')).toHaveText('Izmaiņas saglabātas.');
		await expect(project.findings).toContainText(partsRule);
		await expect(project.findings).toContainText(cofinancingRule);
		await expect(page.getByTestId('figure-council')).toHaveText('2000 EUR');

		await page.goto('/projects');
		await expect(page.getByRole('row', { name: /SOLID/ })).toContainText('Kļūdas: 2');

		await project.open('SOLID');
		await project.edit();
		await editor.fill('funding.council', '2660,00');
		await expect(editor.liveCheck).toContainText('Plāns atbilst visiem noteikumiem.');
		await editor.saveAndWait();
		await expect(project.findings).toContainText('Plāns atbilst visiem noteikumiem.');
	});

	test('shows a refused value next to its field, and saves nothing', async ({ page }) => {
		const project = new ProjectPage(page);
		const editor = new EditorPage(page);
		await project.open('SOLID');
		await project.edit();

		await editor.fill('funding.eu', '15OO');
		await expect(editor.issues('funding.eu')).toHaveText(
			'Summa, piemēram, 4160 vai 4160,50, ne vairāk kā divas zīmes aiz komata, ne mazāka par 0.'
		);
		await editor.fill('events[1].representatives', '');
		await editor.save();
		await expect(page.getByRole('alert').first()).toBeVisible();
		await expect(page.locator('.notice.error')).toContainText('2 lauki jāizlabo');
		await expect(editor.issues('events[1].representatives')).toHaveText('Šis lauks ir obligāts.');
		await expect(page).toHaveURL(/\/edit$/);

		await project.open('SOLID');
		await expect(page.getByTestId('figure-eu')).toHaveText('1500 EUR');
	});

	test('the server checks what it is sent, whatever the browser did', async ({ page, baseURL }) => {
		const project = new ProjectPage(page);
		await project.open('SOLID');
		await project.edit();
		const definition = await page.locator('input[name="definition"]').inputValue();
		const version = await page.locator('input[name="version"]').inputValue();
		const bad = JSON.parse(definition);
		bad.funding.eu = 'abc';

		const refused = await page.request.post('/projects/SOLID/edit', {
			headers: { origin: baseURL!, accept: 'application/json', 'x-sveltekit-action': 'true' },
			form: { definition: JSON.stringify(bad), version }
		});
		const body = await refused.json();
		expect(body).toMatchObject({ type: 'failure', status: 400 });
		expect(body.data).toContain('funding.eu');

		const crossSite = await page.request.post('/projects/SOLID/edit', {
			headers: { origin: 'https://elsewhere.example', accept: 'application/json' },
			form: { definition, version }
		});
		expect(crossSite.status()).toBe(403);
	});

	test('refuses to overwrite a save made meanwhile in another tab', async ({ page, context }) => {
		const first = new EditorPage(page);
		await page.goto('/projects/SOLID/edit');
		const otherTab = await context.newPage();
		const second = new EditorPage(otherTab);
		await otherTab.goto('/projects/SOLID/edit');

		await first.fill('title.en', 'Local solidarity - global solidarity Network');
		await first.saveAndWait();

		await second.fill('decision.number', '58');
		await second.save();
		await expect(otherTab.locator('.notice.error')).toContainText('Kāds cits ir saglabājis');

		await page.goto('/projects/SOLID/edit');
		await first.fill('title.en', 'Local solidarity- global solidarity Network');
		await first.saveAndWait();
		await expect(page.locator('main')).toContainText('lēmumam Nr.57');
	});

	test('a planned month is chosen by its name and year, and saved as that month', async ({
		page
	}) => {
		const project = new ProjectPage(page);
		const editor = new EditorPage(page);
		await page.goto('/projects/SOLID/edit');
		const month = page.locator('[data-path="events[3].month"]');
		const monthPart = month.getByRole('combobox', { name: 'Mēnesis: mēnesis' });
		await expect(monthPart).toHaveText('marts');
		await expect(month.getByRole('combobox', { name: 'Mēnesis: gads' })).toHaveText('2019');

		await choose(monthPart, 'aprīlis');
		await editor.saveAndWait();
		await expect(project.events).toContainText('04.2019.');

		// The month as it was, so that the other specs meet SOLID's own plan.
		await page.goto('/projects/SOLID/edit');
		await choose(monthPart, 'marts');
		await editor.saveAndWait();
		await expect(project.events).toContainText('03.2019.');
	});
});
