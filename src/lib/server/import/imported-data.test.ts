import { ENGINES, freshDatabase } from '$tests/factories/database';
import { importSample } from '$tests/factories/imports';
import { solidDefinition } from '$tests/factories/projects';
import { sql, type SQL } from 'drizzle-orm';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM_ACTOR } from '../audit/record-audit';
import { queryRows, type DatabaseHandle } from '../db';
import { expenseRows } from '../dashboard/expense-rows';
import { expensesCsv } from '../dashboard/expenses-csv';
import { portfolio } from '../dashboard/portfolio';
import { projectDashboard } from '../dashboard/project-dashboard';
import { tripRows } from '../dashboard/trip-rows';
import { loadDocumentData } from '../documents/load-document-data';
import { fromPackageRoot } from '../package-root';
import { applyProjectDefinition } from '../projects/apply-definition';
import { bytesSource } from './byte-source';
import { loadImportProject } from './import-project';
import { listImports } from './list-imports';
import { loadProjectFigures } from '../dashboard/project-figures';
import { revertImport } from './revert-import';
import { ImportFileError } from './import-errors';
import {
	runImport,
	type ImportProjectRef,
	type ImportRequest,
	type ImportResult
} from './run-import';

const ledger = () => readFileSync(fromPackageRoot('static/samples/solid/ledger.csv'));

/** The database's refusal of a statement, in the trigger's own words, or 'allowed'. */
const refusal = (handle: DatabaseHandle, statement: SQL) =>
	handle.db.execute(statement).then(
		() => 'allowed',
		(error: Error & { cause?: Error }) => error.cause?.message ?? error.message
	);

/** The sums as kept, and as the live rows say they should be. */
async function sums(handle: DatabaseHandle) {
	const kept = await queryRows(
		handle.db,
		sql`select project_id, month, category, event, cents::text, rows from expense_sums
			order by 1, 2, 3, 4`
	);
	const fromRows = await queryRows(
		handle.db,
		sql`select project_id, to_char(date, 'YYYY-MM') as month, category,
				coalesce(event_number, 0) as event, sum(amount_cents)::text as cents, count(*)::int as rows
			from expenses where reverted_at is null group by 1, 2, 3, 4 order by 1, 2, 3, 4`
	);
	return { kept, fromRows };
}

/** Every imported table's rows, as text: equal before and after means nothing was touched. */
async function contents(handle: DatabaseHandle): Promise<string[]> {
	const tables = ['expenses', 'participations', 'import_batches', 'source_file_chunks'];
	const all = await Promise.all(
		tables.map((table) =>
			queryRows<{ md5: string }>(
				handle.db,
				sql.raw(`select count(*) || ':' || md5(string_agg(t::text, '|' order by t::text)) as md5
					from ${table} t`)
			)
		)
	);
	return all.map((rows) => rows[0]!.md5);
}

async function counts(handle: DatabaseHandle) {
	const [row] = await queryRows<Record<string, string>>(
		handle.db,
		sql`select
				(select count(*) from expenses)::text as expenses,
				(select count(*) from expenses where reverted_at is null)::text as live_expenses,
				(select count(*) from participations)::text as trips,
				(select count(*) from participations where reverted_at is null)::text as live_trips`
	);
	return Object.fromEntries(Object.entries(row!).map(([k, v]) => [k, Number(v)]));
}

async function csvLines(handle: DatabaseHandle, projectId: number): Promise<string[]> {
	let text = '';
	for await (const part of expensesCsv(handle.db, projectId, 'en')) text += part;
	return text.split('\r\n').filter(Boolean);
}

describe.each(ENGINES)('what was imported, on %s', (engine) => {
	let handle: DatabaseHandle;
	let project: ImportProjectRef;
	const importBytes = (name: string, bytes: Uint8Array, mode: ImportRequest['mode'] = 'commit') =>
		runImport(handle.db, {
			project,
			kind: 'expenses',
			input: { source: bytesSource(name, bytes) },
			profile: {},
			actor: SYSTEM_ACTOR,
			mode,
			today: '2026-11-24'
		});

	beforeAll(async () => {
		handle = await freshDatabase(engine);
		await applyProjectDefinition(handle.db, solidDefinition(), { actor: SYSTEM_ACTOR });
		project = (await loadImportProject(handle.db, 'SOLID'))!;
		await importSample(handle.db, 'expenses');
		await importSample(handle.db, 'participation');
	}, 60_000);
	afterAll(async () => {
		await handle?.close();
	});

	it('refuses to change an amount, a trip, an original’s bytes or a batch’s SHA-256', async () => {
		const before = await contents(handle);
		const refused = /is kept as imported: UPDATE is not allowed/;
		expect(
			await refusal(handle, sql`update expenses set amount_cents = amount_cents + 100`)
		).toMatch(refused);
		expect(
			await refusal(handle, sql`update participations set status = 'done', person = 'Someone'`)
		).toMatch(refused);
		expect(
			await refusal(handle, sql`update source_file_chunks set bytes = '\\x00'::bytea`)
		).toMatch(refused);
		expect(await refusal(handle, sql`update import_batches set sha256 = repeat('0', 64)`)).toMatch(
			refused
		);
		// Nor under cover of a revert: the revert columns may be filled in, and nothing else.
		expect(
			await refusal(
				handle,
				sql`update expenses set reverted_at = now(), amount_cents = amount_cents + 100`
			)
		).toMatch(refused);
		expect(
			await refusal(
				handle,
				sql`update import_batches set reverted_at = now(), reverted_by = 'x', accepted = 0`
			)
		).toMatch(refused);
		expect(await refusal(handle, sql`update import_batches set reverted_at = now()`)).toMatch(
			refused
		);
		// A row is taken out only with its whole batch, which the history then shows reverted.
		expect(await refusal(handle, sql`update expenses set reverted_at = now()`)).toMatch(refused);
		expect(await refusal(handle, sql`update participations set reverted_at = now()`)).toMatch(
			refused
		);
		expect(await contents(handle)).toEqual(before);
		const [total] = await queryRows<{ cents: string }>(
			handle.db,
			sql`select sum(amount_cents)::text as cents from expenses`
		);
		expect(Number(total!.cents)).toBe(418470);
	});

	it('refuses DELETE and TRUNCATE of every imported table', async () => {
		const before = await contents(handle);
		for (const table of ['expenses', 'participations', 'import_batches', 'source_file_chunks']) {
			expect(await refusal(handle, sql.raw(`delete from ${table}`)), table).toMatch(
				new RegExp(`${table} is kept as imported: DELETE is not allowed`)
			);
			expect(await refusal(handle, sql.raw(`truncate ${table} cascade`)), table).toMatch(
				/is kept as imported: TRUNCATE is not allowed/
			);
		}
		expect(await refusal(handle, sql`truncate source_files cascade`)).toMatch(
			/is kept as imported: TRUNCATE is not allowed/
		);
		expect(await refusal(handle, sql`delete from source_files`)).not.toBe('allowed');
		// An upload that no import took is no audit material yet: it may still be cleared away.
		await handle.db.execute(sql`insert into source_files (id, project_id, name, size, sha256,
			uploaded_by) values ('never-imported', ${project.id}, 'x.csv', 1, '', 'x')`);
		await handle.db.execute(
			sql`insert into source_file_chunks values ('never-imported', 0, '\\x41'::bytea)`
		);
		expect(await refusal(handle, sql`delete from source_files where id = 'never-imported'`)).toBe(
			'allowed'
		);
		expect(await contents(handle)).toEqual(before);
		const [chunks] = await queryRows<{ n: string }>(
			handle.db,
			sql`select count(*)::text as n from source_file_chunks`
		);
		expect(Number(chunks!.n)).toBe(2);
	});

	it('reverts by marking: the rows stay, and count nowhere', async () => {
		const history = await listImports(handle.db, project.id);
		for (const entry of history) {
			const result = await revertImport(handle.db, entry.id, project.id, SYSTEM_ACTOR);
			expect(result).toEqual({
				status: 'reverted',
				batchId: entry.id,
				rows: entry.kind === 'expenses' ? 33 : 15
			});
		}
		expect(await counts(handle)).toEqual({
			expenses: 33,
			live_expenses: 0,
			trips: 15,
			live_trips: 0
		});
		// The auditor still sees each row, marked with the moment its batch was reverted.
		const marks = await queryRows<{ same: boolean }>(
			handle.db,
			sql`select r.reverted_at = b.reverted_at as same
				from (select batch_id, reverted_at from expenses
					union all select batch_id, reverted_at from participations) r
				join import_batches b on b.id = r.batch_id`
		);
		expect(marks.length).toBe(48);
		expect(marks.every((m) => m.same === true)).toBe(true);
		const after = await listImports(handle.db, project.id);
		expect(after.map((e) => [e.accepted, e.revertedBy])).toEqual([
			[15, SYSTEM_ACTOR.email],
			[33, SYSTEM_ACTOR.email]
		]);

		expect(await sums(handle)).toEqual({ kept: [], fromRows: [] });
		const dashboard = (await projectDashboard(handle.db, 'SOLID', '2026-11'))!;
		expect(dashboard.total.actual).toBe(0);
		expect(dashboard.mobility).toEqual({ planned: 15, completed: 0, cancelled: 0, unassigned: 0 });
		expect(dashboard.alerts.map((a) => a.kind)).not.toContain('unassigned');
		const { figures } = (await loadProjectFigures(handle.db, 'SOLID'))!;
		expect(figures.total.actual).toBe(0);
		expect(figures.mobility).toMatchObject({ completed: 0, cancelled: 0 });
		expect(await expenseRows(handle.db, project.id, {})).toEqual({
			rows: [],
			count: 0,
			totalCents: 0
		});
		expect(await tripRows(handle.db, project.id, {})).toEqual({ rows: [], count: 0 });
		expect(await csvLines(handle, project.id)).toHaveLength(1);
		const data = (await loadDocumentData(handle.db, 'SOLID', ['plan', 'expenses', 'trips']))!;
		expect([data.data.expenses, data.data.trips]).toEqual([[], []]);
		const view = await portfolio(handle.db, { id: null, role: 'admin' }, '2026-11');
		expect(view.projects.find((p) => p.code === 'SOLID')).toMatchObject({
			actual: 0,
			mobilityDone: 0
		});
	});

	it('takes the same files again after the revert, with the same figures', async () => {
		const dry = await importBytes('ledger.csv', ledger(), 'dry-run');
		expect(dry.report.accepted).toEqual({ count: 33, totalCents: 418470 });
		expect(dry.report.setAside.byReason.duplicate.count).toBe(0);

		const again = await importSample(handle.db, 'expenses');
		expect(again.report.accepted).toEqual({ count: 33, totalCents: 418470 });
		const trips = await importSample(handle.db, 'participation');
		expect(trips.report.accepted.count).toBe(15);
		expect(await counts(handle)).toEqual({
			expenses: 66,
			live_expenses: 33,
			trips: 30,
			live_trips: 15
		});

		const now = await sums(handle);
		expect(now.kept.length).toBeGreaterThan(10);
		expect(now.kept).toEqual(now.fromRows);
		const dashboard = (await projectDashboard(handle.db, 'SOLID', '2026-11'))!;
		expect(dashboard.years.map((y) => [y.year, y.actual])).toEqual([
			[2018, 307450],
			[2019, 111020]
		]);
		expect(dashboard.total.actual).toBe(418470);
		expect(dashboard.mobility).toEqual({ planned: 15, completed: 14, cancelled: 1, unassigned: 0 });
		const { figures } = (await loadProjectFigures(handle.db, 'SOLID'))!;
		expect(figures.total.actual).toBe(418470);
		expect(figures.years.map((y) => [y.year, y.actual, y.rows])).toEqual([
			[2018, 307450, 22],
			[2019, 111020, 11]
		]);
		expect(figures.mobility).toMatchObject({ planned: 15, completed: 14, cancelled: 1 });
		expect((await expenseRows(handle.db, project.id, {})).totalCents).toBe(418470);
		expect((await tripRows(handle.db, project.id, {})).count).toBe(15);
		expect(await csvLines(handle, project.id)).toHaveLength(34);
		const data = (await loadDocumentData(handle.db, 'SOLID', ['plan', 'expenses', 'trips']))!;
		expect([data.data.expenses?.length, data.data.trips?.length]).toEqual([33, 15]);

		// The live rows still have their identity: a third time adds nothing.
		const third = await importBytes('ledger.csv', ledger(), 'dry-run');
		expect(third.report.accepted.count).toBe(0);
		expect(third.report.setAside.byReason.duplicate).toEqual({ count: 33, totalCents: 418470 });
	});

	it('takes out exactly the rows of the import reverted, none that another import holds', async () => {
		// A later export: the first five lines again, and two new ones.
		const lines = ledger().toString('utf8').split('\r\n');
		const later = [
			...lines.slice(0, 6),
			'15.11.2019;X-1;SIA Jauns;Papildu izdevumi;2241;100,10;SOLID;5;Pašvaldība',
			'15.11.2019;X-2;SIA Jauns;Papildu izdevumi;2241;20,05;SOLID;;ES',
			''
		].join('\r\n');
		const batch = await importBytes('later.csv', Buffer.from(later, 'utf8'));
		expect(batch.report.accepted).toEqual({ count: 2, totalCents: 12015 });
		expect(batch.report.setAside.byReason.duplicate.count).toBe(5);
		expect((await projectDashboard(handle.db, 'SOLID', '2026-11'))!.total.actual).toBe(430485);

		await revertImport(handle.db, batch.batchId!, project.id, SYSTEM_ACTOR);
		const now = await sums(handle);
		expect(now.kept).toEqual(now.fromRows);
		expect((await projectDashboard(handle.db, 'SOLID', '2026-11'))!.total.actual).toBe(418470);
		expect((await loadProjectFigures(handle.db, 'SOLID'))!.figures.total.actual).toBe(418470);
		expect(await counts(handle)).toMatchObject({ expenses: 68, live_expenses: 33 });
	});

	it('stores each row once when two imports of the same reverted file run at once', async () => {
		const latest = (await listImports(handle.db, project.id)).find(
			(e) => e.kind === 'expenses' && !e.revertedAt
		)!;
		await revertImport(handle.db, latest.id, project.id, SYSTEM_ACTOR);
		const outcome = (run: Promise<ImportResult>) =>
			run.then(
				(result) => result.report.accepted.count,
				(error: unknown) => (error instanceof ImportFileError ? error.failure.code : error)
			);
		const results = await Promise.all([
			outcome(importBytes('a.csv', ledger())),
			outcome(importBytes('b.csv', ledger()))
		]);
		// One takes all 33 rows; the other finds them taken and has nothing to commit.
		expect(results.sort()).toEqual([33, 'nothing-to-commit']);
		expect(await counts(handle)).toMatchObject({ expenses: 101, live_expenses: 33 });
		const now = await sums(handle);
		expect(now.kept).toEqual(now.fromRows);
		expect((await loadProjectFigures(handle.db, 'SOLID'))!.figures.total.actual).toBe(418470);
	});
});
