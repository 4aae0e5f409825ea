import { expect, test, type Page } from '@playwright/test';
import { spawn } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { signIn } from '../pages/sign-in';

// SOLID amended through the real `cofund` binary beside the app Playwright serves (its socket, as
// in 13-cli-beside-app): 2019 council co-financing 670 → 710,20 EUR by decision No. 512 of
// 19.09.2019. An adopted version is never removed, so this suite runs after the others, and a
// second run finds the amendment already recorded.
const SERVED = 'tests/.tmp/e2e-data';
const WORK = 'tests/.tmp/plan-history';

const PLAN = {
	funding: {
		total: '4200.20',
		eu: 1500,
		council: '2700.20',
		years: [
			{ year: 2018, prefinancing: 1100, cofinancing: 1990 },
			{ year: 2019, prefinancing: 400, cofinancing: '710.20' }
		]
	}
};

function cofund(args: string[]): Promise<{ code: number | null; out: string; err: string }> {
	const child = spawn(process.execPath, ['src/cli/cofund.js', ...args], {
		env: { ...process.env, DATABASE_URL: '', COFUND_LANG: 'en', COFUND_DATA_DIR: SERVED },
		stdio: ['ignore', 'pipe', 'pipe']
	});
	let out = '';
	let err = '';
	child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString('utf8')));
	child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString('utf8')));
	return new Promise((done) => child.once('close', (code) => done({ code, out, err })));
}

const plain = (text: string | null) => (text ?? '').replaceAll('\u00a0', ' ');

async function historyOf(page: Page) {
	await page.goto('/projects/SOLID');
	return page.getByTestId('plan-history');
}

test.describe('the council’s decisions on the SOLID plan', () => {
	test.describe.configure({ timeout: 300_000 });

	test.beforeAll(async () => {
		test.setTimeout(300_000);
		mkdirSync(WORK, { recursive: true });
		const file = join(WORK, 'plan-2019.json');
		writeFileSync(file, JSON.stringify(PLAN));
		const amended = await cofund([
			'--as',
			'coordinator@cofund.example',
			'plan',
			'amend',
			'--project',
			'SOLID',
			'--decision-date',
			'2019-09-19',
			'--decision-number',
			'512',
			'--note',
			'2019 spent 40,20 EUR more',
			'--file',
			file
		]);
		const already = amended.err.includes('Decision No. 512 of 19 Sept 2019 is the one in force');
		expect(amended.code === 0 || already, amended.err).toBe(true);
	});

	test('lists decision 57 and its amendment of 19.09.2019 with the diff in EUR (LV)', async ({
		page
	}) => {
		await signIn(page, 'council');
		const history = await historyOf(page);
		await expect(history.getByRole('heading', { name: 'Domes lēmumi' })).toBeVisible();
		const adoption = history.getByTestId('history-decision-57');
		await expect(adoption).toContainText(
			'Daugavpils pilsētas domes 2018.gada 22.februāra lēmums Nr.57'
		);
		await expect(adoption).toContainText('Pieņem plānu');
		const amendment = history.getByTestId('history-decision-512');
		await expect(amendment).toContainText(
			'Daugavpils pilsētas domes 2019.gada 19.septembra lēmums Nr.512'
		);
		const changes = plain(await amendment.getByTestId('history-changes').textContent());
		expect(changes).toContain('Līdzfinansējums (2019. gads): 670 EUR → 710,20 EUR');
		expect(changes).toContain('Domes līdzfinansējums: 2660 EUR → 2700,20 EUR');
		const net = plain(await amendment.getByTestId('history-net').textContent());
		expect(net).toContain('Domes līdzfinansējums: +40,20 EUR');
		// The amendment is in force today; the adoption it amended no longer is.
		await expect(amendment.getByTestId('history-in-force')).toHaveText('Spēkā šodien');
		await expect(adoption.getByTestId('history-in-force')).toHaveCount(0);
		// A council member reads the decisions, and is not offered to prepare one.
		await expect(history.getByTestId('prepare-amendment')).toHaveCount(0);
	});

	test('says the same in English, and offers a coordinator to prepare an amendment', async ({
		page,
		context,
		baseURL
	}) => {
		await context.addCookies([{ name: 'PARAGLIDE_LOCALE', value: 'en', url: baseURL! }]);
		await signIn(page, 'coordinator');
		const history = await historyOf(page);
		await expect(history.getByRole('heading', { name: 'Council decisions' })).toBeVisible();
		const amendment = history.getByTestId('history-decision-512');
		await expect(amendment).toContainText('Decision No. 512 of 19 September 2019');
		await expect(amendment).toContainText('Amends the plan');
		const changes = plain(await amendment.getByTestId('history-changes').textContent());
		expect(changes).toContain('Co-financing (2019): 670 EUR → 710.20 EUR');
		// The note is the one the amendment was recorded with: this file's own, or the proposal's
		// when 15-plan-amendment recorded decision 512 first (as it does, by file order).
		await expect(amendment).toContainText(
			/Note: (2019 spent 40,20 EUR more|Grozījumu priekšlikums)/
		);
		const link = history.getByRole('link', { name: 'Prepare an amendment' });
		await expect(link).toHaveAttribute('href', '/projects/SOLID/plan/amend');
	});
});
