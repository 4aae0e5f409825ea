/**
 * The import's two phases: a check and a commit read the file outside any transaction, so other
 * requests are answered meanwhile; a commit's staged rows never outlive it; and when another
 * import takes the same rows between the reading and the writing, the database's keys decide and
 * the report says so.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES, freshDatabase } from '$tests/factories/database';
import { importFile } from '$tests/factories/imports';
import { solidDefinition } from '$tests/factories/projects';
import { writeLedger, type LedgerStats } from '$tests/bench/ledger';
import { SYSTEM_ACTOR } from '../audit/record-audit';
import { queryRows, type DatabaseHandle } from '../db';
import { applyProjectDefinition } from '../projects/apply-definition';
import { fileSource } from './byte-source';
import { ImportFileError } from './import-errors';
import { loadImportProject } from './import-project';
import { runImport, type ImportRequest, type ImportResult } from './run-import';

const ROWS = 20_000;

async function count(handle: DatabaseHandle, table: string): Promise<number> {
	const [row] = await queryRows<{ n: string }>(
		handle.db,
		sql.raw(`select count(*)::text as n from ${table}`)
	);
	return Number(row!.n);
}

describe.each(ENGINES)('an import in two phases on %s', (engine) => {
	let handle: DatabaseHandle;
	let folder: string;
	let file: string;
	let ledger: LedgerStats;

	beforeAll(async () => {
		handle = await freshDatabase(engine);
		await applyProjectDefinition(handle.db, solidDefinition(), { actor: SYSTEM_ACTOR });
		folder = await mkdtemp(join(tmpdir(), 'cofund-two-phase-'));
		file = join(folder, 'ledger.csv');
		ledger = await writeLedger(file, ROWS);
	}, 120_000);
	afterAll(async () => {
		await handle?.close();
		await rm(folder, { recursive: true, force: true });
	});

	/** Runs the import while a query is sent at each batch; returns what each answer saw. */
	async function answeredDuring(mode: ImportRequest['mode']) {
		const project = (await loadImportProject(handle.db, 'SOLID'))!;
		let done = false;
		let records = 0;
		const answers: Promise<{ records: number; runDone: boolean }>[] = [];
		const run = runImport(handle.db, {
			project,
			kind: 'expenses',
			input: { source: await fileSource(file) },
			profile: {},
			actor: SYSTEM_ACTOR,
			mode,
			today: '2026-11-24',
			onProgress: (progress) => {
				records = progress.records;
				if (progress.phase !== 'reading' || answers.length >= 20) return;
				// What the run had read when the answer came: less than the file while it still reads.
				answers.push(
					queryRows(handle.db, sql`select count(*) from projects`).then(() => ({
						records,
						runDone: done
					}))
				);
			}
		}).finally(() => (done = true));
		const result = await run;
		return { result, answers: await Promise.all(answers) };
	}

	it('answers other queries while a check reads the file, and writes nothing', async () => {
		const { result, answers } = await answeredDuring('dry-run');
		expect(result.report.records).toBe(ROWS);
		expect(result.report.accepted.count).toBe(ledger.solid);
		// Queries sent while the file was read came back before the check ended.
		const early = answers.filter((a) => !a.runDone && a.records < ROWS);
		expect(early.length).toBeGreaterThan(0);
		expect(await count(handle, 'expenses')).toBe(0);
		expect(await count(handle, 'staged_expenses')).toBe(0);
	}, 300_000);

	it('answers them while a commit reads the file, and leaves nothing staged', async () => {
		const { result, answers } = await answeredDuring('commit');
		expect(result.committed).toBe(true);
		expect(result.report.accepted.count).toBe(ledger.solid);
		expect(answers.filter((a) => !a.runDone && a.records < ROWS).length).toBeGreaterThan(0);
		expect(await count(handle, 'expenses')).toBe(ledger.solid);
		expect(await count(handle, 'staged_expenses')).toBe(0);
	}, 300_000);

	it('leaves nothing staged when a commit is refused or cancelled', async () => {
		const again = await importFile(handle.db, file, { mode: 'commit' }).catch((e: unknown) => e);
		expect((again as ImportFileError).failure).toEqual({ code: 'nothing-to-commit' });
		const controller = new AbortController();
		const project = (await loadImportProject(handle.db, 'SOLID'))!;
		const other = join(folder, 'other.csv');
		await writeLedger(other, ROWS, 7);
		const cancelled = await runImport(handle.db, {
			project,
			kind: 'expenses',
			input: { source: await fileSource(other) },
			profile: {},
			actor: SYSTEM_ACTOR,
			mode: 'commit',
			today: '2026-11-24',
			signal: controller.signal,
			onProgress: (p) => {
				if (p.records > ROWS / 2) controller.abort();
			}
		}).catch((e: unknown) => e);
		expect((cancelled as ImportFileError).failure).toEqual({ code: 'cancelled' });
		expect(await count(handle, 'staged_expenses')).toBe(0);
		expect(await count(handle, 'expenses')).toBe(ledger.solid);
	}, 300_000);

	it("tells the commit transaction's steps as it reaches them, after the reading", async () => {
		const small = join(folder, 'steps.csv');
		await writeLedger(small, 300, 7);
		const project = (await loadImportProject(handle.db, 'SOLID'))!;
		const seen: string[] = [];
		const result = await runImport(handle.db, {
			project,
			kind: 'expenses',
			input: { source: await fileSource(small) },
			profile: {},
			actor: SYSTEM_ACTOR,
			mode: 'commit',
			onProgress: (p) => {
				const said = p.phase === 'writing' ? `writing:${p.step ?? ''}` : 'reading';
				if (seen.at(-1) !== said) seen.push(said);
			}
		});
		expect(result.committed).toBe(true);
		expect(seen).toEqual([
			'reading',
			'writing:',
			'writing:original',
			'writing:rows',
			'writing:sums',
			'writing:finishing'
		]);
	}, 120_000);

	it('lets the keys decide when two commits of one file race: one takes the rows', async () => {
		const raced = join(folder, 'raced.csv');
		const stats = await writeLedger(raced, 4_000, 99);
		const before = await count(handle, 'expenses');
		const outcomes = await Promise.all(
			[1, 2].map(() =>
				importFile(handle.db, raced, { mode: 'commit' }).then(
					(result): ImportResult | ImportFileError => result,
					(error: unknown) => {
						if (error instanceof ImportFileError) return error;
						throw error;
					}
				)
			)
		);
		const committed = outcomes.filter((o): o is ImportResult => !(o instanceof ImportFileError));
		const refused = outcomes.filter((o): o is ImportFileError => o instanceof ImportFileError);
		expect(committed).toHaveLength(1);
		expect(committed[0]!.report.accepted.count).toBe(stats.solid);
		expect(refused).toHaveLength(1);
		expect(refused[0]!.failure).toEqual({ code: 'nothing-to-commit' });
		// The refused one's report counts every row it would have taken as a duplicate.
		expect(refused[0]!.result?.report.setAside.byReason.duplicate.count).toBe(stats.solid);
		expect(refused[0]!.result?.report.accepted.count).toBe(0);
		expect(await count(handle, 'expenses')).toBe(before + stats.solid);
		expect(await count(handle, 'staged_expenses')).toBe(0);
	}, 300_000);
});
