/**
 * Cancelling an import: a commit aborted half-way leaves every table it touches exactly as it was,
 * and over the page's stream only the user who started a run, or an admin, can cancel it.
 */
import { ENGINES, freshDatabase } from '$tests/factories/database';
import { solidDefinition } from '$tests/factories/projects';
import { makeUser } from '$tests/factories/users';
import { writeLedger } from '$tests/bench/ledger';
import { sql } from 'drizzle-orm';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppUser } from '../auth/users';
import { SYSTEM_ACTOR } from '../audit/record-audit';
import { queryRows, type DatabaseHandle } from '../db';
import { applyProjectDefinition } from '../projects/apply-definition';
import { fromPackageRoot } from '../package-root';
import { fileSource } from './byte-source';
import { ImportFileError } from './import-errors';
import { loadImportProject } from './import-project';
import { cancelRun } from './import-runs';
import { runImport, type ImportProjectRef, type ImportRequest } from './run-import';
import { streamImport, type StreamEvent } from './stream-import';

/** Enough rows for several record batches, thousands of them staged before the cancel. */
const ROWS = 20_000;
const TABLES = [
	'expenses',
	'import_batches',
	'source_files',
	'source_file_chunks',
	'expense_sums',
	'audit_events'
] as const;

/** Each table's row count and a digest of all its rows: equal only if nothing changed. */
async function tableState(handle: DatabaseHandle): Promise<Record<string, string>> {
	const state: Record<string, string> = {};
	for (const table of TABLES) {
		const [row] = await queryRows<{ n: string; digest: string | null }>(
			handle.db,
			sql`select count(*)::text as n, md5(string_agg(t::text, '|' order by t::text)) as digest
				from ${sql.identifier(table)} t`
		);
		state[table] = `${row!.n} ${row!.digest}`;
	}
	return state;
}

async function readAll(stream: ReadableStream<Uint8Array>, onEvent: (e: StreamEvent) => void) {
	const events: StreamEvent[] = [];
	const reader = stream.getReader();
	const decoder = new TextDecoder();
	let buffered = '';
	for (;;) {
		const { done, value } = await reader.read();
		buffered += decoder.decode(value, { stream: !done });
		const lines = buffered.split('\n');
		buffered = lines.pop()!;
		for (const line of lines.filter(Boolean)) {
			const event = JSON.parse(line) as StreamEvent;
			events.push(event);
			onEvent(event);
		}
		if (done) return events;
	}
}

describe.each(ENGINES)('a cancelled import on %s', (engine) => {
	let handle: DatabaseHandle;
	let dir: string;
	let file: string;
	let project: ImportProjectRef;
	let coordinator: AppUser;
	let other: AppUser;
	let admin: AppUser;

	const request = async (mode: ImportRequest['mode'], path = file): Promise<ImportRequest> => ({
		project,
		kind: 'expenses',
		input: { source: await fileSource(path) },
		profile: {},
		actor: coordinator,
		mode,
		today: '2026-11-24'
	});

	beforeAll(async () => {
		handle = await freshDatabase(engine);
		await applyProjectDefinition(handle.db, solidDefinition(), { actor: SYSTEM_ACTOR });
		project = (await loadImportProject(handle.db, 'SOLID'))!;
		coordinator = await makeUser(handle.db, 'coordinator', 'coordinator@example.lv', ['SOLID']);
		other = await makeUser(handle.db, 'coordinator', 'other@example.lv', ['SOLID']);
		admin = await makeUser(handle.db, 'admin', 'admin@example.lv');
		// Something in every table already, so that "as it was" is more than "empty".
		await runImport(
			handle.db,
			await request('commit', fromPackageRoot('static/samples/solid/ledger.csv'))
		);
		dir = await mkdtemp(join(tmpdir(), 'cofund-cancel-'));
		file = join(dir, 'big-ledger.csv');
		await writeLedger(file, ROWS);
	}, 120_000);
	afterAll(async () => {
		await handle?.close();
		if (dir) await rm(dir, { recursive: true, force: true });
	});

	it('leaves every table as it was when a commit is cancelled after rows were written', async () => {
		const before = await tableState(handle);
		expect(before.expenses).toMatch(/^33 /);
		const controller = new AbortController();
		let seen = 0;
		const cancelled = runImport(handle.db, {
			...(await request('commit')),
			signal: controller.signal,
			onProgress: (p) => {
				seen = p.records;
				// Well into the file: thousands of rows read, judged and staged for the commit.
				if (p.records >= 8000) controller.abort();
			}
		});
		await expect(cancelled).rejects.toThrow(ImportFileError);
		await cancelled.catch((error: ImportFileError) =>
			expect(error.failure).toEqual({ code: 'cancelled' })
		);
		expect(seen).toBeGreaterThanOrEqual(8000);
		expect(seen).toBeLessThan(ROWS);
		expect(await tableState(handle)).toEqual(before);
		// And the same file then commits whole.
		const result = await runImport(handle.db, await request('commit'));
		expect(result.report.records).toBe(ROWS);
		expect(result.committed).toBe(true);
	}, 300_000);

	it('lets only the user who started a run, or an admin, cancel it over the stream', async () => {
		const attempts: string[] = [];
		const events = await readAll(
			streamImport(handle.db, await request('dry-run'), { userId: coordinator.id }),
			(event) => {
				if (event.type !== 'started') return;
				attempts.push(cancelRun(event.runId, project.id + 1, coordinator));
				attempts.push(cancelRun(event.runId, project.id, other));
				attempts.push(cancelRun(event.runId, project.id, coordinator));
			}
		);
		expect(attempts).toEqual(['not-found', 'forbidden', 'cancelled']);
		expect(events[0]!.type).toBe('started');
		expect(events.at(-1)).toEqual({ type: 'failure', failure: { code: 'cancelled' } });
		// Once the run has ended, it is gone from the registry.
		const runId = (events[0] as { runId: string }).runId;
		expect(cancelRun(runId, project.id, coordinator)).toBe('not-found');

		const byAdmin = await readAll(
			streamImport(handle.db, await request('dry-run'), { userId: other.id }),
			(event) => {
				if (event.type === 'started')
					expect(cancelRun(event.runId, project.id, admin)).toBe('cancelled');
			}
		);
		expect(byAdmin.at(-1)).toEqual({ type: 'failure', failure: { code: 'cancelled' } });
	}, 120_000);

	it('goes on with a commit whose reader has gone away', async () => {
		const before = await tableState(handle);
		const stream = streamImport(
			handle.db,
			{
				...(await request('commit', fromPackageRoot('static/samples/solid/travel.csv'))),
				kind: 'participation'
			},
			{ userId: coordinator.id }
		);
		const reader = stream.getReader();
		const first = JSON.parse(new TextDecoder().decode((await reader.read()).value)) as {
			type: string;
			runId: string;
		};
		expect(first.type).toBe('started');
		await reader.cancel();
		// The run goes on to its end, and its batch is saved.
		await expect
			.poll(async () => (await tableState(handle)).import_batches, { timeout: 60_000 })
			.not.toBe(before.import_batches);
		const after = await tableState(handle);
		expect(after.expenses).toBe(before.expenses);
		expect(first.runId).toMatch(/^[0-9a-f-]{36}$/);
	}, 120_000);
});
