import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '$tests/factories/cli';

const dir = mkdtempSync(join(tmpdir(), 'cofund-audit-log-'));
const env = {
	COFUND_DATA_DIR: dir,
	DATABASE_URL: '',
	COFUND_USER: '',
	COFUND_AUDIT_KEY: '',
	COFUND_AUDIT_ANCHOR: '',
	COFUND_DEMO_PASSWORD: 'demo password for tests'
};
const cofund = (...args: string[]) => runCli(args, env);
const AUDITOR = ['--as', 'auditor@cofund.example'];

// The demo's set-up on the embedded database takes a while on a busy machine.
describe('cofund audit log', { timeout: 300_000 }, () => {
	beforeAll(async () => {
		const demo = await cofund('demo');
		expect(demo.code, demo.err).toBe(0);
	}, 300_000);
	afterAll(() => rmSync(dir, { recursive: true, force: true }));

	it('prints the events in words, filtered, with the same wording as the page', async () => {
		const log = await cofund(
			'--lang',
			'lv',
			...AUDITOR,
			'audit',
			'log',
			'--action',
			'import.commit'
		);
		expect(log.code, log.err).toBe(0);
		// The person by name and by the email the chain stores.
		expect(log.out).toMatch(
			/^#\d+ {2}\d\d\.\d\d\.\d{4}\. \d\d:\d\d {2}Jānis Bērziņš <coordinator@cofund\.example> {2}SOLID$/m
		);
		expect(log.out).toMatch(/^ {2}Importēja ledger\.csv \(\d+ rind(a|as|u)\)$/m);
		expect(log.out).toMatch(/^ {4}Pieņemtā summa: .+\sEUR$/m);
		expect(log.out).not.toContain('import.commit');

		const en = await cofund(
			'--lang',
			'en',
			...AUDITOR,
			'audit',
			'log',
			'--project',
			'SOLID',
			'--limit',
			'1'
		);
		expect(en.code, en.err).toBe(0);
		expect(en.out).toMatch(/^1 of \d+ events shown\.$/m);
	});

	it('refuses a date that is none, and a reader without the audit permission', async () => {
		const bad = await cofund('--lang', 'en', ...AUDITOR, 'audit', 'log', '--from', '2026-13-01');
		expect(bad.code).toBe(1);
		expect(bad.err).toContain('“2026-13-01” is not a date; write YYYY-MM-DD.');
		const council = await cofund('--lang', 'en', '--as', 'council@cofund.example', 'audit', 'log');
		expect(council.code).not.toBe(0);
		expect(council.out).toBe('');
	});
});
