import { expect, test } from '@playwright/test';
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { signIn } from '../pages/sign-in';

// The real `cofund` binary and a second built app, each a process of its own, beside the app
// Playwright serves on tests/.tmp/e2e-data (playwright.config.ts): the CLI reaches that app's
// embedded database through its socket.
const SERVED = 'tests/.tmp/e2e-data';
const WORK = 'tests/.tmp/cli-beside-app';
const port = Number(process.env.E2E_PORT || 4173);

interface Run {
	code: number | null;
	out: string;
	err: string;
}

function started(command: string[], env: Record<string, string>): ChildProcess {
	return spawn(process.execPath, command, {
		env: { ...process.env, DATABASE_URL: '', COFUND_LANG: 'en', ...env },
		stdio: ['ignore', 'pipe', 'pipe']
	});
}

function finished(child: ChildProcess): Promise<Run> {
	let out = '';
	let err = '';
	child.stdout!.on('data', (chunk: Buffer) => (out += chunk.toString('utf8')));
	child.stderr!.on('data', (chunk: Buffer) => (err += chunk.toString('utf8')));
	return new Promise((done) => child.once('close', (code) => done({ code, out, err })));
}

const cofund = (args: string[], dataDir = SERVED) =>
	finished(started(['src/cli/cofund.js', ...args], { COFUND_DATA_DIR: dataDir }));

const answers = (url: string) =>
	fetch(url).then(
		(response) => response.status,
		() => 0
	);

/** A row of a later ledger export, in the sample's own dialect. */
const NEW_ROWS = [
	'08.10.2019;AO-2019/101;Inese Kalniņa;Dienas nauda, Sződliget 08.–09.10.;2121;60,00;SOLID;5;Pašvaldība',
	'08.10.2019;LX-13001;SIA Lux Express Latvia;Autobuss Daugavpils–Rīga–Daugavpils, 1 pers.;2122;15,00;SOLID;5;Pašvaldība'
];

test.describe('the CLI beside the running app', () => {
	test.describe.configure({ timeout: 300_000 });

	test('imports, sums up and adds a person while the app serves, and the dashboard shows the new rows', async ({
		page
	}) => {
		mkdirSync(WORK, { recursive: true });
		const sample = readFileSync('static/samples/solid/ledger.csv', 'utf8').trimEnd();
		const later = join(WORK, 'ledger-2019-10.csv');
		// The whole export again with two new rows: only the new rows are counted.
		writeFileSync(later, `${sample}\n${NEW_ROWS.join('\n')}\n`);

		// The very file the demo imported: nothing is added twice, and the command says so.
		const again = await cofund([
			'--as',
			'coordinator@cofund.example',
			'import',
			'expenses',
			'static/samples/solid/ledger.csv',
			'--project',
			'SOLID'
		]);
		expect(again.code).toBe(0);
		expect(again.out).toMatch(/rows already imported +33 +4,184\.70\sEUR/);
		expect(again.out).toContain('There is no new record to import');
		expect(again.out).toMatch(/This very file \(the same SHA-256\) was imported as #\d+ on /);
		expect(again.err).not.toMatch(/^\s+at /m);

		const imported = await cofund([
			'--as',
			'coordinator@cofund.example',
			'import',
			'expenses',
			later,
			'--project',
			'SOLID',
			'--json'
		]);
		expect(imported.code).toBe(0);
		const result = JSON.parse(imported.out) as { committed: boolean; batchId: number };
		expect(result.committed).toBe(true);

		const summary = await cofund([
			'--as',
			'council@cofund.example',
			'summary',
			'--project',
			'SOLID',
			'--json'
		]);
		expect(summary.code).toBe(0);
		expect(summary.out).toContain('4259.70');

		const added = await cofund([
			'--as',
			'admin@cofund.example',
			'user',
			'add',
			'clerk@cofund.example',
			'--role',
			'council',
			'--name',
			'Anna Kļaviņa',
			'--project',
			'SOLID'
		]);
		expect(added.err).toBe('');
		expect(added.code).toBe(0);
		expect(added.out).toContain('clerk@cofund.example');

		await signIn(page, 'council');
		await page.goto('/projects/SOLID/dashboard');
		await expect(page.getByTestId('figure-actual')).toHaveText('4259,70 EUR');
		const years = page.getByTestId('chart-yearly-plan');
		await years.getByRole('button', { name: 'Tabula' }).click();
		await expect(years.getByTestId('year-2019')).toContainText('+115,20 EUR');

		// Leave the demo as the other suites expect it.
		const reverted = await cofund([
			'--as',
			'coordinator@cofund.example',
			'import',
			'revert',
			String(result.batchId),
			'--project',
			'SOLID'
		]);
		expect(reverted.code).toBe(0);
		await page.goto('/projects/SOLID/dashboard');
		await expect(page.getByTestId('figure-actual')).toHaveText('4184,70 EUR');
	});

	test('a second built app on the same folder is refused in one line, and the first keeps serving', async () => {
		const second = await finished(
			started(['build'], {
				COFUND_DATA_DIR: SERVED,
				PORT: String(port + 1),
				HOST: '127.0.0.1'
			})
		);
		expect(second.code).toBe(1);
		expect(second.err).toMatch(
			/^The embedded database in .*e2e-data is already open in another cofund process \(PID \d+, cofund web app, since \d\d? \w{3} \d{4} \d\d:\d\d\)\./
		);
		expect(second.err).not.toMatch(/^\s+at /m);
		expect(second.err.trim().split('\n')).toHaveLength(1);
		expect(await answers(`http://localhost:${port}/login`)).toBe(200);
	});

	test('an app killed outright leaves nothing that stops the next start on its folder', async () => {
		const dataDir = resolve('tests/.tmp/e2e-killed');
		rmSync(dataDir, { recursive: true, force: true });
		const url = `http://127.0.0.1:${port + 2}/login`;
		const env = { COFUND_DATA_DIR: dataDir, PORT: String(port + 2), HOST: '127.0.0.1' };
		const socket = join(dataDir, 'cofund.sock');
		const apps: ChildProcess[] = [];
		try {
			const first = started(['build'], env);
			apps.push(first);
			await expect.poll(() => answers(url), { timeout: 180_000 }).toBe(200);
			expect(existsSync(socket)).toBe(true);
			const gone = new Promise((done) => first.once('exit', done));
			first.kill('SIGKILL');
			await gone;
			// What a killed app leaves behind: its lock and its socket.
			expect(existsSync(socket)).toBe(true);
			expect(existsSync(join(dataDir, 'cofund.lock'))).toBe(true);

			const next = started(['build'], env);
			apps.push(next);
			const nextRun = finished(next);
			await expect.poll(() => answers(url), { timeout: 180_000 }).toBe(200);
			const migrate = await cofund(['db', 'migrate'], dataDir);
			expect(migrate.code).toBe(0);
			expect(migrate.out).toContain('cofund.sock');

			next.kill('SIGTERM');
			const stopped = await nextRun;
			expect(stopped.err).not.toMatch(/^\s+at /m);
			expect(existsSync(socket)).toBe(false);
			expect(existsSync(join(dataDir, 'cofund.lock'))).toBe(false);
		} finally {
			for (const app of apps)
				if (app.exitCode === null && app.signalCode === null) app.kill('SIGKILL');
		}
	});
});
