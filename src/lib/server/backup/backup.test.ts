import { getTableName, is, sql } from 'drizzle-orm';
import { PgTable } from 'drizzle-orm/pg-core';
import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { afterAll, describe, expect, it } from 'vitest';
import { ENGINES, freshDatabase } from '../../../../tests/factories/database';
import { importSample } from '../../../../tests/factories/imports';
import { applySolidAndOther, solidDefinition } from '../../../../tests/factories/projects';
import { makeUser } from '../../../../tests/factories/users';
import { auditSetupOf, bindAudit } from '../audit/audit-context';
import { SYSTEM_ACTOR } from '../audit/record-audit';
import { verifyAuditChain } from '../audit/verify-audit';
import { ConfigError, readBackupConfig } from '../config';
import { queryRows, schema, type DatabaseHandle, type Queryable } from '../db';
import { applyProjectDefinition } from '../projects/apply-definition';
import { BackupError } from './backup-format';
import { liveTables, quoted } from './backup-schema';
import { BACKUP_TABLES, EXCLUDED_TABLES } from './backup-tables';
import { backupName, listBackups, nightlyBackup, pruneBackups } from './nightly-backups';
import { restoreBackup } from './restore-backup';
import { writeBackup, writeBackupFile } from './write-backup';

const folder = mkdtempSync(join(tmpdir(), 'cofund-backup-'));
const opened: DatabaseHandle[] = [];
afterAll(async () => {
	for (const handle of opened) await handle.close();
});

async function fresh(engine: (typeof ENGINES)[number]) {
	const handle = await freshDatabase(engine);
	opened.push(handle);
	return handle;
}

/** Every row of a table as PostgreSQL writes it, in key order, for comparing two databases. */
async function rowsOf(db: Queryable, table: string): Promise<string[]> {
	const live = (await liveTables(db)).get(table)!;
	const order = (live.primaryKey.length ? live.primaryKey : live.columns.map((c) => c.name))
		.map(quoted)
		.join(', ');
	const rows = await queryRows<{ row: string }>(
		db,
		sql.raw(`select to_jsonb(t)::text as row from ${quoted(table)} t order by ${order}`)
	);
	return rows.map((r) => r.row);
}

async function office(engine: (typeof ENGINES)[number], trips = true) {
	const handle = await fresh(engine);
	await applySolidAndOther(handle.db);
	await makeUser(handle.db, 'coordinator', 'coordinator@example.lv', ['SOLID']);
	await importSample(handle.db, 'expenses');
	if (trips) await importSample(handle.db, 'participation');
	return handle;
}

/** Each identity sequence's next value, and the largest value its column holds. */
async function sequences(db: Queryable) {
	const identities = await queryRows<{ table: string; column: string }>(
		db,
		sql`select table_name as "table", column_name as "column" from information_schema.columns
			where table_schema = 'public' and is_identity = 'YES' order by 1`
	);
	const found: { table: string; next: number; max: number }[] = [];
	for (const { table, column } of identities) {
		const [row] = await queryRows<{ next: number; max: number }>(
			db,
			sql.raw(
				`select nextval(pg_get_serial_sequence('${quoted(table)}', '${column}'))::int as next,
					(select coalesce(max(${quoted(column)}), 0)::int from ${quoted(table)}) as max`
			)
		);
		found.push({ table, ...row! });
	}
	return found;
}

describe('what a backup holds', () => {
	it('covers every table of the schema, or says why it leaves one out', async () => {
		const inSchema = Object.values(schema)
			.filter((value) => is(value, PgTable))
			.map((table) => getTableName(table as PgTable))
			.sort();
		const decided = [...BACKUP_TABLES, ...Object.keys(EXCLUDED_TABLES)].sort();
		expect(decided).toEqual(inSchema);
		expect(new Set(decided).size).toBe(decided.length);
	});

	it('covers every table the migrations made', { timeout: 120_000 }, async () => {
		const handle = await fresh('pglite');
		const tables = [...(await liveTables(handle.db)).keys()].sort();
		expect([...BACKUP_TABLES, ...Object.keys(EXCLUDED_TABLES)].sort()).toEqual(tables);
	});
});

describe.each(ENGINES)('backup and restore on %s', (engine) => {
	for (const into of ENGINES) {
		it(
			`restores into an empty ${into} database exactly what was backed up`,
			{ timeout: 120_000 },
			async () => {
				const source = await office(engine);
				const file = join(folder, `${engine}-to-${into}.backup.gz`);
				const { manifest } = await writeBackupFile(source.db, file, SYSTEM_ACTOR);
				expect(manifest.engine).toBe(engine);
				expect(manifest.tables.map((t) => t.name)).toEqual([...BACKUP_TABLES]);
				const target = await fresh(into);
				// The audit key comes along beside the backup, as the operator brings it.
				bindAudit(target.db, { key: auditSetupOf(source.db).key, anchorPath: null });
				const restored = await restoreBackup(target.db, file, SYSTEM_ACTOR);
				expect(restored.besideChecked).toBe(true);
				for (const { name, rows } of manifest.tables) {
					const here = await rowsOf(target.db, name);
					const there = (await rowsOf(source.db, name)).slice(0, rows);
					if (name === 'audit_events') {
						expect(here.length, name).toBe(rows + 1);
						expect(here.slice(0, rows), name).toEqual(there);
					} else expect(here, name).toEqual(there);
				}
				const chain = await verifyAuditChain(target.db);
				expect(chain).toMatchObject({ intact: true, events: manifest.auditHead.events + 1 });
				// Every identity sequence goes on past the restored rows, and a new project fits.
				const next = await sequences(target.db);
				expect(next.length).toBeGreaterThanOrEqual(8);
				for (const { table, next: value, max } of next) expect(value, table).toBeGreaterThan(max);
				const third = solidDefinition((d) => void (d.code = 'THIRD'));
				await applyProjectDefinition(target.db, third, { actor: SYSTEM_ACTOR });
				expect((await verifyAuditChain(target.db)).intact).toBe(true);
			}
		);
	}

	it('refuses a non-empty target and leaves it as it was', { timeout: 120_000 }, async () => {
		const source = await office(engine);
		const file = join(folder, `${engine}-full.backup.gz`);
		await writeBackupFile(source.db, file, SYSTEM_ACTOR);
		const before = await rowsOf(source.db, 'audit_events');
		await expect(restoreBackup(source.db, file, SYSTEM_ACTOR)).rejects.toThrow(BackupError);
		expect(await rowsOf(source.db, 'audit_events')).toEqual(before);
	});

	it('leaves no file when the backup fails half-way', { timeout: 120_000 }, async () => {
		const source = await office(engine);
		const dir = mkdtempSync(join(folder, 'failing-'));
		// A reader that goes away half-way: the stream fails, the transaction ends, nothing stays.
		let taken = 0;
		const out = new Writable({
			write(chunk: Buffer, _encoding, done) {
				taken += chunk.length;
				done(taken > 2000 ? new Error('the reader went away') : null);
			}
		});
		await expect(writeBackup(source.db, out)).rejects.toThrow('the reader went away');
		// The database is still usable, and a file backup into a folder that vanishes leaves nothing.
		await expect(
			writeBackupFile(source.db, join(dir, 'gone', 'x.backup.gz'), SYSTEM_ACTOR)
		).rejects.toThrow();
		expect(readdirSync(dir)).toEqual([]);
		expect((await verifyAuditChain(source.db)).intact).toBe(true);
	});
});

describe.runIf(ENGINES.includes('postgres'))('a backup while writes go on', () => {
	it(
		'is one moment: an import committed during the backup is not in it, and its figures agree',
		{ timeout: 120_000 },
		async () => {
			const source = await office('postgres', false);
			const expensesBefore = (await rowsOf(source.db, 'expenses')).length;
			// Once the backup's snapshot is taken and counted, and before it reads a row, another
			// connection commits an import: the rows it then reads must still be the snapshot's.
			const chunks: Buffer[] = [];
			const out = new Writable({
				write(chunk: Buffer, _encoding, done) {
					chunks.push(chunk);
					done();
				}
			});
			let committed = false;
			const backup = writeBackup(source.db, out, async () => {
				const trips = await importSample(source.db, 'participation');
				committed = trips.committed;
			});
			const { manifest } = await backup;
			expect(committed).toBe(true);
			const count = (name: string) => manifest.tables.find((t) => t.name === name)!.rows;
			expect(count('expenses')).toBe(expensesBefore);
			expect(count('participations')).toBe(0);
			expect(count('import_batches')).toBe(1);
			expect((await rowsOf(source.db, 'participations')).length).toBeGreaterThan(0);
			const file = join(folder, 'during-writes.backup.gz');
			writeFileSync(file, Buffer.concat(chunks));
			const target = await fresh('postgres');
			bindAudit(target.db, { key: auditSetupOf(source.db).key, anchorPath: null });
			await restoreBackup(target.db, file, SYSTEM_ACTOR);
			const [sums = { rows: -1, sums: -2 }] = await queryRows<{ rows: number; sums: number }>(
				target.db,
				sql`select (select count(*)::int from expenses where reverted_at is null) as rows,
				(select coalesce(sum(rows), 0)::int from expense_sums) as sums`
			);
			expect(sums.rows).toBe(expensesBefore);
			expect(sums.sums).toBe(sums.rows);
			expect((await verifyAuditChain(target.db)).intact).toBe(true);
		}
	);
});

describe('nightly backups', () => {
	it('reads COFUND_BACKUP_DIR and COFUND_BACKUP_KEEP, and refuses a bad count by name', () => {
		expect(readBackupConfig({})).toEqual({ dir: null, keep: 14 });
		expect(readBackupConfig({ COFUND_BACKUP_DIR: '/srv/b', COFUND_BACKUP_KEEP: '3' })).toEqual({
			dir: '/srv/b',
			keep: 3
		});
		for (const bad of ['0', '-2', '1.5', 'many']) {
			expect(() => readBackupConfig({ COFUND_BACKUP_KEEP: bad })).toThrow(
				new ConfigError('COFUND_BACKUP_KEEP', bad)
			);
		}
	});

	it('names a backup by the office date and time in Riga', () => {
		expect(backupName(new Date('2026-12-01T22:30:05Z'))).toBe('cofund-2026-12-02-003005.backup.gz');
	});

	it('makes one a day, and keeps the newest N', { timeout: 120_000 }, async () => {
		const handle = await office('pglite');
		const dir = mkdtempSync(join(folder, 'nightly-'));
		writeFileSync(join(dir, 'notes.txt'), 'not a backup');
		const day = (n: number) => new Date(Date.UTC(2026, 10, n, 1, 0, 0));
		for (let n = 1; n <= 5; n++) {
			expect(await nightlyBackup(handle.db, { dir, keep: 3 }, day(n))).toBe('made');
		}
		expect(await nightlyBackup(handle.db, { dir, keep: 3 }, day(5))).toBe('exists');
		const kept = await listBackups(dir);
		expect(kept.map((b) => b.date)).toEqual(['2026-11-05', '2026-11-04', '2026-11-03']);
		expect(readdirSync(dir).sort()).toEqual(
			[...kept.flatMap((b) => [b.name, `${b.name}.sha256`]), 'notes.txt'].sort()
		);
		expect(await pruneBackups(dir, 1)).toHaveLength(2);
	});
});
