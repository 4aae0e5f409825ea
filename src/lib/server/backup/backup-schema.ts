/**
 * What a backup and a restore read of the live database's own shape: the migrations applied, the
 * tables and their columns and primary keys as the migrations made them, and the engine.
 */
import { sql } from 'drizzle-orm';
import { readFileSync } from 'node:fs';
import { queryRows, type Queryable } from '../db';
import { fromPackageRoot } from '../package-root';
import type { BackupColumn } from './backup-format';

export interface LiveTable {
	name: string;
	columns: BackupColumn[];
	primaryKey: string[];
}

interface Journal {
	entries: { tag: string; when: number }[];
}

/** How many migrations the database has, and the last one's tag (from the journal). */
export async function schemaVersion(
	db: Queryable
): Promise<{ migrations: number; latest: string }> {
	const row = only(
		await queryRows<{ n: number; at: string | null }>(
			db,
			sql`select count(*)::int as n, max(created_at)::text as at from drizzle.__drizzle_migrations`
		)
	);
	const journal = JSON.parse(
		readFileSync(fromPackageRoot('src/lib/server/db/migrations/meta/_journal.json'), 'utf8')
	) as Journal;
	const latest = journal.entries.find((entry) => String(entry.when) === row.at)?.tag;
	return { migrations: row.n, latest: latest ?? `migration created at ${row.at ?? 'never'}` };
}

/** Every table in the public schema, with its columns in order and its primary key. */
export async function liveTables(db: Queryable): Promise<Map<string, LiveTable>> {
	const columns = await queryRows<{ table: string; column: string; type: string }>(
		db,
		sql`select table_name as "table", column_name as "column", udt_name as "type"
			from information_schema.columns
			where table_schema = 'public'
			order by table_name, ordinal_position`
	);
	const keys = await queryRows<{ table: string; column: string }>(
		db,
		sql`select c.relname as "table", a.attname as "column"
			from pg_index i
			join pg_class c on c.oid = i.indrelid
			join pg_namespace n on n.oid = c.relnamespace
			join lateral unnest(i.indkey) with ordinality as k(attnum, ord) on true
			join pg_attribute a on a.attrelid = c.oid and a.attnum = k.attnum
			where i.indisprimary and n.nspname = 'public'
			order by c.relname, k.ord`
	);
	const tables = new Map<string, LiveTable>();
	for (const { table, column, type } of columns) {
		let entry = tables.get(table);
		if (!entry) tables.set(table, (entry = { name: table, columns: [], primaryKey: [] }));
		entry.columns.push({ name: column, type });
	}
	for (const { table, column } of keys) tables.get(table)?.primaryKey.push(column);
	return tables;
}

export async function engineOf(db: Queryable): Promise<'pglite' | 'postgres'> {
	const row = only(await queryRows<{ version: string }>(db, sql`select version() as version`));
	return /PGlite/i.test(row.version) ? 'pglite' : 'postgres';
}

/** The one row an aggregate gives. */
function only<T>(rows: T[]): T {
	const [row] = rows;
	if (row === undefined) throw new Error('cofund backup: a query that gives one row gave none');
	return row;
}

export async function countRows(db: Queryable, table: string): Promise<number> {
	const rows = await queryRows<{ n: number }>(
		db,
		sql.raw(`select count(*)::int as n from ${quoted(table)}`)
	);
	return only(rows).n;
}

/** A PostgreSQL identifier, quoted; the names come from the catalogue, never from a user. */
export const quoted = (name: string) => `"${name.replaceAll('"', '""')}"`;
