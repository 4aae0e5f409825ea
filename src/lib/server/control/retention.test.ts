import { ENGINES, freshDatabase } from '$tests/factories/database';
import { importSample } from '$tests/factories/imports';
import { applySolidAndOther } from '$tests/factories/projects';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows, type DatabaseHandle } from '../db';
import { auditEvents, documentPieces, documents, expenses, projects } from '../db/schema';
import { makeDocument } from '../documents/make-document';
import { storeDocument } from '../documents/store-document';
import { loadImportProject } from '../import/import-project';
import { closePeriod } from './closed-periods';
import { loadRetention, purgeProject, retentionEnding, setRetention } from './retention';

const admin = { id: null, email: 'admin@example.lv' };
const auditor = { id: null, email: 'auditor@example.lv' };

describe.each(ENGINES)('retention and purge on %s', (engine) => {
	let handle: DatabaseHandle;
	let solid: { id: number; code: string };
	const refusal = (statement: ReturnType<typeof sql>) =>
		handle.db.execute(statement).then(
			() => 'allowed',
			(e: unknown) => String(((e as Error).cause as Error | undefined)?.message ?? e)
		);

	beforeAll(async () => {
		handle = await freshDatabase(engine);
		await applySolidAndOther(handle.db);
		await importSample(handle.db, 'expenses');
		await importSample(handle.db, 'participation');
		const { id, code } = (await loadImportProject(handle.db, 'SOLID'))!;
		solid = { id, code };
		await closePeriod(handle.db, solid, { starts: '2018-01-01', ends: '2018-12-31' }, null, admin);
		const annex = {
			project: 'SOLID',
			template: 'council-annex',
			lang: 'en' as const,
			date: '2026-11-24'
		};
		await storeDocument(handle.db, await makeDocument(handle.db, annex), admin);
	}, 120_000);
	afterAll(async () => {
		await handle?.close();
	});

	it('keeps SOLID until 31.12.2024 by default: five years from the year of its last payment', async () => {
		expect(await loadRetention(handle.db, solid.id)).toEqual({
			how: 'default',
			until: '2024-12-31',
			basis: 'payment',
			from: '2019-09-24'
		});
		const [db] = await queryRows<{ until: string }>(
			handle.db,
			sql`select project_keep_until(${solid.id}::int)::text as until`
		);
		expect(db!.until).toBe('2024-12-31');
	});

	it('refuses to delete any of the project outside a purge, and a purge before the date', async () => {
		const saved = await setRetention(handle.db, solid, '2099-12-31', 'Audit under way', auditor);
		expect(saved.status).toBe('saved');
		for (const [table, key] of [
			['projects', 'id'],
			['closed_periods', 'project_id'],
			['expenses', 'project_id'],
			['import_batches', 'project_id'],
			['source_files', 'project_id'],
			['documents', 'project_id'],
			['document_pieces', 'project_id'],
			['project_retention', 'project_id']
		])
			expect(await refusal(sql.raw(`delete from ${table} where ${key} = ${solid.id}`))).not.toBe(
				'allowed'
			);
		expect(await refusal(sql`select begin_project_purge(${solid.id}::int)`)).toMatch(/2099-12-31/);
		expect(await purgeProject(handle.db, solid, admin)).toEqual({
			status: 'kept',
			until: '2099-12-31'
		});
		expect(await handle.db.$count(projects, eq(projects.code, 'SOLID'))).toBe(1);
	});

	it('lists SOLID among the projects whose retention ends within a year', async () => {
		expect(await retentionEnding(handle.db, '2099-06-01')).toContainEqual({
			code: 'SOLID',
			until: '2099-12-31'
		});
		expect(await retentionEnding(handle.db, '2098-06-01')).not.toContainEqual(
			expect.objectContaining({ code: 'SOLID' })
		);
	});

	it('purges after the date is set back with a reason; the audit log keeps both', async () => {
		const set = await setRetention(handle.db, solid, '2020-12-31', '  ', auditor);
		expect(set.status).toBe('reason-required');
		// Never before the date the law sets: SOLID's last payment was in 2019.
		expect(
			await setRetention(handle.db, solid, '2020-12-31', 'Programme closed early', auditor)
		).toEqual({ status: 'before-default', earliest: '2024-12-31' });
		const saved = await setRetention(
			handle.db,
			solid,
			'2025-06-30',
			'The audit under way has ended',
			auditor
		);
		expect(saved).toMatchObject({
			status: 'saved',
			retention: { how: 'set', until: '2025-06-30' }
		});
		const result = await purgeProject(handle.db, solid, admin);
		expect(result.status).toBe('purged');
		expect(await handle.db.$count(projects, eq(projects.code, 'SOLID'))).toBe(0);
		expect(await handle.db.$count(expenses)).toBe(0);
		expect(await handle.db.$count(documents)).toBe(0);
		expect(await handle.db.$count(documentPieces)).toBe(0);
		expect(await handle.db.$count(projects)).toBe(1);
		const log = await handle.db
			.select({ action: auditEvents.action, after: auditEvents.after })
			.from(auditEvents)
			.where(eq(auditEvents.objectId, 'SOLID'));
		expect(log.map((e) => e.action)).toEqual(
			expect.arrayContaining(['retention.edit', 'project.purge'])
		);
	});
});
