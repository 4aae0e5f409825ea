/**
 * Restores a backup into an empty database of either engine. The whole file is checked first
 * (checksums and structure), then the schema, the audit key and that the target is empty; only
 * then is it read again and written, in one transaction that also sets every identity sequence
 * past its rows, re-verifies the audit chain with this place's key and records backup.restore.
 * Any failure rolls it all back: the target stays empty.
 */
import { sql } from 'drizzle-orm';
import { basename } from 'node:path';
import { auditSetupOf } from '../audit/audit-context';
import { recordAudit, type Actor } from '../audit/record-audit';
import { verifyAuditChain } from '../audit/verify-audit';
import { queryRows, type Database, type Queryable, type Transaction } from '../db';
import { BackupError, type BackupManifest, type BackupTableEntry } from './backup-format';
import { countRows, liveTables, quoted, schemaVersion, type LiveTable } from './backup-schema';
import { BACKUP_TABLES } from './backup-tables';
import { scanBackup, type ScannedBackup } from './read-backup';

export interface RestoreResult {
	manifest: BackupManifest;
	sha256: string;
	/** Whether `<file>.sha256` was beside the file (and matched); else only the inner checksum. */
	besideChecked: boolean;
	/** The audit chain as verified after the restore (with the backup.restore event). */
	auditEvents: number;
	auditKey: { id: string; source: string };
}

/** Rows sent in one INSERT: up to this many, or this many characters of JSON. */
const MAX_ROWS = 500;
const MAX_CHARS = 8 * 1024 * 1024;

async function firstNonEmpty(db: Queryable, tables: Iterable<string>) {
	for (const name of tables) {
		const rows = await countRows(db, name);
		if (rows > 0) return { table: name, rows };
	}
	return null;
}

/** Everything that can be known before the first write: the file, the schema, the key, the target. */
async function check(
	db: Database,
	path: string
): Promise<ScannedBackup & { live: Map<string, LiveTable> }> {
	const scanned = await scanBackup(path);
	const { manifest } = scanned;
	const target = await schemaVersion(db);
	if (
		manifest.schema.migrations !== target.migrations ||
		manifest.schema.latest !== target.latest
	) {
		throw new BackupError({
			kind: 'schema',
			backup: `${manifest.schema.latest} (${manifest.schema.migrations})`,
			target: `${target.latest} (${target.migrations})`
		});
	}
	const live = await liveTables(db);
	const names = manifest.tables.map((t) => t.name);
	const expected = [...BACKUP_TABLES];
	if (names.length !== expected.length || names.some((name, i) => name !== expected[i])) {
		throw new BackupError({ kind: 'damaged', detail: 'the list of tables' });
	}
	for (const table of manifest.tables) {
		const here = live.get(table.name);
		const same =
			here &&
			here.columns.length === table.columns.length &&
			table.columns.every((c) => here.columns.some((h) => h.name === c.name && h.type === c.type));
		if (!same) throw new BackupError({ kind: 'damaged', detail: `the columns of ${table.name}` });
	}
	const { key } = auditSetupOf(db);
	if (manifest.auditHead.events > 0 && manifest.auditKey !== key.id) {
		throw new BackupError({
			kind: 'audit-key',
			backup: manifest.auditKey,
			target: key.id,
			source: key.source
		});
	}
	const full = await firstNonEmpty(db, live.keys());
	if (full) throw new BackupError({ kind: 'not-empty', ...full });
	return { ...scanned, live };
}

function insertSql(table: BackupTableEntry, json: string) {
	const columns = table.columns.map((c) => quoted(c.name)).join(', ');
	const values = table.columns
		.map(({ name, type }) =>
			type === 'bytea'
				? `decode(e.j->>'${name.replaceAll("'", "''")}', 'base64')`
				: `r.${quoted(name)}`
		)
		.join(', ');
	return sql.join([
		sql.raw(
			`insert into ${quoted(table.name)} (${columns}) overriding system value
			select ${values} from json_array_elements(`
		),
		sql`${json}::json`,
		sql.raw(`) as e(j), json_populate_record(null::${quoted(table.name)}, e.j) as r`)
	]);
}

/** Every identity column's sequence set past the largest value restored. */
async function resetSequences(tx: Transaction): Promise<void> {
	const identities = await queryRows<{ table: string; column: string }>(
		tx,
		sql`select table_name as "table", column_name as "column" from information_schema.columns
			where table_schema = 'public' and is_identity = 'YES'`
	);
	for (const { table, column } of identities) {
		const t = quoted(table);
		const c = quoted(column);
		await tx.execute(
			sql.raw(
				`select setval(pg_get_serial_sequence('${t.replaceAll("'", "''")}', '${column.replaceAll("'", "''")}'),
					coalesce(max(${c}), 1), max(${c}) is not null) from ${t}`
			)
		);
	}
}

export async function restoreBackup(
	db: Database,
	path: string,
	actor: Actor
): Promise<RestoreResult> {
	const checked = await check(db, path);
	const { key } = auditSetupOf(db);
	const auditEvents = await db.transaction(async (tx) => {
		// Whoever wrote in between the check and now: the target must still be empty.
		const full = await firstNonEmpty(tx, checked.live.keys());
		if (full) throw new BackupError({ kind: 'not-empty', ...full });
		let batch: string[] = [];
		let chars = 0;
		const flush = async (table: BackupTableEntry) => {
			if (batch.length === 0) return;
			await tx.execute(insertSql(table, `[${batch.join(',')}]`));
			batch = [];
			chars = 0;
		};
		const again = await scanBackup(path, {
			async row(table, line) {
				batch.push(line);
				chars += line.length;
				if (batch.length >= MAX_ROWS || chars >= MAX_CHARS) await flush(table);
			},
			tableEnd: flush
		});
		// The same file as was checked, byte for byte, or nothing stays.
		if (again.sha256 !== checked.sha256) {
			throw new BackupError({ kind: 'checksum', expected: checked.sha256, actual: again.sha256 });
		}
		await resetSequences(tx);
		const chain = await verifyAuditChain(tx);
		if (!chain.intact) {
			throw new BackupError({ kind: 'audit-chain', detail: JSON.stringify(chain) });
		}
		await recordAudit(tx, actor, {
			action: 'backup.restore',
			objectType: 'backup',
			objectId: basename(path),
			after: {
				sha256: checked.sha256,
				createdAt: checked.manifest.createdAt,
				engine: checked.manifest.engine,
				app: checked.manifest.app,
				auditEvents: checked.manifest.auditHead.events,
				counts: Object.fromEntries(checked.manifest.tables.map((t) => [t.name, t.rows]))
			}
		});
		return chain.events + 1;
	});
	return {
		manifest: checked.manifest,
		sha256: checked.sha256,
		besideChecked: checked.beside !== null,
		auditEvents,
		auditKey: { id: key.id, source: key.source }
	};
}
