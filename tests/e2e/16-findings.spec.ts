/**
 * The auditor's control of SOLID, as the issue asks it: a 10-row monetary-unit sample drawn with
 * a given seed, drawn again to the same 10 rows; of them 8 verified, 1 ineligible for 20,00 EUR
 * with "no boarding pass" and 1 queried; the coordinator answers the query with a file, the
 * auditor closes it, and the dashboard shows eligible 4184,70 − 20,00 = 4164,70 EUR against
 * declared 4184,70 EUR. The findings stay for the files after this one (the figures read them).
 * Then the detail page in LV and EN, on a phone and a wide screen (screenshots under
 * test-results/findings).
 */
import { expect, test, type Browser, type Page } from '@playwright/test';
import { signIn } from '../pages/sign-in';
import { choose } from '../pages/ui';
import type { Role } from '../../src/lib/domain/access';

const SHOTS = 'test-results/findings';
const EVIDENCE = Buffer.from('Iekāpšanas karte, reiss BT 302, 12.03.2018.\n', 'utf8');

async function signedIn(browser: Browser, role: Role, lang: 'lv' | 'en' = 'lv', width = 1440) {
	const context = await browser.newContext({
		locale: lang === 'lv' ? 'lv-LV' : 'en-GB',
		viewport: { width, height: 900 }
	});
	const page = await context.newPage();
	await signIn(page, role);
	return { context, page };
}

const SEED = 'SOLID-kontrole-2026';

/** The rows of the sample page shown: each detail link and amount in cents, in draw order. */
async function sampleRows(page: Page): Promise<{ href: string; cents: number }[]> {
	const out: { href: string; cents: number }[] = [];
	for (const row of await page.getByTestId('sample-row').all()) {
		const href = (await row.locator('td').nth(2).getByRole('link').getAttribute('href'))!;
		const amount = (await row.locator('td').nth(4).innerText()).replace(/[^\d,]/g, '');
		out.push({ href, cents: Math.round(Number(amount.replace(',', '.')) * 100) });
	}
	return out;
}

/** Draws a 10-row monetary-unit sample of SOLID with the seed, and draws it again. */
async function drawnSample(page: Page): Promise<{ href: string; cents: number }[]> {
	await page.goto('/projects/SOLID/control');
	await page.getByLabel('Apjoms (rindas)').fill('10');
	await page.getByLabel('Sākumvērtība').fill(SEED);
	await page.getByRole('button', { name: 'Izlozēt', exact: true }).click();
	await expect(page).toHaveURL(/\/projects\/SOLID\/control\/samples\/\d+$/);
	await expect(page.getByTestId('sample-row')).toHaveCount(10);
	const drawn = await sampleRows(page);
	await page.getByRole('button', { name: 'Izlozēt vēlreiz' }).click();
	await expect(page.getByTestId('redraw-check')).toBeVisible();
	expect(await sampleRows(page)).toEqual(drawn);
	return drawn;
}

const badge = (page: Page) => page.getByTestId('finding-facts').getByTestId('finding-state');

let queried = '';

test('the auditor verifies 8, deducts 20,00 EUR from 1 and queries 1; the coordinator answers; the auditor closes', async ({
	browser
}) => {
	test.setTimeout(300_000);
	const auditor = await signedIn(browser, 'auditor');
	const page = auditor.page;
	const rows = await drawnSample(page);
	const sampleUrl = page.url();
	expect(new Set(rows.map((r) => r.href)).size).toBe(10);
	const deducted = rows.find((r) => r.cents >= 2000)!;
	const asked = rows.find((r) => r !== deducted)!;
	queried = asked.href;
	for (const row of rows.filter((r) => r !== deducted && r !== asked)) {
		await page.goto(row.href);
		await expect(badge(page)).toHaveAttribute('data-state', 'unchecked');
		await page.getByRole('button', { name: 'Atzīmēt kā pārbaudītu' }).click();
		await expect(badge(page)).toHaveAttribute('data-state', 'verified');
	}

	await page.goto(deducted.href);
	const over = `${Math.floor(deducted.cents / 100) + 1},00`;
	await page.getByLabel('Neattiecināmā summa, EUR').fill(over);
	await choose(page.getByLabel('Iemesls', { exact: true }), 'Nav iekāpšanas kartes');
	await page.getByRole('button', { name: 'Atzīt par neattiecināmu' }).click();
	// More than the expense: refused in the reader's language, nothing recorded.
	await expect(page.getByRole('alert')).toContainText('nevar pārsniegt izdevuma summu');
	await expect(badge(page)).toHaveAttribute('data-state', 'unchecked');
	await page.getByLabel('Neattiecināmā summa, EUR').fill('20,00');
	await choose(page.getByLabel('Iemesls', { exact: true }), 'Nav iekāpšanas kartes');
	await page.getByRole('button', { name: 'Atzīt par neattiecināmu' }).click();
	await expect(badge(page)).toHaveAttribute('data-state', 'ineligible');
	await expect(badge(page)).toContainText('20,00 EUR');
	await expect(page.getByTestId('finding-thread')).toContainText('Iemesls: Nav iekāpšanas kartes');

	await page.goto(asked.href);
	await page.getByLabel('Jautājums', { exact: true }).fill('Lūdzu, pievienojiet iekāpšanas karti.');
	await page.getByRole('button', { name: 'Nosūtīt jautājumu' }).click();
	await expect(badge(page)).toHaveAttribute('data-state', 'queried');

	// The coordinator may answer, not decide.
	const coordinator = await signedIn(browser, 'coordinator');
	const answer = coordinator.page;
	await answer.goto(asked.href);
	await expect(answer.getByRole('button', { name: 'Slēgt jautājumu (pieņemt)' })).toHaveCount(0);
	await answer.getByLabel('Atbilde', { exact: true }).fill('Iekāpšanas karte pievienota.');
	await answer
		.getByTestId('finding-files')
		.locator('input[type=file]')
		.setInputFiles({ name: 'iekapsanas-karte.txt', mimeType: 'text/plain', buffer: EVIDENCE });
	await answer.getByRole('button', { name: 'Nosūtīt atbildi' }).click();
	const thread = answer.getByTestId('finding-thread');
	await expect(thread.locator('li[data-action=answer]')).toContainText('iekapsanas-karte.txt');
	const download = answer.waitForEvent('download');
	await thread.getByRole('link', { name: 'iekapsanas-karte.txt' }).click();
	const saved = await (await download).createReadStream();
	const chunks: Buffer[] = [];
	for await (const chunk of saved) chunks.push(chunk as Buffer);
	expect(Buffer.concat(chunks)).toEqual(EVIDENCE);
	await coordinator.context.close();

	await page.goto(asked.href);
	await page.getByRole('button', { name: 'Slēgt jautājumu (pieņemt)' }).click();
	await expect(badge(page)).toHaveAttribute('data-state', 'verified');
	await expect(page.getByTestId('finding-thread').locator(':scope > li')).toHaveCount(3);

	// The table filters by control state: 9 verified, 1 ineligible among SOLID's rows.
	await page.goto('/projects/SOLID/expenses?control=verified');
	await expect(page.getByTestId('expense-rows').locator('tbody tr')).toHaveCount(9);
	await page.goto('/projects/SOLID/expenses?control=ineligible');
	const ineligible = page.getByTestId('expense-rows').locator('tbody tr');
	await expect(ineligible).toHaveCount(1);
	await expect(ineligible.getByTestId('finding-state')).toContainText('20,00 EUR');
	await page.screenshot({ path: `${SHOTS}/lv-1440-table.png`, fullPage: true });
	await page.goto('/settings/control-reasons');
	const pass = page.getByTestId('control-reasons').locator(':scope > li').nth(1);
	await expect(pass.getByLabel('Nosaukums latviski')).toHaveValue('Nav iekāpšanas kartes');
	await page.screenshot({ path: `${SHOTS}/lv-1440-reasons.png`, fullPage: true });

	// The sample is worked through, and the dashboard shows eligible against declared.
	await page.goto(sampleUrl);
	await expect(page.getByTestId('sample-row').filter({ hasText: 'Nepārbaudīts' })).toHaveCount(0);
	await page.goto('/projects/SOLID/dashboard');
	const total = page.getByTestId('control-card').locator('tfoot tr');
	await expect(total.locator('td').first()).toHaveText('4184,70 EUR');
	await expect(total.locator('td').nth(3)).toHaveText('20,00 EUR');
	await expect(total.locator('td').nth(4)).toHaveText('4164,70 EUR');
	await page.screenshot({ path: `${SHOTS}/lv-1440-dashboard.png`, fullPage: true });
	await auditor.context.close();
});

for (const lang of ['lv', 'en'] as const)
	for (const width of [390, 1440])
		test(`the detail page of the answered query, ${lang.toUpperCase()} at ${width} px`, async ({
			browser
		}) => {
			test.setTimeout(120_000);
			expect(queried).not.toBe('');
			const { context, page } = await signedIn(browser, 'auditor', lang, width);
			await page.goto(queried);
			await expect(page.getByTestId('finding-thread').locator(':scope > li')).toHaveCount(3);
			const scroll = await page.evaluate(() => document.documentElement.scrollWidth);
			expect(scroll).toBeLessThanOrEqual(width);
			await page.screenshot({ path: `${SHOTS}/${lang}-${width}-detail.png`, fullPage: true });
			await context.close();
		});
