import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type DatabaseHandle } from '$lib/server/db';
import { fromPackageRoot } from '$lib/server/package-root';
import { runCli } from '../../tests/factories/cli';
import { applySolidAndOther } from '../../tests/factories/projects';
import { makeUser } from '../../tests/factories/users';

const LEDGER = fromPackageRoot('static/samples/solid/ledger.csv');

// The CLI beside a running app. It asks the routes' question through decide(): the role's permission, and membership of
// the project for everyone but an admin. Its commands run in process, through the socket of an
// app that serves the folder, as they would beside `npm start`.
describe('the CLI beside a serving app', { timeout: 180_000 }, () => {
	let app: DatabaseHandle;
	let env: Record<string, string>;

	beforeAll(async () => {
		const dataDir = mkdtempSync(join(tmpdir(), 'cofund-cli-access-'));
		env = { COFUND_DATA_DIR: dataDir, DATABASE_URL: '', COFUND_LANG: 'en' };
		app = await openDatabase({ dataDir }, 'cofund web app', { serve: true });
		await applySolidAndOther(app.db);
		await makeUser(app.db, 'council', 'council@test.example', ['SOLID']);
		await makeUser(app.db, 'coordinator', 'other-coordinator@test.example', ['OTHER']);
		await makeUser(app.db, 'coordinator', 'coordinator@test.example', ['SOLID']);
		await makeUser(app.db, 'admin', 'admin@test.example');
	});

	afterAll(async () => {
		await app?.close();
	});

	const importAs = (email: string) =>
		runCli(
			['--as', email, 'import', 'expenses', LEDGER, '--project', 'SOLID', '--dry-run', '--json'],
			env
		);

	it('refuses a council member an import, even on their own project', async () => {
		const result = await importAs('council@test.example');
		expect(result.code).toBe(1);
		expect(result.err).toContain('council@test.example (council) may not: import:run SOLID.');
	});

	it('refuses a coordinator who is not a member of the project', async () => {
		const result = await importAs('other-coordinator@test.example');
		expect(result.code).toBe(1);
		expect(result.err).toContain(
			'other-coordinator@test.example (coordinator) may not: import:run SOLID.'
		);
		const summary = await runCli(
			['--as', 'other-coordinator@test.example', 'summary', '--project', 'SOLID'],
			env
		);
		expect(summary.code).toBe(1);
		expect(summary.err).toContain('may not: project:read SOLID.');
	});

	it('lets a member coordinator and an admin (a member of nothing) import', async () => {
		for (const email of ['coordinator@test.example', 'admin@test.example']) {
			const result = await importAs(email);
			expect(result.err).toBe('');
			expect(result.code).toBe(0);
			expect(JSON.parse(result.out)).toMatchObject({ fileName: 'ledger.csv', committed: false });
		}
	});

	it('refuses a council member a permission that names no project', async () => {
		const result = await runCli(['--as', 'council@test.example', 'audit', 'verify'], env);
		expect(result.code).toBe(1);
		expect(result.err).toContain('council@test.example (council) may not: audit:read.');
	});

	it('imports a file once; the same file again adds nothing and names the import it repeats', async () => {
		const args = [
			'--as',
			'coordinator@test.example',
			'import',
			'expenses',
			LEDGER,
			'--project',
			'SOLID'
		];
		const first = await runCli(args, env);
		expect(first.code).toBe(0);
		expect(first.out).toContain('Imported as batch #');
		const batch = /Imported as batch #(\d+)/.exec(first.out)![1];

		const again = await runCli(args, env);
		expect(again.code).toBe(0);
		expect(again.out).toMatch(/rows already imported +33 +4,184\.70\u00a0EUR/);
		expect(again.out).toContain('There is no new record to import');
		expect(again.out).toContain(`This very file (the same SHA-256) was imported as #${batch} on `);
		expect(again.out).toContain(`cofund import revert ${batch} --project SOLID`);

		// Reverted, the file imports again in full, as the line says.
		const reverted = await runCli(
			['--as', 'coordinator@test.example', 'import', 'revert', batch!, '--project', 'SOLID'],
			env
		);
		expect(reverted.code).toBe(0);
		const third = await runCli(args, env);
		expect(third.code).toBe(0);
		expect(third.out).toMatch(/Accepted +33 +4,184\.70\u00a0EUR/);
	});
});
