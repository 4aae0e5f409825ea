/**
 * Where a database's audit key and anchor file come from. The key: COFUND_AUDIT_KEY, else
 * `<data>/audit.key` (made on first start). The anchor: COFUND_AUDIT_ANCHOR, else
 * `<data>/audit-anchor.log`. On PostgreSQL several instances share one chain, so they must
 * share one key: a key file made there is announced, with what to do about it.
 */
import { join, resolve } from 'node:path';
import type { DatabaseConfig } from '../config';
import type { Database } from '../db';
import { bindAudit, type AuditSetup } from './audit-context';
import { keyFromEnv, loadOrCreateKeyFile } from './audit-key';
import { sealLegacyChain } from './seal-legacy-chain';

export const KEY_FILE = 'audit.key';
export const ANCHOR_FILE = 'audit-anchor.log';

export function anchorPathOf(config: DatabaseConfig, env: NodeJS.ProcessEnv = process.env): string {
	const path = env.COFUND_AUDIT_ANCHOR?.trim();
	return path ? resolve(path) : join(config.dataDir, ANCHOR_FILE);
}

export function readAuditSetup(
	config: DatabaseConfig,
	env: NodeJS.ProcessEnv = process.env
): AuditSetup {
	const anchorPath = anchorPathOf(config, env);
	const fromEnv = keyFromEnv(env);
	if (fromEnv) return { key: fromEnv, anchorPath };
	const { key, created } = loadOrCreateKeyFile(join(config.dataDir, KEY_FILE));
	if (created && config.url) {
		console.warn(
			`cofund: COFUND_AUDIT_KEY is not set, so a new audit key was written to ${key.source}. ` +
				'Every instance on this database must sign with the same key: set COFUND_AUDIT_KEY ' +
				'to its contents on each of them (or copy the file), and keep it out of the database backups.'
		);
	}
	return { key, anchorPath };
}

/** Binds the key and anchor to an opened database, and seals a chain begun without a key. */
export async function prepareAudit(db: Database, setup: AuditSetup): Promise<void> {
	bindAudit(db, setup);
	if ((await sealLegacyChain(db)) === 'unverifiable') {
		console.warn(
			`cofund: the newest audit event does not verify with the audit key from ${setup.key.source}. ` +
				'Either the key is not the one the log was written with, or the log was altered; ' +
				'run `cofund audit verify` to see which.'
		);
	}
}
