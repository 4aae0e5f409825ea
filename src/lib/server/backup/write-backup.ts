/**
 * Writes a backup: one read-only REPEATABLE READ transaction, so every table is read as of one
 * moment while the app goes on writing, streamed table by table through a cursor into gzip, so
 * the database is never held in memory. The file form writes beside its place and renames, so a
 * failed backup leaves nothing behind, and puts the file's SHA-256 beside it.
 */
import { sql } from 'drizzle-orm';
import { createHash, randomBytes } from 'node:crypto';
import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { PassThrough, Transform, type Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGzip } from 'node:zlib';
import { auditSetupOf, currentHead } from '../audit/audit-context';
import { recordAudit, type Actor } from '../audit/record-audit';
import { queryRows, type Database, type Transaction } from '../db';
import { fromPackageRoot } from '../package-root';
import { readFileSync } from 'node:fs';
import {
	BACKUP_FORMAT,
	BACKUP_FORMAT_VERSION,
	checksumLine,
	type BackupManifest,
	type BackupTableEntry,
	type Trailer
} from './backup-format';
import { BACKUP_TABLES } from './backup-tables';
import {
	countRows,
	engineOf,
	liveTables,
	quoted,
	schemaVersion,
	type LiveTable
} from './backup-schema';

export interface BackupResult {
	manifest: BackupManifest;
	/** SHA-256 of the compressed bytes written. */
	sha256: string;
	bytes: number;
}

/** Rows fetched at a time: few where a row may hold a MiB of bytes, many elsewhere. */
const batchOf = (table: LiveTable) => (table.columns.some((c) => c.type === 'bytea') ? 4 : 1000);

/** jsonb_build_object takes at most 100 arguments, so wide tables are built in parts. */
function rowJson(table: LiveTable): string {
	const pairs = table.columns.map(({ name, type }) => {
		const value =
			type === 'bytea'
				? `translate(encode(t.${quoted(name)}, 'base64'), E'\\n', '')`
				: `t.${quoted(name)}`;
		return `'${name.replaceAll("'", "''")}', ${value}`;
	});
	const parts: string[] = [];
	for (let i = 0; i < pairs.length; i += 40) {
		parts.push(`jsonb_build_object(${pairs.slice(i, i + 40).join(', ')})`);
	}
	return `(${parts.join(' || ')})::text`;
}

const appVersion = () =>
	(JSON.parse(readFileSync(fromPackageRoot('package.json'), 'utf8')) as { version: string })
		.version;

/**
 * Streams a backup of `db` into `out`, which it ends. The snapshot's manifest and the SHA-256 of
 * what was written come back once `out` has taken every byte. `afterSnapshot` runs once the
 * snapshot is taken and counted, before any row is read: what commits from then on is not in it.
 */
export async function writeBackup(
	db: Database,
	out: Writable,
	afterSnapshot?: () => Promise<void>
): Promise<BackupResult> {
	const gzip = createGzip();
	const fileHash = createHash('sha256');
	let bytes = 0;
	const tap = new Transform({
		transform(chunk: Buffer, _encoding, done) {
			fileHash.update(chunk);
			bytes += chunk.length;
			done(null, chunk);
		}
	});
	const piped = pipeline(gzip, tap, out);
	let failure: unknown;
	piped.catch((error: unknown) => (failure = error));
	const inner = createHash('sha256');
	const put = async (line: string) => {
		if (failure) throw failure;
		const data = Buffer.from(`${line}\n`, 'utf8');
		inner.update(data);
		if (!gzip.write(data)) await Promise.race([once(gzip, 'drain'), piped]);
		if (failure) throw failure;
	};
	const { key } = auditSetupOf(db);
	try {
		const manifest = await db.transaction(
			async (tx) => {
				const live = await liveTables(tx);
				const tables: (BackupTableEntry & { live: LiveTable })[] = [];
				for (const name of BACKUP_TABLES) {
					const table = live.get(name);
					if (!table) throw new Error(`cofund backup: the database has no table ${name}`);
					const rows = await countRows(tx, name);
					tables.push({ name, columns: table.columns, rows, live: table });
				}
				const manifest: BackupManifest = {
					format: BACKUP_FORMAT,
					version: BACKUP_FORMAT_VERSION,
					app: appVersion(),
					schema: await schemaVersion(tx),
					engine: await engineOf(tx),
					createdAt: new Date().toISOString(),
					auditKey: key.id,
					auditHead: await currentHead(tx),
					tables: tables.map(({ name, columns, rows }) => ({ name, columns, rows }))
				};
				await put(JSON.stringify(manifest));
				await afterSnapshot?.();
				for (const table of tables) {
					await put(JSON.stringify({ table: table.name, rows: table.rows }));
					await streamTable(tx, table.live, table.rows, put);
				}
				return manifest;
			},
			{ isolationLevel: 'repeatable read', accessMode: 'read only' }
		);
		const total = manifest.tables.reduce((sum, t) => sum + t.rows, 0);
		const trailer: Trailer = { end: BACKUP_FORMAT, rows: total, sha256: inner.digest('hex') };
		// The trailer is not part of its own checksum.
		const last = Buffer.from(`${JSON.stringify(trailer)}\n`, 'utf8');
		if (failure) throw failure;
		gzip.end(last);
		await piped;
		return { manifest, sha256: fileHash.digest('hex'), bytes };
	} catch (error) {
		gzip.destroy();
		out.destroy();
		await piped.catch(() => {});
		throw error;
	}
}

async function streamTable(
	tx: Transaction,
	table: LiveTable,
	rows: number,
	put: (line: string) => Promise<void>
): Promise<void> {
	const order = (table.primaryKey.length ? table.primaryKey : table.columns.map((c) => c.name))
		.map(quoted)
		.join(', ');
	await tx.execute(
		sql.raw(
			`declare cofund_backup no scroll cursor for
			select ${rowJson(table)} as line from ${quoted(table.name)} t order by ${order}`
		)
	);
	let seen = 0;
	for (;;) {
		const batch = await queryRows<{ line: string }>(
			tx,
			sql.raw(`fetch forward ${batchOf(table)} from cofund_backup`)
		);
		for (const { line } of batch) await put(line);
		seen += batch.length;
		if (batch.length === 0) break;
	}
	await tx.execute(sql.raw('close cofund_backup'));
	// The count was read in the same snapshot, so this cannot differ unless the engine is wrong.
	if (seen !== rows) throw new Error(`cofund backup: ${table.name} gave ${seen} rows of ${rows}`);
}

/** Records backup.create with what was written, in a transaction of its own. */
export async function auditBackup(
	db: Database,
	actor: Actor,
	result: BackupResult,
	target: string
): Promise<void> {
	const counts = Object.fromEntries(result.manifest.tables.map((t) => [t.name, t.rows]));
	await db.transaction((tx) =>
		recordAudit(tx, actor, {
			action: 'backup.create',
			objectType: 'backup',
			objectId: target,
			after: {
				sha256: result.sha256,
				bytes: result.bytes,
				createdAt: result.manifest.createdAt,
				auditEvents: result.manifest.auditHead.events,
				counts
			}
		})
	);
}

/**
 * Writes a backup to `path` (through a temporary file beside it, renamed once complete) and its
 * SHA-256 to `<path>.sha256`, and audits it.
 */
export async function writeBackupFile(
	db: Database,
	path: string,
	actor: Actor
): Promise<BackupResult> {
	const partial = join(
		dirname(path),
		`.${basename(path)}.${randomBytes(4).toString('hex')}.partial`
	);
	try {
		const result = await writeBackup(db, createWriteStream(partial, { flags: 'wx', mode: 0o600 }));
		await writeFile(`${partial}.sha256`, checksumLine(result.sha256, basename(path)), {
			mode: 0o600
		});
		await rename(partial, path);
		await rename(`${partial}.sha256`, `${path}.sha256`);
		await auditBackup(db, actor, result, basename(path));
		return result;
	} catch (error) {
		await rm(partial, { force: true });
		await rm(`${partial}.sha256`, { force: true });
		throw error;
	}
}

/** For the web download: a stream to send, and the result once it has all been sent. */
export function backupStream(db: Database): { stream: PassThrough; done: Promise<BackupResult> } {
	const stream = new PassThrough();
	const done = writeBackup(db, stream);
	return { stream, done };
}
