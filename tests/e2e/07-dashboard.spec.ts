import { expect, test } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { signIn } from '../pages/sign-in';

test.describe('the SOLID dashboard', () => {
	test.beforeEach(({ page }) => signIn(page, 'council'));

	test('sets each year against its plan, and counts 14 of 15 mobilities', async ({ page }) => {
		await page.goto('/projects/SOLID');
		await page.getByRole('link', { name: 'Pārskats' }).click();
		await expect(page.getByTestId('figure-plan')).toHaveText('4160 EUR');
		await expect(page.getByTestId('figure-actual')).toHaveText('4184,70 EUR');
		await expect(page.getByTestId('figure-mobilities')).toHaveText('14 / 15');

		const years = page.getByTestId('chart-yearly-plan');
		await years.getByRole('button', { name: 'Tabula' }).click();
		await expect(years.getByTestId('year-2018')).toContainText('3090 EUR');
		await expect(years.getByTestId('year-2018')).toContainText('−15,50 EUR');
		await expect(years.getByTestId('year-2018')).toContainText('zem plāna');
		await expect(years.getByTestId('year-2019')).toContainText('1070 EUR');
		await expect(years.getByTestId('year-2019')).toContainText('+40,20 EUR');
		await expect(years.getByTestId('year-2019')).toContainText('virs plāna');

		const mobility = page.getByTestId('chart-mobility');
		await mobility.getByRole('button', { name: 'Tabula' }).click();
		await expect(mobility.getByTestId('event-3')).toContainText(/2\s*1\s*1/);
		await expect(page.getByTestId('alerts')).toContainText('2019: izdevumi par 40,20 EUR');
	});

	test('signs a variance in per cent as in money, and fits a phone with its tables open', async ({
		page
	}) => {
		await page.goto('/projects/SOLID/dashboard');
		const years = page.getByTestId('chart-yearly-plan');
		await years.getByRole('button', { name: 'Tabula' }).click();
		await expect(years.getByTestId('year-2019')).toContainText('(+3,8%)');
		await expect(years.getByTestId('year-2018')).toContainText('(−0,5%)');
		await page.setViewportSize({ width: 390, height: 800 });
		for (const [path, tables] of [
			['/projects/SOLID/dashboard', true],
			['/projects/SOLID', false]
		] as const) {
			await page.goto(path);
			if (tables) {
				const buttons = page.getByRole('button', { name: 'Tabula' });
				for (let i = 0; i < (await buttons.count()); i++) await buttons.nth(i).click();
			}
			// A wide table scrolls inside its card; the page itself never scrolls sideways.
			const width = await page.evaluate(() => document.documentElement.scrollWidth);
			expect(width, path).toBeLessThanOrEqual(390);
		}
	});

	test('drills from 2019 down to its rows and their lines in ledger.csv', async ({ page }) => {
		await page.goto('/projects/SOLID/dashboard');
		const years = page.getByTestId('chart-yearly-plan');
		await years.getByRole('button', { name: 'Tabula' }).click();
		await years.getByTestId('year-2019').getByRole('link').click();
		await expect(page).toHaveURL(/\/projects\/SOLID\/expenses\?year=2019$/);
		await expect(page.getByTestId('rows-summary')).toHaveText('11 rindas, kopā 1110,20 EUR');
		const rows = page.getByTestId('expense-rows').locator('tbody tr');
		await expect(rows).toHaveCount(11);
		await expect(rows.first()).toContainText('AB-131502');
		await expect(rows.first()).toContainText('ledger.csv, 24. rinda');
	});

	test('a bar of the chart leads to its rows too', async ({ page }) => {
		await page.goto('/projects/SOLID/dashboard');
		const canvas = page.getByTestId('chart-yearly-plan').locator('canvas');
		await expect(canvas).toBeVisible();
		// The 2019 column is the right half of the plot; anywhere in it answers for the year.
		const box = (await canvas.boundingBox())!;
		// Clicked again until the chart, drawn after the page loads, answers; a poll, not a speed: the
		// limits are wide for a busy machine.
		await expect(async () => {
			await canvas.click({ position: { x: box.width * 0.75, y: box.height * 0.5 } });
			await expect(page).toHaveURL(/expenses/, { timeout: 2_000 });
		}).toPass({ timeout: 30_000 });
		await expect(page).toHaveURL(/\/projects\/SOLID\/expenses\?year=2019$/);
	});

	test('downloads the numbers of a chart as CSV in the reader’s locale', async ({ page }) => {
		const csvOf = async (chart: string) => {
			const [download] = await Promise.all([
				page.waitForEvent('download'),
				page.getByTestId(chart).getByRole('button', { name: 'CSV' }).click()
			]);
			const text = readFileSync((await download.path())!, 'utf8');
			// The BOM tells Excel the text is UTF-8; the numbers are bare, with an ASCII minus.
			expect(text.startsWith('\uFEFF')).toBe(true);
			return { name: download.suggestedFilename(), lines: text.slice(1).split('\r\n') };
		};
		await page.goto('/projects/SOLID/dashboard');
		const lv = await csvOf('chart-yearly-plan');
		expect(lv.name).toBe('yearly-plan.csv');
		expect(lv.lines.slice(0, 3)).toEqual([
			'Gads;Priekšfinansējums (EUR);Līdzfinansējums (EUR);Plāns (EUR);Faktiski (EUR);Novirze (EUR);Deklarēts (EUR);Pārbaudīts (EUR);Ar jautājumu (EUR);Neattiecināms (EUR);Attiecināms (EUR)',
			'2018;1100;1990;3090;3074,5;-15,5;3074,5;0;0;0;3074,5',
			'2019;400;670;1070;1110,2;40,2;1110,2;0;0;0;1110,2'
		]);

		await page.getByRole('button', { name: 'EN', exact: true }).click();
		await expect(page.locator('html')).toHaveAttribute('lang', 'en');
		const en = await csvOf('chart-yearly-plan');
		expect(en.lines.slice(0, 3)).toEqual([
			'Year,Pre-financing (EUR),Co-financing (EUR),Plan (EUR),Actual (EUR),Variance (EUR),Declared (EUR),Verified (EUR),Queried (EUR),Ineligible (EUR),Eligible (EUR)',
			'2018,1100,1990,3090,3074.5,-15.5,3074.5,0,0,0,3074.5',
			'2019,400,670,1070,1110.2,40.2,1110.2,0,0,0,1110.2'
		]);
		await page.getByRole('button', { name: 'LV', exact: true }).click();
		await expect(page.locator('html')).toHaveAttribute('lang', 'lv');
	});

	test('downloads every expense row as CSV in the reader’s locale', async ({ page, baseURL }) => {
		for (const [locale, header, row] of [
			[
				'lv',
				'Datums;Dokumenta nr.;Partneris;Apraksts;EKK (klasifikācijas kods);Klasifikācijas koda nosaukums;Pasākums;Finansējuma avots;Summa;Valūta;Pārbaudes stāvoklis;Atskaitīts;Attiecināmā summa;Fails;Rinda',
				/^2018-02-27;AB-118273;airBaltic Corporation AS;[^;]+;2122;;1;eu;426,9;EUR;nav pārbaudīts;0;426,9;ledger\.csv;2$/m
			],
			[
				'en',
				'Date,Document no.,Payee,Description,Category (classification code),Code name,Event,Funding source,Amount,Currency,Finding,Deducted,Eligible amount,File,Line',
				/^2018-02-27,AB-118273,airBaltic Corporation AS,"[^"]+",2122,,1,eu,426\.9,EUR,not checked,0,426\.9,ledger\.csv,2$/m
			]
		] as const) {
			await page.context().addCookies([{ name: 'PARAGLIDE_LOCALE', value: locale, url: baseURL! }]);
			const response = await page.request.get('/projects/SOLID/expenses/csv');
			expect(response.status()).toBe(200);
			const text = (await response.body()).toString('utf8');
			expect(text.startsWith('\uFEFF')).toBe(true);
			expect(text.slice(1).split('\r\n')[0]).toBe(header);
			expect(text).toMatch(row);
		}
	});
});

test.describe('the council portfolio', () => {
	test('adds up the council’s yearly commitments and rates each project', async ({ page }) => {
		await signIn(page, 'council');
		await page.getByRole('link', { name: 'Portfelis' }).click();
		await expect(page.getByTestId('portfolio-attention')).toHaveText(
			'Projekti, kam nepieciešams lēmums vai uzmanība: 1.'
		);
		const solid = page.getByTestId('portfolio-SOLID');
		await expect(solid).toContainText('4184,70 EUR');
		await expect(solid).toContainText('14 / 15');
		await expect(solid).toContainText('2019. gadā pārsniegts plāns par 40,20 EUR');
		await page.getByRole('button', { name: 'Tabula' }).click();
		await expect(page.getByTestId('portfolio-year-2018')).toContainText('1100 EUR');
		await expect(page.getByTestId('portfolio-year-2018')).toContainText('1990 EUR');
		await page.getByTestId('portfolio-year-2019').getByRole('link').click();
		await expect(page).toHaveURL(/\/portfolio\/expenses\?year=2019$/);
		await expect(page.getByTestId('rows-summary')).toHaveText('11 rindas, kopā 1110,20 EUR');
		await page.goBack();
		await page.getByTestId('portfolio-SOLID').getByRole('link', { name: 'SOLID' }).click();
		await expect(page).toHaveURL(/\/projects\/SOLID\/dashboard$/);
	});
});

test.describe('a mobility figure', () => {
	test('leads to the trips behind it, with their travel-order lines', async ({ page }) => {
		await signIn(page, 'auditor');
		await page.goto('/projects/SOLID/dashboard');
		const mobility = page.getByTestId('chart-mobility');
		await mobility.getByRole('button', { name: 'Tabula' }).click();
		await mobility.getByRole('link', { name: '3. pasākums' }).click();
		await expect(page).toHaveURL(/\/projects\/SOLID\/trips\?event=3$/);
		const rows = page.getByTestId('trip-rows').locator('tbody tr');
		await expect(rows).toHaveCount(2);
		// One trip's status in words, in the singular, not only greyed.
		const cancelled = rows.filter({ hasText: 'Sergejs Petrovs' });
		await expect(cancelled.getByTestId('trip-status')).toHaveText('Atcelts');
		await expect(rows.first().getByTestId('trip-status')).toHaveText('Notika');
		await expect(rows.first()).toContainText('travel.csv, 11. rinda');
	});
});
