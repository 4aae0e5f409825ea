/**
 * A ledger with a totals line, rejected rows (one of them with an amount that cannot be read) and
 * another project's row: its control sums on the check, and what a commit without the rejected
 * rows says it did, against what the database holds afterwards.
 */
import { ENGINES, freshDatabase } from '$tests/factories/database';
import { importFile } from '$tests/factories/imports';
import { solidDefinition } from '$tests/factories/projects';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importBalance } from '$lib/domain/import/balance';
import { commitOutcome } from '$lib/domain/import/commit-outcome';
import { fromPackageRoot } from '../package-root';
import { SYSTEM_ACTOR } from '../audit/record-audit';
import type { DatabaseHandle } from '../db';
import { expenses, importBatches } from '../db/schema';
import { applyProjectDefinition } from '../projects/apply-definition';
import { loadBatchReport } from './batch-report';
import { ImportFileError } from './import-errors';
import { loadImportProject } from './import-project';
import type { ImportRequest } from './run-import';

const FILE = fromPackageRoot('tests/fixtures/imports/ledger-totals-rejected.csv');

describe.each(ENGINES)('committing a ledger without its rejected rows on %s', (engine) => {
	let handle: DatabaseHandle;
	const run = (mode: ImportRequest['mode'], skipRejected = false) =>
		importFile(handle.db, FILE, { mode, skipRejected });

	beforeAll(async () => {
		handle = await freshDatabase(engine);
		await applyProjectDefinition(handle.db, solidDefinition(), { actor: SYSTEM_ACTOR });
	});
	afterAll(async () => {
		await handle?.close();
	});

	it('checks the file: both equations hold, the totals line matches the rows', async () => {
		const { report } = await run('dry-run');
		expect(importBalance(report)).toEqual({
			records: { accepted: 2, rejected: 2, setAside: 2, total: 6, holds: true },
			amounts: {
				acceptedCents: 14520 + 31840,
				rejectedCents: 6000,
				setAsideCents: 25000,
				rowsCents: 77360,
				holds: true,
				totalsLines: 1,
				totalsLinesCents: 77360,
				unreadable: { rejected: 1, setAside: 0 }
			},
			statedTotal: { statedCents: 77360, rowsCents: 77360, differenceCents: 0, matches: true }
		});
	});

	it('refuses to commit the rejected rows unasked, and writes nothing', async () => {
		const refused = await run('commit').catch((error: unknown) => error);
		expect(refused).toBeInstanceOf(ImportFileError);
		expect((refused as ImportFileError).failure).toEqual({ code: 'has-rejected', rejected: 2 });
		expect(await handle.db.$count(expenses)).toBe(0);
		expect(await handle.db.$count(importBatches)).toBe(0);
	});

	it('says how many rows it imported and skipped, as the database and the kept report have them', async () => {
		const result = await run('commit', true);
		const done = commitOutcome(result);
		expect(done).toEqual({ batch: result.batchId, imported: 2, skipped: 2 });
		const [batch] = await handle.db
			.select()
			.from(importBatches)
			.where(eq(importBatches.id, done!.batch));
		expect(batch).toMatchObject({ accepted: done!.imported, rejected: done!.skipped, records: 6 });
		expect(await handle.db.$count(expenses, eq(expenses.batchId, done!.batch))).toBe(
			done!.imported
		);
		// Where the message says the skipped rows are listed: with the batch, line by line.
		const project = (await loadImportProject(handle.db, 'SOLID'))!;
		const kept = await loadBatchReport(handle.db, project.id, done!.batch);
		expect(kept?.report.rejected.rows.map((row) => row.line)).toEqual([4, 5]);
		expect(kept!.report.rejected.rows.map((row) => row.problems[0]!.code)).toEqual([
			'date-no-such-day',
			'amount-invalid'
		]);
		expect(importBalance(kept!.report)).toEqual(importBalance(result.report));
	});

	it('has no report for an import of another project, or one that does not exist', async () => {
		const project = (await loadImportProject(handle.db, 'SOLID'))!;
		expect(await loadBatchReport(handle.db, project.id + 1, 1)).toBeNull();
		expect(await loadBatchReport(handle.db, project.id, 999)).toBeNull();
		expect(await loadBatchReport(handle.db, project.id, Number('x'))).toBeNull();
	});
});
