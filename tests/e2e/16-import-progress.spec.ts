/**
 * A long check on the import page: the bar with rows read, rows per second and the time left, a
 * Cancel that ends it with the cancelled message in the reader's language, and a full check
 * afterwards. The file is generated: as many short ledger lines as fit in 48 MB (2.7 million), which
 * even an idle machine takes tens of seconds to check, against the few seconds the estimate needs
 * to show and the screenshots and the Cancel take. It goes to the second e2e app
 * (playwright.config.ts), whose upload limit is 64 MB.
 */
import { expect, test, type Browser } from '@playwright/test';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ImportPage } from '../pages/import-page';
import { signIn } from '../pages/sign-in';

const SHOTS = '/tmp/shots-progress';
/** Under the second app's COFUND_IMPORT_MAX_MB of 64. */
const SIZE = 48_000_000;

test.use({ baseURL: process.env.E2E_LARGE_UPLOADS_URL });

/** A ledger of two columns, every line a different SOLID expense of 2018; returns its row count. */
function writeShortLedger(path: string): number {
	const lines = ['Datums;Summa EUR'];
	let size = lines[0]!.length + 1;
	for (let i = 0; ; i++) {
		const day = String((i % 28) + 1).padStart(2, '0');
		const month = String((i % 12) + 1).padStart(2, '0');
		const line = `${day}.${month}.2018;${(i % 997) + 1},${String(i % 100).padStart(2, '0')}`;
		if (size + line.length + 1 > SIZE) break;
		lines.push(line);
		size += line.length + 1;
	}
	writeFileSync(path, lines.join('\n') + '\n');
	return lines.length - 1;
}

let dir: string;
let file: string;
let rows: number;

test.beforeAll(() => {
	dir = mkdtempSync(join(tmpdir(), 'cofund-progress-'));
	file = join(dir, 'long-ledger.csv');
	rows = writeShortLedger(file);
	mkdirSync(SHOTS, { recursive: true });
});
test.afterAll(() => rmSync(dir, { recursive: true, force: true }));

const TEXT = {
	lv: {
		pace: /\d+ rindas\/s · vēl apmēram \d/,
		cancel: 'Atcelt',
		cancelled: 'Importēšana atcelta; nekas netika saglabāts.',
		recheck: 'Pārbaudīt vēlreiz',
		accepted: /^Pieņemti/
	},
	en: {
		pace: /\d+ rows\/s · about \d/,
		cancel: 'Cancel',
		cancelled: 'The import was cancelled; nothing was saved.',
		recheck: 'Check again',
		accepted: /^Accepted/
	}
};

async function openAs(browser: Browser, lang: 'lv' | 'en', width: number) {
	const context = await browser.newContext({
		locale: lang === 'lv' ? 'lv-LV' : 'en-GB',
		viewport: { width, height: 900 }
	});
	const page = await context.newPage();
	await signIn(page, 'coordinator');
	const importPage = new ImportPage(page);
	await importPage.open('SOLID');
	return { context, page, importPage };
}

for (const lang of ['lv', 'en'] as const) {
	for (const width of [390, 1440]) {
		test(`a long check shows its pace, is cancelled, and is then checked whole (${lang.toUpperCase()}, ${width} px)`, async ({
			browser
		}) => {
			test.setTimeout(1_200_000);
			const text = TEXT[lang];
			const { context, page, importPage } = await openAs(browser, lang, width);
			await page.locator('input[type=file]').setInputFiles(file);
			const progress = page.getByTestId('import-progress');
			// The estimate warms up for a second before it shows a rate and the time left.
			await expect(progress).toContainText(text.pace, { timeout: 60_000 });
			await page.screenshot({ path: `${SHOTS}/${lang}-${width}.png` });

			await progress.getByRole('button', { name: text.cancel }).click();
			await expect(importPage.failure).toContainText(text.cancelled, { timeout: 60_000 });
			await expect(progress).toHaveCount(0);

			// The page is ready again: the same file is checked, whole this time.
			await importPage.failure.getByRole('button', { name: text.recheck }).click();
			await expect(importPage.report).toBeVisible({ timeout: 600_000 });
			await expect(importPage.failure).toHaveCount(0);
			await expect(importPage.count(text.accepted)).toHaveText(
				new Intl.NumberFormat(lang === 'lv' ? 'lv' : 'en-GB').format(rows)
			);
			await context.close();
		});
	}
}
