import { ENGINES } from '$tests/factories/database';
import { solidDefinition } from '$tests/factories/projects';
import { PGlite } from '@electric-sql/pglite';
import { getTableColumns, sql } from 'drizzle-orm';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { drizzle as drizzlePostgres } from 'drizzle-orm/postgres-js';
import { migrate as migratePostgres } from 'drizzle-orm/postgres-js/migrator';
import { randomBytes, randomUUID } from 'node:crypto';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bindAudit } from '../audit/audit-context';
import { ephemeralAuditKey } from '../audit/audit-key';
import { SYSTEM_ACTOR } from '../audit/record-audit';
import { queryRows, schema, type Database, type Engine } from '../db';
import { fromPackageRoot } from '../package-root';
import { projectValues } from '../projects/definition-rows';
import { revertImport } from './revert-import';
import { dropStaged, moveStagedExpenses, stageExpenses, type StagedExpense } from './stage-rows';

const MIGRATIONS = fromPackageRoot('src/lib/server/db/migrations');
const THIS_MIGRATION = '0008_revert_keeps_rows';

/** A copy of the migrations folder with every migration before this one, and not this one. */
function migrationsBefore(): string {
	const journal = JSON.parse(readFileSync(join(MIGRATIONS, 'meta/_journal.json'), 'utf8')) as {
		entries: { idx: number; tag: string }[];
	};
	const at = journal.entries.findIndex((entry) => entry.tag === THIS_MIGRATION);
	expect(at).toBeGreaterThan(0);
	const folder = mkdtempSync(join(tmpdir(), 'cofund-migrations-'));
	mkdirSync(join(folder, 'meta'));
	const entries = journal.entries.slice(0, at);
	for (const entry of entries) {
		copyFileSync(join(MIGRATIONS, `${entry.tag}.sql`), join(folder, `${entry.tag}.sql`));
	}
	writeFileSync(join(folder, 'meta/_journal.json'), JSON.stringify({ ...journal, entries }));
	return folder;
}

interface Upgradable {
	db: Database;
	upgrade(): Promise<void>;
	close(): Promise<void>;
}

/** A new database migrated up to just before this migration, which upgrade() then applies. */
async function databaseBefore(engine: Engine): Promise<Upgradable> {
	const before = migrationsBefore();
	if (engine === 'pglite') {
		const client = await PGlite.create();
		const db = drizzlePglite({ client, schema });
		await migratePglite(db, { migrationsFolder: before });
		bindAudit(db, { key: ephemeralAuditKey(), anchorPath: null });
		return {
			db,
			upgrade: () => migratePglite(db, { migrationsFolder: MIGRATIONS }),
			close: () => client.close()
		};
	}
	const server = process.env.TEST_DATABASE_URL!.trim();
	const admin = async (statement: string) => {
		const client = postgres(server, { max: 1, onnotice: () => {} });
		try {
			await client.unsafe(statement);
		} finally {
			await client.end({ timeout: 5 });
		}
	};
	const name = `cofund_test_${process.pid}_${randomBytes(4).toString('hex')}`;
	await admin(`create database "${name}"`);
	const url = new URL(server);
	url.pathname = `/${name}`;
	const client = postgres(url.toString(), { max: 4, onnotice: () => {} });
	const db = drizzlePostgres({ client, schema });
	await migratePostgres(db, { migrationsFolder: before });
	bindAudit(db, { key: ephemeralAuditKey(), anchorPath: null });
	return {
		db,
		upgrade: () => migratePostgres(db, { migrationsFolder: MIGRATIONS }),
		close: async () => {
			await client.end({ timeout: 5 });
			await admin(`drop database if exists "${name}" with (force)`);
		}
	};
}

/**
 * SOLID's project row as the code of today writes it, in the columns the older schema has: the
 * app's own writer would also fill columns that later migrations add.
 */
async function insertProjectRow(db: Database): Promise<number> {
	const present = new Set(
		(
			await queryRows<{ name: string }>(
				db,
				sql`select column_name as name from information_schema.columns
					where table_name = 'projects' and table_schema = current_schema()`
			)
		).map((column) => column.name)
	);
	const values: Record<string, unknown> = projectValues(solidDefinition());
	const filled = Object.entries(getTableColumns(schema.projects)).filter(
		([key, column]) => present.has(column.name) && values[key] !== undefined
	);
	const [row] = await queryRows<{ id: number }>(
		db,
		sql`insert into projects (${sql.join(
			filled.map(([, column]) => sql.identifier(column.name)),
			sql`, `
		)}) values (${sql.join(
			filled.map(([key]) => sql`${values[key]}`),
			sql`, `
		)}) returning id`
	);
	return row!.id;
}

const expenseRow = (line: number, occurrence: number, cents: number): StagedExpense => ({
	line,
	unmatched: false,
	rowKey: 'same-key',
	occurrence,
	record: {
		date: '2018-03-01',
		amountCents: cents,
		currency: 'EUR',
		documentNumber: 'D-1',
		payee: 'SIA Piegādātājs',
		description: 'Izdevumi',
		category: '2122',
		eventNumber: 1,
		fundingSource: 'eu'
	}
});

describe.each(ENGINES)('migration 0008 over the imports of today, on %s', (engine) => {
	let database: Upgradable;
	let projectId: number;
	const batches: Record<'expenses' | 'trips' | 'revertedBefore', number> = {
		expenses: 0,
		trips: 0,
		revertedBefore: 0
	};
	const one = async <T extends Record<string, unknown>>(query: ReturnType<typeof sql>) =>
		(await queryRows<T>(database.db, query))[0]!;

	beforeAll(async () => {
		database = await databaseBefore(engine);
		projectId = await insertProjectRow(database.db);
		// Imports as the code before this migration left them: rows live, a reverted batch empty.
		await database.db.execute(sql`insert into source_files (id, project_id, name, size, sha256,
			uploaded_by) values ('f', ${projectId}, 'ledger.csv', 3, 'sha', 'x')`);
		await database.db.execute(sql`insert into source_file_chunks values ('f', 0, '\\x616263')`);
		const batch = async (kind: string, reverted: boolean) =>
			Number(
				(
					await one<{ id: number }>(sql`insert into import_batches (project_id, kind,
						source_file_id, file_name, sha256, size, profile, dialect, report, records, accepted,
						rejected, set_aside, accepted_cents, created_by, reverted_at, reverted_by)
					values (${projectId}, ${kind}::import_kind, 'f', 'ledger.csv', 'sha', 3, '{}', '{}', '{}',
						2, 2, 0, 0, 300, 'x', ${reverted ? sql`now()` : null}, ${reverted ? 'x' : null})
					returning id`)
				).id
			);
		batches.expenses = await batch('expenses', false);
		batches.trips = await batch('participation', false);
		batches.revertedBefore = await batch('expenses', true);
		await database.db.execute(sql`insert into expenses (project_id, batch_id, line, row_key,
			occurrence, date, amount_cents, currency, document_number, payee, description, category,
			event_number, funding_source)
			values (${projectId}, ${batches.expenses}, 2, 'same-key', 1, '2018-03-01', 100, 'EUR', 'D-1',
				'SIA Piegādātājs', 'Izdevumi', '2122', 1, 'eu'),
			(${projectId}, ${batches.expenses}, 3, 'same-key', 2, '2018-03-01', 200, 'EUR', 'D-1',
				'SIA Piegādātājs', 'Izdevumi', '2122', 1, 'eu')`);
		await database.db.execute(sql`insert into participations (project_id, batch_id, line, row_key,
			person, position, event_number, city, country, departure, return_date, order_number, status)
			values (${projectId}, ${batches.trips}, 2, 'trip-key', 'Inese Kalniņa', 'speciāliste', 1,
				'Jette', 'BE', '2018-03-13', '2018-03-15', 'R-1', 'done')`);
		await database.db.execute(sql`insert into expense_sums values (${projectId}, '2018-03', '2122',
			1, 300, 2)`);
		await database.upgrade();
	}, 120_000);
	afterAll(async () => {
		await database?.close();
	});

	it('keeps every row of today live, and the sums as they were', async () => {
		expect(
			await one(sql`select
				(select count(*) from expenses where reverted_at is null)::int as expenses,
				(select count(*) from participations where reverted_at is null)::int as trips,
				(select count(*) from expenses where batch_id = ${batches.revertedBefore})::int as gone,
				(select sum(cents)::int from expense_sums) as cents`)
		).toEqual({ expenses: 2, trips: 1, gone: 0, cents: 300 });
	});

	it('gives the rows of today their identity, refuses to change them, and reverts them by marking', async () => {
		// The same two rows once more, as a later import of today would write them: neither is new.
		const runId = randomUUID();
		await stageExpenses(database.db, runId, [expenseRow(2, 1, 100), expenseRow(3, 2, 200)]);
		const taken = await database.db.transaction((tx) =>
			moveStagedExpenses(tx, runId, { projectId, batchId: batches.revertedBefore }, 2)
		);
		await dropStaged(database.db, runId);
		expect(taken.map((row) => row.line)).toEqual([2, 3]);
		const update = await database.db.execute(sql`update expenses set amount_cents = 1`).then(
			() => 'allowed',
			(error: Error & { cause?: Error }) => error.cause?.message ?? error.message
		);
		expect(update).toMatch(/expenses is kept as imported: UPDATE is not allowed/);

		expect(
			await revertImport(database.db, batches.revertedBefore, projectId, SYSTEM_ACTOR)
		).toEqual({ status: 'already-reverted' });
		expect(await revertImport(database.db, batches.expenses, projectId, SYSTEM_ACTOR)).toEqual({
			status: 'reverted',
			batchId: batches.expenses,
			rows: 2
		});
		expect(await queryRows(database.db, sql`select * from expense_sums`)).toEqual([]);
		expect(
			await one(sql`select count(*)::int as rows, count(reverted_at)::int as reverted
				from expenses`)
		).toEqual({ rows: 2, reverted: 2 });
	});
});
