/**
 * The secret key the audit chain is signed with (HMAC-SHA-256), kept outside the database:
 * COFUND_AUDIT_KEY, or a key file in the data folder made on first start with mode 0600.
 */
import { createHmac, randomBytes } from 'node:crypto';
import { chmodSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { ConfigError } from '../config';

export interface AuditKey {
	/** The secret itself, at least 32 bytes. */
	secret: Buffer;
	/** A short public name for the key, so that a wrong key is told apart from an altered log. */
	id: string;
	/** Where it came from, for messages: `COFUND_AUDIT_KEY` or the key file's path. */
	source: string;
}

export const MIN_KEY_BYTES = 32;

/**
 * A key as written in COFUND_AUDIT_KEY or the key file: 64 or more hex digits, or base64
 * (or base64url) of at least 32 bytes. Anything shorter is refused rather than padded.
 */
export function parseAuditKey(text: string): Buffer | null {
	const trimmed = text.trim();
	// Only hex digits is read as hex, whatever its length: a short hex key is refused, not taken as base64.
	if (/^[0-9a-fA-F]+$/.test(trimmed)) {
		return /^(?:[0-9a-fA-F]{2}){32,}$/.test(trimmed) ? Buffer.from(trimmed, 'hex') : null;
	}
	if (/^[A-Za-z0-9+/_-]+={0,2}$/.test(trimmed)) {
		const bytes = Buffer.from(trimmed, 'base64');
		if (bytes.length >= MIN_KEY_BYTES) return bytes;
	}
	return null;
}

export function keyId(secret: Buffer): string {
	return createHmac('sha256', secret).update('cofund audit key id').digest('hex').slice(0, 16);
}

export function auditKeyOf(secret: Buffer, source: string): AuditKey {
	return { secret, id: keyId(secret), source };
}

/** A fresh random key, for in-memory test databases that have no folder to keep one in. */
export function ephemeralAuditKey(): AuditKey {
	return auditKeyOf(randomBytes(MIN_KEY_BYTES), 'ephemeral');
}

export interface LoadedKey {
	key: AuditKey;
	/** True when the key file was made just now, on this start. */
	created: boolean;
}

/** Reads the key file, or makes it (0600, created exclusively so two starts cannot race). */
export function loadOrCreateKeyFile(path: string): LoadedKey {
	try {
		return { key: readKeyFile(path), created: false };
	} catch (error) {
		if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
	}
	mkdirSync(dirname(path), { recursive: true });
	try {
		writeFileSync(path, `${randomBytes(MIN_KEY_BYTES).toString('hex')}\n`, {
			mode: 0o600,
			flag: 'wx'
		});
		// The umask may have taken bits away from the mode above, never added them; make sure.
		chmodSync(path, 0o600);
		return { key: readKeyFile(path), created: true };
	} catch (error) {
		if ((error as NodeJS.ErrnoException).code === 'EEXIST') {
			return { key: readKeyFile(path), created: false };
		}
		throw error;
	}
}

function readKeyFile(path: string): AuditKey {
	const text = readFileSync(path, 'utf8');
	const secret = parseAuditKey(text);
	if (!secret) throw new ConfigError('audit key file', path);
	return auditKeyOf(secret, path);
}

/** COFUND_AUDIT_KEY when set (and then it must be well-formed); else null. */
export function keyFromEnv(env: NodeJS.ProcessEnv): AuditKey | null {
	const text = env.COFUND_AUDIT_KEY?.trim();
	if (!text) return null;
	const secret = parseAuditKey(text);
	if (!secret) throw new ConfigError('COFUND_AUDIT_KEY', '(not shown)');
	return auditKeyOf(secret, 'COFUND_AUDIT_KEY');
}
