/**
 * `cofund user …` in process, on a fresh database of each engine: the first admin made without
 * the web app, then every change an admin makes to people, each refused plainly where it must be.
 */
import { ENGINES, freshDatabase } from '$tests/factories/database';
import { runCli } from '$tests/factories/cli';
import { asc } from 'drizzle-orm';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type DatabaseHandle, type Engine } from '$lib/server/db';
import { auditEvents } from '$lib/server/db/schema';
import { verifyAuditChain } from '$lib/server/audit/verify-audit';

const ADMIN = 'alise@example.lv';
const DACE = 'dace@example.lv';

describe.each(ENGINES)('cofund user on %s', { timeout: 120_000 }, (engine: Engine) => {
	let dataDir: string;
	let server: DatabaseHandle | undefined;
	let env: Record<string, string>;

	const cli = (...args: string[]) => runCli(['--ui-lang', 'en', ...args], env);
	const asAdmin = (...args: string[]) => cli('--as', ADMIN, ...args);

	beforeAll(async () => {
		dataDir = mkdtempSync(join(tmpdir(), 'cofund-cli-people-'));
		let url = '';
		if (engine === 'postgres') {
			server = await freshDatabase('postgres');
			const at = new URL(process.env.TEST_DATABASE_URL!);
			at.pathname = `/${server.location}`;
			url = at.toString();
		}
		env = {
			COFUND_DATA_DIR: dataDir,
			DATABASE_URL: url,
			COFUND_USER: '',
			COFUND_AUDIT_KEY: '',
			COFUND_AUDIT_ANCHOR: '',
			ORIGIN: 'https://cofund.example.lv'
		};
	}, 60_000);
	afterAll(async () => {
		await server?.close();
		rmSync(dataDir, { recursive: true, force: true });
	});

	it('on a fresh database points to the command that makes the first admin', async () => {
		const result = await asAdmin('project', 'apply', 'static/samples/solid/project.json');
		expect(result.code).toBe(1);
		expect(result.err).toContain('cofund user add-first-admin <email> --name <name>');
		expect((await cli('project', 'list')).err).toContain('has no administrator yet');
	});

	it('makes the first admin once, printing a password, and refuses a second', async () => {
		const first = await cli('user', 'add-first-admin', ADMIN, '--name', 'Alise Admina');
		expect(first.code, first.err).toBe(0);
		expect(first.out).toMatch(
			/Created the first admin alise@example\.lv\. Password \(shown only now\): \S{16}\n/
		);
		const second = await cli('user', 'add-first-admin', 'other@example.lv', '--name', 'Other');
		expect(second).toMatchObject({ code: 1 });
		expect(second.err).toContain(`This database has an administrator already (${ADMIN})`);
		const applied = await asAdmin('project', 'apply', 'static/samples/solid/project.json');
		expect(applied.code, applied.err).toBe(0);
	});

	it('adds a person with a project; the same email again is refused', async () => {
		const added = await asAdmin(
			'user',
			'add',
			DACE,
			'--role',
			'council',
			'--name',
			'Dace',
			'--project',
			'SOLID'
		);
		expect(added.code, added.err).toBe(0);
		expect(added.out).toContain('Created dace@example.lv (council). First password:');
		const again = await asAdmin(
			'user',
			'add',
			'DACE@example.lv',
			'--role',
			'auditor',
			'--name',
			'D'
		);
		expect(again).toMatchObject({
			code: 1,
			err: 'Someone already has the email dace@example.lv.\n'
		});
		const unknown = await asAdmin(
			'user',
			'add',
			'x@example.lv',
			'--role',
			'council',
			'--name',
			'X',
			'--project',
			'NOPE'
		);
		expect(unknown.err).toBe('There is no project NOPE.\n');
		expect((await asAdmin('user', 'list')).out).not.toContain('x@example.lv');
	});

	it('changes a role, but never the last admin’s', async () => {
		expect((await asAdmin('user', 'role', DACE, 'auditor')).out).toBe(
			'dace@example.lv: Council member → Auditor.\n'
		);
		expect((await asAdmin('user', 'role', DACE, 'auditor')).out).toBe(
			'dace@example.lv is already Auditor.\n'
		);
		const last = await asAdmin('user', 'role', ADMIN, 'council');
		expect(last.code).toBe(1);
		expect(last.err).toContain('alise@example.lv is the last administrator who can sign in.');
		expect((await asAdmin('user', 'role', DACE, 'boss')).err).toContain('boss');
		await asAdmin('user', 'role', DACE, 'council');
	});

	it('revokes and grants a project', async () => {
		expect((await asAdmin('user', 'revoke', DACE, 'SOLID')).out).toBe(
			'dace@example.lv no longer sees project SOLID.\n'
		);
		expect((await asAdmin('user', 'revoke', DACE, 'SOLID')).err).toBe(
			'Not a member of project SOLID.\n'
		);
		expect((await cli('--as', DACE, 'project', 'list', '--json')).out).toBe('[]\n');
		expect((await asAdmin('user', 'grant', DACE, 'SOLID')).out).toBe(
			'dace@example.lv can now see project SOLID.\n'
		);
		expect((await asAdmin('user', 'grant', DACE, 'SOLID')).out).toBe(
			'dace@example.lv could already see project SOLID.\n'
		);
	});

	it('disables and enables an account; a disabled one cannot act, nor an admin disable themselves', async () => {
		expect((await asAdmin('user', 'disable', DACE)).out).toBe(
			'dace@example.lv is disabled; their sessions have ended.\n'
		);
		expect((await asAdmin('user', 'list')).out).toMatch(/dace@example\.lv\s+Dace {2}\(Disabled\)/);
		expect((await cli('--as', DACE, 'project', 'list')).err).toBe(
			'The user dace@example.lv is disabled.\n'
		);
		expect((await asAdmin('user', 'disable', ADMIN)).err).toBe(
			'You cannot disable your own account.\n'
		);
		expect((await asAdmin('user', 'enable', DACE)).out).toBe(
			'dace@example.lv can sign in again.\n'
		);
		expect((await asAdmin('user', 'enable', DACE)).out).toBe('dace@example.lv was not disabled.\n');
		expect((await cli('--as', DACE, 'user', 'list')).err).toContain('may not: user:manage');
	});

	it('prints a one-time password link on the public origin', async () => {
		const result = await asAdmin('user', 'reset-link', DACE);
		expect(result.code, result.err).toBe(0);
		expect(result.out).toMatch(
			/^A link for dace@example\.lv to set a new password\. It works once, until \d\d? \w{3} \d{4} \d\d:\d\d:\n {2}https:\/\/cofund\.example\.lv\/reset\?token=[\w-]{32}\n$/
		);
		expect(
			(await runCli(['--ui-lang', 'lv', '--as', ADMIN, 'user', 'reset-link', DACE], env)).out
		).toContain('Derīga vienu reizi, līdz');
	});

	it('audited every change under the admin who made it, in one intact chain', async () => {
		const handle = await openDatabase(
			{ url: env.DATABASE_URL || undefined, dataDir },
			'cli-people test'
		);
		try {
			const events = await handle.db.select().from(auditEvents).orderBy(asc(auditEvents.seq));
			const people = events.filter((e) => /^(user|project\.member)/.test(e.action));
			expect(people.map((e) => `${e.actorEmail} ${e.action} ${e.objectId}`)).toEqual([
				`system user.create ${ADMIN}`,
				`${ADMIN} user.create ${DACE}`,
				`${ADMIN} project.member-add SOLID`,
				`${ADMIN} user.role-change ${DACE}`,
				`${ADMIN} user.role-change ${DACE}`,
				`${ADMIN} project.member-remove SOLID`,
				`${ADMIN} project.member-add SOLID`,
				`${ADMIN} user.disable ${DACE}`,
				`${ADMIN} user.enable ${DACE}`,
				`${ADMIN} user.reset-link ${DACE}`,
				`${ADMIN} user.reset-link ${DACE}`
			]);
			expect(await verifyAuditChain(handle.db)).toMatchObject({ intact: true });
		} finally {
			await handle.close();
		}
	});
});
