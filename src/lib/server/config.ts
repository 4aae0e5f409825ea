/** Reads cofund's settings from the environment once, and refuses bad values at start-up. */
import { resolve } from 'node:path';

export interface DatabaseConfig {
	/** A PostgreSQL server; when absent, the embedded database in `dataDir` is used. */
	url?: string;
	dataDir: string;
}

export class ConfigError extends Error {
	constructor(
		readonly variable: string,
		readonly value: string
	) {
		super(`${variable} is not valid: ${value}`);
		this.name = 'ConfigError';
	}
}

export function readDatabaseConfig(env: NodeJS.ProcessEnv = process.env): DatabaseConfig {
	const url = env.DATABASE_URL?.trim() || undefined;
	if (url !== undefined && !/^postgres(ql)?:\/\/.+/.test(url)) {
		throw new ConfigError('DATABASE_URL', url.replace(/:[^:@/]*@/, ':***@'));
	}
	return { url, dataDir: resolve(env.COFUND_DATA_DIR?.trim() || 'data') };
}

/** The largest export the import accepts, in bytes: COFUND_IMPORT_MAX_MB, 256 MB by default. */
export function readImportLimit(env: NodeJS.ProcessEnv = process.env): number {
	const text = env.COFUND_IMPORT_MAX_MB?.trim();
	if (!text) return 256 * 1024 * 1024;
	const mb = Number(text);
	if (!Number.isFinite(mb) || mb <= 0) throw new ConfigError('COFUND_IMPORT_MAX_MB', text);
	return Math.floor(mb * 1024 * 1024);
}

/** Every other request body (forms, JSON) stays small; only the import upload is allowed more. */
export const DEFAULT_BODY_LIMIT = 1024 * 1024;

export interface BackupConfig {
	/** The folder the app keeps one backup a night in: COFUND_BACKUP_DIR; null when unset. */
	dir: string | null;
	/** How many of them are kept: COFUND_BACKUP_KEEP, 14 by default. */
	keep: number;
}

export function readBackupConfig(env: NodeJS.ProcessEnv = process.env): BackupConfig {
	const dir = env.COFUND_BACKUP_DIR?.trim() || null;
	const text = env.COFUND_BACKUP_KEEP?.trim();
	const keep = text ? Number(text) : 14;
	if (!Number.isSafeInteger(keep) || keep < 1) {
		throw new ConfigError('COFUND_BACKUP_KEEP', text ?? '');
	}
	return { dir: dir && resolve(dir), keep };
}
