import { mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError } from '../config';
import { keyFromEnv, loadOrCreateKeyFile, parseAuditKey } from './audit-key';

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
