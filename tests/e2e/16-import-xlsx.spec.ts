/**
 * An Excel workbook on the import page: the SOLID ledger as an accounting system exports it
 * (date and number cells), behind a cover sheet with no header. The page finds the ledger's sheet,
 * says which sheet it read and offers the others, and the check gives the summary the CSV of the
 * same ledger gives. The demo has that CSV imported already, so both find every row there: the
 * workbook's rows are the CSV's rows, and a commit of it would add nothing.
 */
import { expect, test, type Page } from '@playwright/test';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ledgerWorkbook } from '../fixtures/imports/ledger-xlsx';
import { ImportPage } from '../pages/import-page';
import { signIn } from '../pages/sign-in';

const SHOTS = '/tmp/shots-xlsx';
const CSV = 'static/samples/solid/ledger.csv';
const SHEET = 'Grāmatojumi';

let dir: string;
let workbook: string;

test.beforeAll(async () => {
	dir = mkdtempSync(join(tmpdir(), 'cofund-xlsx-'));
	workbook = join(dir, 'ledger.xlsx');
	const bytes = await ledgerWorkbook({
		sheetName: SHEET,
		before: (book) => book.addWorksheet('Titullapa').addRow(['SOLID grāmatojumi, 2018–2019'])
	});
	writeFileSync(workbook, bytes);
	mkdirSync(SHOTS, { recursive: true });
});
test.afterAll(() => rmSync(dir, { recursive: true, force: true }));

const TEXT = {
	lv: {
		sheet: `Excel darbgrāmata, lapa “${SHEET}”`,
		sheetLabel: 'Lapa',
		accepted: /^Pieņemti/,
		duplicate: /^jau importētas rindas/,
		records: /^Ieraksti failā/
	},
	en: {
		sheet: `Excel workbook, sheet “${SHEET}”`,
		sheetLabel: 'Sheet',
		accepted: /^Accepted/,
		duplicate: /^rows already imported/,
		records: /^Records in the file/
	}
};

/** The report's counts, row by row, to compare two checks by. */
async function summary(importPage: ImportPage, lang: 'lv' | 'en') {
	const text = TEXT[lang];
	return {
		accepted: await importPage.count(text.accepted).innerText(),
		duplicate: await importPage.count(text.duplicate).innerText(),
		records: await importPage.count(text.records).innerText()
	};
}

async function checkBoth(page: Page, lang: 'lv' | 'en') {
	const importPage = new ImportPage(page);
	await importPage.open('SOLID');
	await importPage.importFile(CSV);
	const fromCsv = await summary(importPage, lang);
	await importPage.importFile(workbook);
	// The workbook's check is done when its sheet is named: the CSV's report is still shown until then.
	await expect(page.getByText(TEXT[lang].sheet)).toBeVisible({ timeout: 60_000 });
	return { importPage, fromCsv, fromXlsx: await summary(importPage, lang) };
}

for (const lang of ['lv', 'en'] as const) {
	for (const width of [390, 1440]) {
		test(`a workbook checks to the CSV's summary, its sheet named (${lang.toUpperCase()}, ${width} px)`, async ({
			browser
		}) => {
			const context = await browser.newContext({
				locale: lang === 'lv' ? 'lv-LV' : 'en-GB',
				viewport: { width, height: 900 }
			});
			const page = await context.newPage();
			await signIn(page, 'coordinator');
			const { fromCsv, fromXlsx } = await checkBoth(page, lang);
			expect(fromXlsx).toEqual(fromCsv);
			// Every row of the workbook is one the CSV brought: nothing new to commit.
			expect(fromXlsx.accepted).toBe('0');
			expect(Number(fromXlsx.duplicate)).toBeGreaterThan(0);
			const sheetChoice = page.getByRole('combobox', { name: TEXT[lang].sheetLabel, exact: true });
			await expect(sheetChoice).toContainText(SHEET);
			await page.screenshot({ path: `${SHOTS}/${lang}-${width}.png`, fullPage: true });
			await context.close();
		});
	}
}
