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
