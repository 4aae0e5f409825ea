/**
 * Opens cofund's database: PostgreSQL when a URL is given, else the embedded PGlite in the data
 * folder (locked against a second process). Either way every migration is applied before use.
 */
import { PGlite } from '@electric-sql/pglite';
import type { SQL } from 'drizzle-orm';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { drizzle as drizzlePostgres } from 'drizzle-orm/postgres-js';
import { migrate as migratePostgres } from 'drizzle-orm/postgres-js/migrator';
import { join } from 'node:path';
import postgres from 'postgres';
import { bindAudit } from '../audit/audit-context';
import { ephemeralAuditKey } from '../audit/audit-key';
import { prepareAudit, readAuditSetup } from '../audit/audit-setup';
import type { DatabaseConfig } from '../config';
import { fromPackageRoot } from '../package-root';
import { acquireDataDirLock } from './data-dir-lock';
import * as schema from './schema';

export type Database = PgDatabase<PgQueryResultHKT, typeof schema>;
export type Transaction = Parameters<Parameters<Database['transaction']>[0]>[0];
/** What a service can read through: the database itself, or a transaction already open on it. */
export type Queryable = Database | Transaction;
export type Engine = 'pglite' | 'postgres';

export interface DatabaseHandle {
	db: Database;
	engine: Engine;
	/** Where the data lives, for logs: a folder, or the server without its password. */
	location: string;
	close(): Promise<void>;
}

const migrationsFolder = () => fromPackageRoot('src/lib/server/db/migrations');

const BYTEA = 17;
/**
 * bytea in and out of PGlite through Buffer's hex codec: PGlite's own converts byte by byte in
 * JavaScript, which made keeping a 100 MB original file take twenty seconds instead of three.
 */
const pgliteCodecs = {
	serializers: {
		[BYTEA]: (value: Uint8Array) =>
			'\\x' + Buffer.from(value.buffer, value.byteOffset, value.byteLength).toString('hex')
	},
	parsers: { [BYTEA]: (text: string) => new Uint8Array(Buffer.from(text.slice(2), 'hex')) }
};

export async function openDatabase(
	config: DatabaseConfig,
	purpose: string
): Promise<DatabaseHandle> {
	// The key is read (or its file made) before the database is opened: a bad key stops nothing half-way.
	const audit = readAuditSetup(config);
	const handle = config.url
		? await openPostgres(config.url)
		: await openPglite(config.dataDir, purpose);
	try {
		await prepareAudit(handle.db, audit);
	} catch (error) {
		await handle.close();
		throw error;
	}
	return handle;
}

async function openPglite(dataDir: string, purpose: string): Promise<DatabaseHandle> {
	const lock = acquireDataDirLock(dataDir, purpose);
	try {
		const client = await PGlite.create(join(dataDir, 'pgdata'), pgliteCodecs);
		const db = drizzlePglite({ client, schema });
		await migratePglite(db, { migrationsFolder: migrationsFolder() });
		return {
			db,
			engine: 'pglite',
			location: dataDir,
			close: async () => {
				try {
					await client.close();
				} finally {
					lock.release();
				}
			}
		};
	} catch (error) {
		lock.release();
		throw error;
	}
}

/**
 * A throwaway in-memory PGlite for tests: same migrations, no folder, no lock, and an audit key
 * of its own that lives as long as it does (no anchor file unless a test binds one).
 */
export async function openMemoryPglite(): Promise<DatabaseHandle> {
	const client = await PGlite.create(pgliteCodecs);
	const db = drizzlePglite({ client, schema });
	await migratePglite(db, { migrationsFolder: migrationsFolder() });
	bindAudit(db, { key: ephemeralAuditKey(), anchorPath: null });
	return { db, engine: 'pglite', location: 'memory', close: () => client.close() };
}

export async function openPostgres(url: string): Promise<DatabaseHandle> {
	const client = postgres(url, { max: 10, onnotice: () => {} });
	try {
		const db = drizzlePostgres({ client, schema });
		// Several instances may start together; one migrates while the others wait.
		const session = await client.reserve();
		try {
			await session`select pg_advisory_lock(hashtext('cofund migrations'))`;
			await migratePostgres(db, { migrationsFolder: migrationsFolder() });
		} finally {
			await session`select pg_advisory_unlock(hashtext('cofund migrations'))`;
			session.release();
		}
		// Tests open PostgreSQL directly; openDatabase binds the configured key over this one.
		bindAudit(db, { key: ephemeralAuditKey(), anchorPath: null });
		return {
			db,
			engine: 'postgres',
			location: url.replace(/:[^:@/]*@/, ':***@'),
			close: () => client.end({ timeout: 5 })
		};
	} catch (error) {
		await client.end({ timeout: 1 });
		throw error;
	}
}

export { schema };

/**
 * Runs raw SQL and returns its rows. postgres.js answers with an array and PGlite with
 * `{ rows }`, so services that need raw SQL (bulk writes, aggregates) read through this.
 */
export async function queryRows<T extends Record<string, unknown>>(
	db: Queryable,
	query: SQL
): Promise<T[]> {
	const result: unknown = await db.execute(query);
	return (Array.isArray(result) ? result : (result as { rows: T[] }).rows) as T[];
}
