import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ENGINES, freshDatabase } from '$tests/factories/database';
import { importFile, importSample } from '$tests/factories/imports';
import { solidDefinition } from '$tests/factories/projects';
import { and, eq, isNull, like } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeFailure } from '$lib/i18n/import-messages';
import { SYSTEM_ACTOR } from '../audit/record-audit';
import type { DatabaseHandle } from '../db';
import { auditEvents, expenses } from '../db/schema';
import { applyProjectDefinition } from '../projects/apply-definition';
import { ImportFileError } from '../import/import-errors';
import { loadImportProject } from '../import/import-project';
import { revertImport } from '../import/revert-import';
import { closePeriod, listPeriods, reopenPeriod } from './closed-periods';

const coordinator = { id: null, email: 'coordinator@example.lv' };
const auditor = { id: null, email: 'auditor@example.lv' };
const HEADER = 'Datums;Dok. Nr.;Partneris;Apraksts;EKK;Summa EUR;Projekts;Pasākums;Finansējums';

describe.each(ENGINES)('closed periods on %s', (engine) => {
	let handle: DatabaseHandle;
	let dir: string;
	let project: { id: number; code: string };
	const ledger = async (name: string, rows: string[]) => {
		const file = join(dir, name);
		await writeFile(file, '\uFEFF' + [HEADER, ...rows].join('\r\n') + '\r\n', 'utf8');
		return file;
	};
	const refusal = async (run: Promise<unknown>) => {
		const error = await run.then(
			() => null,
			(e: unknown) => e
		);
		expect(error).toBeInstanceOf(ImportFileError);
		return (error as ImportFileError).failure;
	};
	const liveRows = () =>
		handle.db.$count(
			expenses,
			and(eq(expenses.projectId, project.id), isNull(expenses.revertedAt))
		);

	beforeAll(async () => {
		handle = await freshDatabase(engine);
		dir = await mkdtemp(join(tmpdir(), 'cofund-periods-'));
		await applyProjectDefinition(handle.db, solidDefinition(), { actor: SYSTEM_ACTOR });
		const { id, code } = (await loadImportProject(handle.db, 'SOLID'))!;
		project = { id, code };
		await importSample(handle.db, 'expenses');
	}, 120_000);
	afterAll(async () => {
		await handle?.close();
		await rm(dir, { recursive: true, force: true });
	});

	it('closes 2018 and refuses an overlapping range', async () => {
		const closed = await closePeriod(
			handle.db,
			project,
			{ starts: '2018-01-01', ends: '2018-12-31' },
			'Year reported',
			coordinator
		);
		expect(closed.status).toBe('closed');
		const again = await closePeriod(
			handle.db,
			project,
			{ starts: '2018-12-01', ends: '2019-01-31' },
			null,
			coordinator
		);
		expect(again).toMatchObject({ status: 'overlap', period: { starts: '2018-01-01' } });
		expect(await listPeriods(handle.db, project.id)).toHaveLength(1);
	});

	it('refuses a check and a commit of a ledger with a 2018 row, naming it, and writes nothing', async () => {
		const before = await liveRows();
		const file = await ledger('with-2018.csv', [
			'14.05.2019;NEW-1;SIA Test;Jauna rinda 2019;2121;15,00;SOLID;;ES',
			'20.06.2018;NEW-2;SIA Test;Jauna rinda 2018;2121;12,34;SOLID;;ES'
		]);
		for (const mode of ['dry-run', 'commit'] as const) {
			const failure = await refusal(importFile(handle.db, file, { mode }));
			expect(failure).toEqual({
				code: 'closed-period',
				period: { starts: '2018-01-01', ends: '2018-12-31' },
				rows: [{ line: 3, date: '2018-06-20', amountCents: 1234 }],
				count: 1
			});
			expect(describeFailure(failure, 'en')).toEqual([
				'The closed period 2018 holds 1 of these rows; nothing was changed. An auditor or an admin can reopen the period.',
				'Line 3: 20 Jun 2018, 12.34\u00a0EUR'
			]);
		}
		expect(describeFailure(await refusal(importFile(handle.db, file)), 'lv')[1]).toBe(
			'3. rinda: 20.06.2018., 12,34\u00a0EUR'
		);
		expect(await liveRows()).toBe(before);
	});

	it('takes the same ledger again: its 2018 rows are duplicates of live rows, not changes', async () => {
		const result = await importSample(handle.db, 'expenses').catch((e: ImportFileError) => e);
		expect(result).toBeInstanceOf(ImportFileError);
		expect((result as ImportFileError).failure.code).toBe('nothing-to-commit');
	});

	it('imports a 2019-only ledger', async () => {
		const file = await ledger('only-2019.csv', [
			'14.05.2019;NEW-1;SIA Test;Jauna rinda 2019;2121;15,00;SOLID;;ES'
		]);
		const result = await importFile(handle.db, file);
		expect(result.committed).toBe(true);
		expect(result.report.accepted.count).toBe(1);
	});

	it('refuses to revert a batch with rows in 2018, and reverts nothing', async () => {
		const before = await liveRows();
		const result = await revertImport(handle.db, 1, project.id, coordinator);
		expect(result.status).toBe('closed-period');
		if (result.status !== 'closed-period') return;
		expect(result.failure.count).toBe(22);
		expect(result.failure.rows).toHaveLength(10);
		expect(result.failure.rows[0]).toEqual({ line: 2, date: '2018-02-27', amountCents: 42690 });
		expect(describeFailure(result.failure, 'en').at(-1)).toBe('… and 12 more');
		expect(await liveRows()).toBe(before);
	});

	it('reopens only with a reason, once; the import then goes through, and the log has both', async () => {
		const [period] = await listPeriods(handle.db, project.id);
		expect(await reopenPeriod(handle.db, project, period!.id, '  ', auditor)).toEqual({
			status: 'reason-required'
		});
		const reopened = await reopenPeriod(handle.db, project, period!.id, 'Late invoice', auditor);
		expect(reopened).toMatchObject({
			status: 'reopened',
			period: { reopenedBy: auditor.email, reopenReason: 'Late invoice' }
		});
		expect((await reopenPeriod(handle.db, project, period!.id, 'Again', auditor)).status).toBe(
			'already-reopened'
		);
		const file = join(dir, 'with-2018.csv');
		const result = await importFile(handle.db, file);
		expect(result.report.accepted.count).toBe(1);
		const actions = await handle.db
			.select({ action: auditEvents.action, by: auditEvents.actorEmail })
			.from(auditEvents)
			.where(like(auditEvents.action, 'period.%'));
		expect(actions).toEqual([
			{ action: 'period.close', by: coordinator.email },
			{ action: 'period.reopen', by: auditor.email }
		]);
	});
});
