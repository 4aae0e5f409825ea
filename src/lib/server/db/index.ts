/**
 * Opens cofund's database: PostgreSQL when a URL is given, else the embedded PGlite in the data
 * folder (locked against a second process; a running app serves it to the CLI over a socket).
 * Either way every migration is applied before use.
 */
import { PGlite } from '@electric-sql/pglite';
import type { SQL } from 'drizzle-orm';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { timePgliteQueries, timePostgresQueries } from './query-timing';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { drizzle as drizzlePostgres } from 'drizzle-orm/postgres-js';
import { migrate as migratePostgres } from 'drizzle-orm/postgres-js/migrator';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import postgres from 'postgres';
import { bindAudit } from '../audit/audit-context';
import { ephemeralAuditKey } from '../audit/audit-key';
import { prepareAudit, readAuditSetup } from '../audit/audit-setup';
import type { DatabaseConfig } from '../config';
import { fromPackageRoot } from '../package-root';
import { acquireDataDirLock, DataDirLockedError, lockHolderOf } from './data-dir-lock';
import { fitsSocketPath, serveOverSocket, SOCKET_FILE, type SocketServer } from './pglite-socket';
import { templateArchive, writeTemplate } from './pglite-template';
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

/**
 * Server settings for the embedded database, sized for a small machine. PGlite's default keeps
 * 128 MB of shared buffers in its WASM heap, which never shrinks: with 16 MB a 100,000-row import
 * peaked at 420 MB instead of 610, and the open database took 200 MB less. A new folder gets them
 * from initdb (or the template initdb made, below) into its postgresql.conf; every start passes
 * them on the command line, so a folder made before them gets them too.
 */
export const PGLITE_SETTINGS = ['shared_buffers=16MB'];
const settingArgs = PGLITE_SETTINGS.flatMap((setting) => ['-c', setting]);
const pgliteOptions = {
	...pgliteCodecs,
	initDbStartParams: settingArgs,
	startParams: [...PGlite.defaultStartParams, ...settingArgs]
};

/** Remakes the template new folders are unpacked from (`npm run db:template`). */
export const writePgliteTemplate = () => writeTemplate(pgliteOptions, PGLITE_SETTINGS);

/** Each reason is told once per process: tests open many in-memory databases. */
const toldInitdb = new Set<string>();

/**
 * How a database with no files yet is made: unpacked from the template of an empty folder
 * (pglite-template.ts), since initdb in PGlite peaks at about 800 MB. A template that does not
 * match this PGlite or these settings is left alone, and initdb runs as it did before it.
 */
function newDatabaseOptions(): { loadDataDir?: Blob } {
	const template = templateArchive(PGLITE_SETTINGS);
	if ('archive' in template) return { loadDataDir: template.archive };
	if (!toldInitdb.has(template.reason))
		console.warn(
			`cofund: a new database is made by initdb, which takes more memory, as ${template.reason}` +
				' (npm run db:template remakes the template).'
		);
	toldInitdb.add(template.reason);
	return {};
}

/** A folder with files in it opens as it is; PGlite's own checks decide what they hold. */
const hasDatabase = (pgdata: string) => existsSync(pgdata) && readdirSync(pgdata).length > 0;

export interface OpenOptions {
	/**
	 * The web app: owns the embedded folder and serves it to local clients over a socket. Without
	 * it (the CLI), a folder a running app serves is reached through that app's socket.
	 */
	serve?: boolean;
}

export async function openDatabase(
	config: DatabaseConfig,
	purpose: string,
	{ serve = false }: OpenOptions = {}
): Promise<DatabaseHandle> {
	// The key is read (or its file made) before the database is opened: a bad key stops nothing half-way.
	const audit = readAuditSetup(config);
	const handle = config.url
		? await openPostgres(config.url)
		: await openPglite(config.dataDir, purpose, serve);
	try {
		await prepareAudit(handle.db, audit);
	} catch (error) {
		await handle.close();
		throw error;
	}
	return handle;
}

export const socketPathOf = (dataDir: string) => join(dataDir, SOCKET_FILE);

/** How long the CLI waits for a starting app (migrating, say) to open its socket. */
const SOCKET_WAIT_MS = 60_000;

async function openPglite(
	dataDir: string,
	purpose: string,
	serve: boolean
): Promise<DatabaseHandle> {
	const socketPath = socketPathOf(dataDir);
	const serves = serve && fitsSocketPath(socketPath);
	if (serve && !serves)
		console.warn(
			`cofund: the data folder's path is too long for a Unix socket (${socketPath}); ` +
				'the CLI cannot reach the database while this app runs.'
		);
	let lock;
	try {
		lock = acquireDataDirLock(dataDir, purpose, { serves });
	} catch (error) {
		// A second server is refused; so is a second CLI beside a CLI. A CLI beside a server joins it.
		if (serve || !(error instanceof DataDirLockedError) || !error.holder.serves) throw error;
		return openThroughSocket(dataDir, purpose, error);
	}
	let server: SocketServer | undefined;
	let client: PGlite | undefined;
	try {
		const pgdata = join(dataDir, 'pgdata');
		client = await PGlite.create(pgdata, {
			...pgliteOptions,
			...(hasDatabase(pgdata) ? {} : newDatabaseOptions())
		});
		timePgliteQueries(client);
		const db = drizzlePglite({ client, schema });
		await migratePglite(db, { migrationsFolder: migrationsFolder() });
		// This process owns the folder, so no import runs in it yet: rows staged by one that was
		// killed are dropped (see import/stage-rows.ts).
		await client.exec('truncate staged_expenses, staged_participations');
		// Likewise the pieces of a PDF whose maker was killed before publishing it (see
		// documents/pdf-pieces.ts).
		await client.exec(`select sweep_document_uploads('0 seconds')`);
		if (serves) server = await serveOverSocket(client, socketPath);
		const pglite = client;
		return {
			db,
			engine: 'pglite',
			location: dataDir,
			close: async () => {
				try {
					await server?.close();
					await pglite.close();
				} finally {
					lock.release();
				}
			}
		};
	} catch (error) {
		await server?.close();
		await client?.close().catch(() => {});
		lock.release();
		throw error;
	}
}

/**
 * The folder through the app that holds it: postgres.js on the app's socket, the same schema and
 * migrations. One connection, as PGlite is one session, and unnamed statements only, since named
 * ones would outlive this client in the app's session.
 */
async function openThroughSocket(
	dataDir: string,
	purpose: string,
	refusal: DataDirLockedError
): Promise<DatabaseHandle> {
	const path = socketPathOf(dataDir);
	const deadline = Date.now() + SOCKET_WAIT_MS;
	for (;;) {
		if (existsSync(path)) {
			const client = postgres({
				path,
				user: 'postgres',
				database: 'postgres',
				max: 1,
				prepare: false,
				onnotice: () => {},
				connection: { application_name: purpose }
			});
			try {
				const db = drizzlePostgres({ client, schema });
				await migratePostgres(db, { migrationsFolder: migrationsFolder() });
				return {
					db,
					engine: 'pglite',
					location: `${dataDir} (${path})`,
					close: () => client.end({ timeout: 5 })
				};
			} catch (error) {
				await client.end({ timeout: 1 });
				if (!isRefused(error)) throw error;
			}
		}
		const holder = lockHolderOf(dataDir);
		// The app stopped meanwhile: the folder is free to open directly (or locked anew).
		if (!holder || holder.pid !== refusal.holder.pid) return openPglite(dataDir, purpose, false);
		if (Date.now() > deadline) throw refusal;
		await delay(250);
	}
}

/** The socket is not (or no longer) listening: a server starting up or just gone. */
function isRefused(error: unknown): boolean {
	const code = (error as { code?: unknown } | null)?.code;
	return code === 'ECONNREFUSED' || code === 'ENOENT' || code === 'CONNECTION_CLOSED';
}

/**
 * A throwaway in-memory PGlite for tests: same migrations, no folder, no lock, and an audit key
 * of its own that lives as long as it does (no anchor file unless a test binds one).
 */
export async function openMemoryPglite(): Promise<DatabaseHandle> {
	// From the template too: initdb is the slow part of every test suite's fresh database.
	const client = await PGlite.create({ ...pgliteOptions, ...newDatabaseOptions() });
	const db = drizzlePglite({ client, schema });
	await migratePglite(db, { migrationsFolder: migrationsFolder() });
	bindAudit(db, { key: ephemeralAuditKey(), anchorPath: null });
	return { db, engine: 'pglite', location: 'memory', close: () => client.close() };
}

export async function openPostgres(url: string): Promise<DatabaseHandle> {
	const client = postgres(url, { max: 10, onnotice: () => {} });
	timePostgresQueries(client);
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
/** How many rows a write touched, on either engine: postgres.js says `count`, PGlite `affectedRows`. */
export async function affectedRows(db: Queryable, query: SQL): Promise<number> {
	const result = (await db.execute(query)) as unknown as { count?: number; affectedRows?: number };
	return Number(result.count ?? result.affectedRows ?? 0);
}

export async function queryRows<T extends Record<string, unknown>>(
	db: Queryable,
	query: SQL
): Promise<T[]> {
	const result: unknown = await db.execute(query);
	return (Array.isArray(result) ? result : (result as { rows: T[] }).rows) as T[];
}
