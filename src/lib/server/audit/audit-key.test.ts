import { existsSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError } from '../config';
import { keyFromEnv, loadOrCreateKeyFile, parseAuditKey } from './audit-key';
import { anchorPathOf, readAuditSetup } from './audit-setup';

describe('the audit key', () => {
	it('reads 64 or more hex digits, or base64 of at least 32 bytes, and nothing shorter', () => {
		expect(parseAuditKey('ab'.repeat(32))?.length).toBe(32);
		expect(parseAuditKey(` ${'0F'.repeat(40)}\n`)?.length).toBe(40);
		expect(parseAuditKey(Buffer.alloc(32, 7).toString('base64'))?.length).toBe(32);
		expect(parseAuditKey(Buffer.alloc(48, 7).toString('base64url'))?.length).toBe(48);
		expect(parseAuditKey('ab'.repeat(31))).toBeNull();
		expect(parseAuditKey(Buffer.alloc(16).toString('base64'))).toBeNull();
		expect(parseAuditKey('secret')).toBeNull();
	});

	it('takes COFUND_AUDIT_KEY when set, and refuses a malformed one without printing it', () => {
		expect(keyFromEnv({})).toBeNull();
		expect(keyFromEnv({ COFUND_AUDIT_KEY: 'cd'.repeat(32) })).toMatchObject({
			source: 'COFUND_AUDIT_KEY',
			id: expect.stringMatching(/^[0-9a-f]{16}$/)
		});
		const refusal = (() => {
			try {
				return keyFromEnv({ COFUND_AUDIT_KEY: 'too short' });
			} catch (error) {
				return error;
			}
		})();
		expect(refusal).toBeInstanceOf(ConfigError);
		expect(String((refusal as Error).message)).not.toContain('too short');
	});

	it('makes the key file once, mode 0600, and reads the same key from it afterwards', () => {
		const path = join(mkdtempSync(join(tmpdir(), 'cofund-key-')), 'data', 'audit.key');
		const first = loadOrCreateKeyFile(path);
		expect(first.created).toBe(true);
		expect(statSync(path).mode & 0o777).toBe(0o600);
		expect(readFileSync(path, 'utf8')).toMatch(/^[0-9a-f]{64}\n$/);
		const again = loadOrCreateKeyFile(path);
		expect(again).toMatchObject({ created: false, key: { id: first.key.id } });
		writeFileSync(path, 'not a key');
		expect(() => loadOrCreateKeyFile(path)).toThrow(ConfigError);
	});
});

describe('where the audit key and anchor come from', () => {
	const folder = () => mkdtempSync(join(tmpdir(), 'cofund-setup-'));

	it('uses COFUND_AUDIT_KEY and makes no key file; the anchor goes beside the data unless told', () => {
		const dataDir = folder();
		const setup = readAuditSetup({ dataDir }, { COFUND_AUDIT_KEY: 'ef'.repeat(32) });
		expect(setup).toMatchObject({
			key: { source: 'COFUND_AUDIT_KEY' },
			anchorPath: join(dataDir, 'audit-anchor.log')
		});
		expect(existsSync(join(dataDir, 'audit.key'))).toBe(false);
		expect(anchorPathOf({ dataDir }, { COFUND_AUDIT_ANCHOR: '/var/lib/anchor.log' })).toBe(
			'/var/lib/anchor.log'
		);
	});

	it('on PostgreSQL without COFUND_AUDIT_KEY, makes the key file and says every instance needs it', () => {
		const dataDir = folder();
		const warnings: string[] = [];
		const warn = console.warn;
		console.warn = (line: string) => warnings.push(line);
		try {
			const setup = readAuditSetup({ dataDir, url: 'postgres://db/cofund' }, {});
			expect(setup.key.source).toBe(join(dataDir, 'audit.key'));
			readAuditSetup({ dataDir, url: 'postgres://db/cofund' }, {});
		} finally {
			console.warn = warn;
		}
		expect(warnings).toHaveLength(1);
		expect(warnings[0]).toContain('Every instance on this database must sign with the same key');
	});
});
