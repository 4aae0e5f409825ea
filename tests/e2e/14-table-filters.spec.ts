/**
 * The tables people work with: the coordinator filters SOLID's expenses to 2019 and code 2122
 * with the filter bar, shares the link, and the auditor opening it sees the same rows and
 * downloads a CSV of exactly them. Then every table, filtered and sorted, at a phone's and a
 * desktop's width in LV and EN: no table or filter bar wider than the screen (screenshots when
 * SHOTS_DIR is set).
 */
import { expect, test, type Page } from '@playwright/test';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';
import { signIn } from '../pages/sign-in';
import { choose, dateField, setDate } from '../pages/ui';

/** Document number and amount in cents of each row the expense table shows. */
async function shownRows(page: Page): Promise<string[]> {
	const rows = page.getByTestId('expense-rows').locator('tbody tr');
	const out: string[] = [];
	for (const row of await rows.all()) {
		const cells = row.locator('td');
		const document = (await cells.nth(1).innerText()).trim();
		const amount = (await cells.nth(6).innerText()).replace(/[^\d,]/g, '');
		out.push(`${document} ${amount}`);
	}
	return out;
}

test.describe('the expense table filters, shared', () => {
	test('2019 and code 2122: the same rows for the auditor, and the CSV holds exactly them', async ({
		browser,
		baseURL
	}) => {
		test.setTimeout(180_000);
		const coordinatorContext = await browser.newContext();
		const coordinator = await coordinatorContext.newPage();
		await signIn(coordinator, 'coordinator');
		await coordinator.goto('/projects/SOLID/expenses');
		const everything = await shownRows(coordinator);

		const bar = coordinator.getByTestId('filter-bar');
		await choose(bar.getByLabel('Gads'), '2019');
		await choose(bar.getByLabel('EKK (klasifikācijas kods)'), /^2122\b/);
		await bar.getByRole('button', { name: 'Atlasīt' }).click();
		await expect(coordinator).toHaveURL(/[?&]year=2019(&|$)/);
		await expect(coordinator).toHaveURL(/[?&]code=2122(&|$)/);
		const shared = coordinator.url();
		const filtered = await shownRows(coordinator);
		expect(filtered.length).toBeGreaterThan(0);
		expect(filtered.length).toBeLessThan(everything.length);
		// Each row shown is of 2019 and coded 2122.
		for (const row of await coordinator.getByTestId('expense-rows').locator('tbody tr').all()) {
			await expect(row.locator('td').nth(0)).toContainText('2019');
			await expect(row.locator('td').nth(4)).toContainText('2122');
		}
		await expect(coordinator.getByTestId('rows-summary')).toContainText(`${filtered.length} `);
		await coordinatorContext.close();

		const auditorContext = await browser.newContext({ acceptDownloads: true });
		const auditor = await auditorContext.newPage();
		await signIn(auditor, 'auditor');
		await auditor.goto(shared);
		expect(await shownRows(auditor)).toEqual(filtered);
		// The controls say the filter the link carries.
		const auditorBar = auditor.getByTestId('filter-bar');
		// The select shows the choice and sends it with the form.
		await expect(auditorBar.getByLabel('Gads')).toHaveText('2019');
		await expect(auditorBar.locator('input[name="year"]')).toHaveValue('2019');
		await expect(auditorBar.getByLabel('EKK (klasifikācijas kods)')).toContainText('2122');
		await expect(auditorBar.locator('input[name="code"]')).toHaveValue('2122');

		const [download] = await Promise.all([
			auditor.waitForEvent('download'),
			auditorBar.getByTestId('filter-csv').click()
		]);
		const csv = readFileSync((await download.path())!, 'utf8').replace(/^\uFEFF/, '');
		const parsed = Papa.parse<string[]>(csv, { delimiter: ';', skipEmptyLines: true });
		const [header, ...lines] = parsed.data;
		const documentAt = header!.indexOf('Dokumenta nr.');
		const amountAt = header!.indexOf('Summa');
		const codeAt = header!.indexOf('EKK (klasifikācijas kods)');
		expect(documentAt).toBeGreaterThanOrEqual(0);
		expect(amountAt).toBeGreaterThanOrEqual(0);
		const fromCsv = lines.map((cells) => {
			expect(cells[codeAt]).toBe('2122');
			const [whole, fraction = ''] = cells[amountAt]!.split(',');
			return `${cells[documentAt]} ${whole},${fraction.padEnd(2, '0')}`;
		});
		expect(fromCsv).toEqual(filtered);
		expect(baseURL).toBeTruthy();
		await auditorContext.close();
	});

	test('a dashboard drill-down link lands on its rows, and the bar shows its filter', async ({
		page
	}) => {
		await signIn(page, 'auditor');
		await page.goto('/projects/SOLID/expenses?year=2019&category=2122');
		const rows = await shownRows(page);
		await page.goto('/projects/SOLID/expenses?year=2019&code=2122');
		expect(await shownRows(page)).toEqual(rows);
		await expect(page.getByTestId('filter-bar').getByLabel('Gads')).toHaveText('2019');
		await expect(page.getByTestId('filter-bar').locator('input[name="year"]')).toHaveValue('2019');
		// Sorting by amount keeps the filter, biggest first.
		await page.getByTestId('expense-rows').locator('th[data-column=amount] a').click();
		await expect(page).toHaveURL(/sort=-amount/);
		await expect(page).toHaveURL(/year=2019/);
		const amounts = (await shownRows(page)).map((r) => Number(r.split(' ')[1]!.replace(',', '.')));
		expect(amounts).toEqual([...amounts].sort((a, b) => b - a));
	});
});

test.describe('the date filters', () => {
	test('a range typed day first filters the rows and lands in the URL as ISO dates', async ({
		page
	}) => {
		await signIn(page, 'auditor');
		await page.goto('/projects/SOLID/expenses');
		const bar = page.getByTestId('filter-bar');
		// Latvian order, dd.mm.gggg, whatever the browser's own date format.
		await expect(dateField(bar, 'No').getByRole('spinbutton')).toHaveText(['dd', 'mm', 'gggg']);
		await setDate(bar, 'No', '2019-03-01');
		await setDate(bar, 'Līdz', '2019-06-30');
		await expect(dateField(bar, 'No')).toContainText(/01\.03\.2019/);
		await expect(bar.locator('input[name="from"]')).toHaveValue('2019-03-01');
		await bar.getByRole('button', { name: 'Atlasīt' }).click();
		await expect(page).toHaveURL(/[?&]from=2019-03-01(&|$)/);
		await expect(page).toHaveURL(/[?&]to=2019-06-30(&|$)/);
		const dates = await page
			.getByTestId('expense-rows')
			.locator('tbody tr td:first-child')
			.allInnerTexts();
		expect(dates.length).toBeGreaterThan(0);
		for (const date of dates) expect(date.trim()).toMatch(/^(0[1-9]|[12]\d|3[01])\.0[3-6]\.2019/);
		// The link's range shows in the fields; clearing one sends it empty.
		await expect(dateField(bar, 'Līdz')).toContainText(/30\.06\.2019/);
		await dateField(bar, 'Līdz').getByRole('button', { name: 'Notīrīt: Līdz' }).click();
		await expect(bar.locator('input[name="to"]')).toHaveValue('');
		await bar.getByRole('button', { name: 'Atlasīt' }).click();
		await expect(page).toHaveURL(/[?&]from=2019-03-01(&|$)/);
		await expect(page).not.toHaveURL(/to=2019/);
	});

	test('in English the fields are day first too, and the calendar picks a day', async ({
		browser,
		baseURL
	}) => {
		const context = await browser.newContext({ locale: 'en-US' });
		await context.addCookies([{ name: 'PARAGLIDE_LOCALE', value: 'en', url: baseURL! }]);
		const page = await context.newPage();
		await signIn(page, 'auditor');
		await page.goto('/projects/SOLID/expenses?from=2019-03-01');
		const bar = page.getByTestId('filter-bar');
		await expect(dateField(bar, 'From').getByRole('spinbutton')).toHaveText(['01', '03', '2019']);
		await expect(dateField(bar, 'From')).toContainText('01/03/2019');
		await dateField(bar, 'To').getByRole('button', { name: 'Choose in a calendar: To' }).click();
		const calendar = page.getByRole('application');
		await expect(calendar).toBeVisible();
		await calendar.getByRole('button', { name: /\b15\b/ }).click();
		await expect(bar.locator('input[name="to"]')).toHaveValue(/^\d{4}-\d{2}-15$/);
		await context.close();
	});

	test('before any script runs, the form sends the dates it came with', async ({ browser }) => {
		const context = await browser.newContext({ javaScriptEnabled: false });
		const page = await context.newPage();
		await signIn(page, 'auditor');
		await page.goto('/projects/SOLID/expenses?from=2019-03-01&to=2019-06-30');
		const bar = page.getByTestId('filter-bar');
		await expect(bar.locator('input[name="from"]')).toHaveValue('2019-03-01');
		await expect(bar).toContainText(/01\.03\.2019/);
		await bar.getByRole('button', { name: 'Atlasīt' }).click();
		await expect(page).toHaveURL(/[?&]from=2019-03-01&to=2019-06-30(&|$)/);
		await context.close();
	});
});

/** Person, travel order and status of each row the trips table shows. */
async function shownTrips(page: Page): Promise<string[]> {
	const out: string[] = [];
	for (const row of await page.getByTestId('trip-rows').locator('tbody tr').all()) {
		const cells = row.locator('td');
		const [person, order, status] = await Promise.all(
			[0, 6, 7].map(async (i) => (await cells.nth(i).innerText()).trim())
		);
		out.push(`${person} ${order} ${status}`);
	}
	return out;
}

test.describe('the trips table filters', () => {
	test('done trips from June 2018, by person: the CSV holds exactly the rows shown', async ({
		browser
	}) => {
		const context = await browser.newContext({ acceptDownloads: true });
		const page = await context.newPage();
		await signIn(page, 'auditor');
		await page.goto('/projects/SOLID/trips');
		const everything = await shownTrips(page);

		const bar = page.getByTestId('filter-bar');
		await choose(bar.getByLabel('Statuss'), 'Notika');
		await setDate(bar, 'No', '2018-06-01');
		await bar.getByRole('button', { name: 'Atlasīt' }).click();
		await expect(page).toHaveURL(/[?&]status=done(&|$)/);
		await page.getByTestId('trip-rows').locator('th[data-column=person] a').click();
		await expect(page).toHaveURL(/sort=person/);
		await expect(page).toHaveURL(/from=2018-06-01/);
		const filtered = await shownTrips(page);
		expect(filtered.length).toBeGreaterThan(0);
		expect(filtered.length).toBeLessThan(everything.length);
		expect(filtered.every((row) => row.endsWith(' Notika'))).toBe(true);
		const people = filtered.map((row) => row.split(' R-')[0]!);
		expect(people).toEqual([...people].sort((a, b) => a.localeCompare(b, 'lv')));

		const [download] = await Promise.all([
			page.waitForEvent('download'),
			bar.getByTestId('filter-csv').click()
		]);
		expect(download.suggestedFilename()).toBe('SOLID-trips.csv');
		const csv = readFileSync((await download.path())!, 'utf8').replace(/^\uFEFF/, '');
		const [header, ...lines] = Papa.parse<string[]>(csv, {
			delimiter: ';',
			skipEmptyLines: true
		}).data;
		const at = (name: string) => {
			const index = header!.indexOf(name);
			expect(index, name).toBeGreaterThanOrEqual(0);
			return index;
		};
		const [person, order, status] = ['Vārds, uzvārds', 'Rīkojuma nr.', 'Statuss'].map(at);
		expect(lines.map((cells) => `${cells[person!]} ${cells[order!]} ${cells[status!]}`)).toEqual(
			filtered
		);
		await context.close();
	});
});

const TABLES = [
	['expenses', '/projects/SOLID/expenses?year=2019&sort=-amount'],
	['trips', '/projects/SOLID/trips?status=done'],
	['imports', '/projects/SOLID/imports'],
	['documents', '/projects/SOLID/documents'],
	['audit', '/audit?project=SOLID'],
	['portfolio', '/portfolio'],
	['portfolio-expenses', '/portfolio/expenses?year=2018']
] as const;

test.describe('every table at a phone’s and a desktop’s width', () => {
	for (const locale of ['lv', 'en'] as const) {
		test(`nothing is wider than the screen, in ${locale}`, async ({ browser, baseURL }) => {
			test.setTimeout(180_000);
			const context = await browser.newContext();
			await context.addCookies([{ name: 'PARAGLIDE_LOCALE', value: locale, url: baseURL! }]);
			const page = await context.newPage();
			await signIn(page, 'auditor');
			const shots = process.env.SHOTS_DIR;
			if (shots) mkdirSync(shots, { recursive: true });
			for (const width of [390, 1440]) {
				await page.setViewportSize({ width, height: 900 });
				for (const [name, path] of TABLES) {
					await page.goto(path);
					await expect(
						page.locator('main table.data, main [data-testid=filter-bar]').first()
					).toBeVisible();
					// The tables and their filter bars stay inside the screen: a wide table scrolls in its card.
					const overflow = await page.evaluate(() =>
						Math.max(
							...[...document.querySelectorAll('.table-scroll, [data-testid=filter-bar]')].map(
								(el) => el.getBoundingClientRect().right - window.innerWidth
							)
						)
					);
					expect(overflow, `${name} at ${width} px in ${locale}`).toBeLessThanOrEqual(0);
					if (shots)
						await page.screenshot({
							path: join(shots, `${name}-${width}-${locale}.png`),
							fullPage: true
						});
				}
			}
			await context.close();
		});
	}
});
