import { spawn, spawnSync, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { createInterface } from 'node:readline';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '$tests/factories/cli';
import { DEMO_TIMEOUT, demoCopy, prepareDemo } from '$tests/factories/demo-folder';
import { runSql } from '$tests/fixtures/run-sql';

const CLI = 'src/cli/cofund.js';
const SOLID = 'static/samples/solid/project.json';

const DEMO_PASSWORD = 'demo password for tests';
const testEnv = (dataDir: string) => ({
	COFUND_DATA_DIR: dataDir,
	DATABASE_URL: '',
	COFUND_USER: '',
	COFUND_DEMO_PASSWORD: DEMO_PASSWORD
});

/** `cofund --lang en <args>` in this process, on the data folder. */
const cofund = (dataDir: string, ...args: string[]) =>
	runCli(['--lang', 'en', ...args], testEnv(dataDir));

/** A data folder of its own with the demo loaded: SOLID and one user per role. */
const demoDir = () => demoCopy('cofund-cli-');
beforeAll(() => prepareDemo(testEnv('')), DEMO_TIMEOUT);

const COORDINATOR = ['--as', 'coordinator@cofund.example'];
const ADMIN = ['--as', 'admin@cofund.example'];

/**
 * A spawned process starts Node and compiles the TypeScript it runs with tsx. Measured on a 2-core
 * machine shared by several test runs at once (load average 15): up to 45 s for one binary run,
 * 25 s for the lock test; four times the worst.
 */
const BINARY_TIMEOUT = 180_000;

/**
 * The real `cofund` binary, in a process of its own: only for what is about the binary itself
 * (its Node start, tsx, its exit code and what it prints on a failure).
 */
function spawnCofund(dataDir: string, ...args: string[]) {
	const result = spawnSync('node', [CLI, '--lang', 'en', ...args], {
		env: { ...process.env, ...testEnv(dataDir) },
		encoding: 'utf8'
	});
	return { code: result.status, out: result.stdout, err: result.stderr };
}

/** A second process holding the embedded database open, as a running cofund would. */
function holdDatabase(dataDir: string) {
	const child = spawn('node', ['--import', 'tsx', 'tests/fixtures/hold-database.ts'], {
		env: { ...process.env, ...testEnv(dataDir) }
	});
	const lines = createInterface({ input: child.stdout })[Symbol.asyncIterator]();
	const next = async () => (await lines.next()).value as string;
	return { child, next };
}

const children: ChildProcessWithoutNullStreams[] = [];
afterEach(() => {
	for (const child of children.splice(0)) child.kill('SIGKILL');
});

describe('cofund project apply (embedded database)', () => {
	it('creates SOLID once; applying it again changes nothing and duplicates nothing', async () => {
		const dir = await demoDir();
		for (let run = 0; run < 2; run++) {
			const again = await cofund(dir, ...COORDINATOR, 'project', 'apply', SOLID);
			expect(again).toMatchObject({
				code: 0,
				out: 'Project SOLID is already exactly so; nothing was changed (version 1).\n'
			});
		}
		const list = JSON.parse((await cofund(dir, ...COORDINATOR, 'project', 'list', '--json')).out);
		expect(list).toHaveLength(1);
		expect(list[0]).toMatchObject({ code: 'SOLID', total: 416000, events: 5, mobilities: 15 });
	});

	it('acts only as a named user, with the rights of that user', async () => {
		const dir = await demoDir();
		expect((await cofund(dir, 'project', 'apply', SOLID)).err).toContain(
			'Say which user you act as: --as <email> or COFUND_USER.'
		);
		expect((await cofund(dir, '--as', 'nobody@example.lv', 'project', 'list')).err).toContain(
			'There is no user nobody@example.lv.'
		);
		const council = await cofund(dir, '--as', 'council@cofund.example', 'project', 'apply', SOLID);
		expect(council).toMatchObject({ code: 1 });
		expect(council.err).toContain('council@cofund.example (council) may not: project:edit SOLID.');
	});

	it('names each bad field by its JSON path, and writes nothing', async () => {
		const dir = await demoDir();
		const result = await cofund(
			dir,
			...COORDINATOR,
			'project',
			'apply',
			'tests/fixtures/project-invalid.json'
		);
		expect(result.code).toBe(1);
		expect(result.err).toContain('the project definition is not valid (3 problems)');
		expect(result.err).toContain('funding.eu: An amount such as 4160 or 4160.50');
		expect(result.err).toContain('events[1].month: Write the month as YYYY-MM');
		expect(result.err).toContain('partners[2].country: A two-letter ISO country code');
		expect(
			(await cofund(dir, '--as', 'admin@cofund.example', 'project', 'list')).out
		).not.toContain('INVALID');
	});

	it('points at the line and column of a JSON syntax error', async () => {
		const dir = await demoDir();
		const result = await cofund(
			dir,
			...COORDINATOR,
			'project',
			'apply',
			'tests/fixtures/project-broken.json'
		);
		expect(result.code).toBe(1);
		expect(result.err).toMatch(/not valid JSON: .*\(line 4, column \d+\)/);
	});

	it('saves a plan that breaks a rule, and says which rule with both numbers', async () => {
		const dir = await demoDir();
		const result = await cofund(
			dir,
			...COORDINATOR,
			'project',
			'apply',
			'tests/fixtures/project-broken-sum.json'
		);
		expect(result.code).toBe(0);
		expect(result.out).toContain('Created project BROKEN');
		expect(result.err).toContain(
			'EU co-financing 1,500\u00a0EUR + council co-financing 2,000\u00a0EUR = 3,500\u00a0EUR, but the total budget is 4,160\u00a0EUR.'
		);
	});
});

describe('the cofund binary, in a process of its own', { timeout: BINARY_TIMEOUT }, () => {
	it('starts, reads the data folder and lists the projects, exit code 0', async () => {
		const dir = await demoDir();
		const listed = spawnCofund(dir, ...COORDINATOR, 'project', 'list');
		expect(listed.code, listed.err).toBe(0);
		expect(listed.out).toContain('SOLID');
		expect(listed.err).toBe('');
	});

	it('says what went wrong on a failure, with exit code 1 and no stack trace', async () => {
		const dir = await demoDir();
		const refused = spawnCofund(dir, '--as', 'nobody@example.lv', 'project', 'list');
		expect(refused.code).toBe(1);
		expect(refused.err).toBe('There is no user nobody@example.lv.\n');
		expect(refused.out).toBe('');
	});
});

describe('a second process on the same embedded database', { timeout: BINARY_TIMEOUT }, () => {
	it('is refused with a clear message while the first keeps working', async () => {
		const dir = await demoDir();
		const holder = holdDatabase(dir);
		children.push(holder.child);
		expect(await holder.next()).toBe('ready');

		const second = await cofund(dir, ...COORDINATOR, 'project', 'list');
		expect(second.code).toBe(1);
		expect(second.err).toMatch(
			new RegExp(
				`The embedded database in ${dir} is already open in another cofund process \\(PID ${holder.child.pid}, test holder`
			)
		);
		expect(second.err).toContain('DATABASE_URL');

		holder.child.stdin.write('count\n');
		expect(await holder.next()).toBe('count 1');

		// A holder that dies without cleaning up leaves a stale lock, which the next process takes over.
		holder.child.kill('SIGKILL');
		await new Promise((done) => holder.child.once('exit', done));
		expect((await cofund(dir, ...COORDINATOR, 'project', 'list')).code).toBe(0);
	});
});

describe('cofund user', () => {
	it('lets an admin add a user who then sees only the projects granted', async () => {
		const dir = await demoDir();
		const admin = ['--as', 'admin@cofund.example'];
		const added = await cofund(
			dir,
			...admin,
			'user',
			'add',
			'liga@example.lv',
			'--role',
			'council',
			'--name',
			'Līga Ozola'
		);
		expect(added.out).toMatch(/^Created liga@example\.lv \(council\)\. First password: [\w-]{16} /);
		const liga = ['--as', 'liga@example.lv'];
		expect((await cofund(dir, ...liga, 'project', 'list')).out).toBe(
			'There are no projects yet.\n'
		);
		expect((await cofund(dir, ...admin, 'user', 'grant', 'liga@example.lv', 'SOLID')).out).toBe(
			'liga@example.lv can now see project SOLID.\n'
		);
		expect((await cofund(dir, ...liga, 'project', 'list')).out).toContain('SOLID');
		expect((await cofund(dir, ...admin, 'user', 'list')).out).toContain(
			'council      liga@example.lv'
		);
		expect((await cofund(dir, ...COORDINATOR, 'user', 'list')).err).toContain(
			'may not: user:manage'
		);
	});
});

describe('cofund audit verify', () => {
	it('finds the demo intact, and names the first event edited by hand in SQL', async () => {
		const dir = await demoDir();
		const auditor = ['--as', 'auditor@cofund.example'];
		const intact = await cofund(dir, ...auditor, 'audit', 'verify');
		expect(intact).toMatchObject({ code: 0 });
		expect(intact.out).toMatch(
			/^The audit chain is intact: (\d+) events; the \1 anchored outside the database are all there\.\n$/
		);

		expect(
			await runSql(
				dir,
				'alter table audit_events disable trigger audit_events_append_only',
				"update audit_events set after = jsonb_set(after, '{role}', '\"admin\"') where id = 3",
				'alter table audit_events enable trigger audit_events_append_only'
			)
		).toBe('');
		const broken = await cofund(dir, ...ADMIN, 'audit', 'verify');
		expect(broken.code).toBe(1);
		expect(broken.err).toMatch(
			/^The audit chain is broken at event #3 \(.+, user\.create, system\): the event is not what was written\.\n$/
		);
		// A user's creation belongs to no project: an auditor learns where, not what.
		const hidden = await cofund(dir, ...auditor, 'audit', 'verify');
		expect(hidden.code).toBe(1);
		expect(hidden.err).toBe(
			'The audit chain is broken at event #3, which you may not read: the event is not what was written.\n'
		);
	});

	it('is for auditors and admins only', async () => {
		const dir = await demoDir();
		const result = await cofund(dir, ...COORDINATOR, 'audit', 'verify');
		expect(result.err).toContain('may not: audit:read');
	});
});
