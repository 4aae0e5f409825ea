import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES, freshDatabase } from '$tests/factories/database';
import { importFile, importSample } from '$tests/factories/imports';
import { applySolidAndOther } from '$tests/factories/projects';
import { makeUser } from '$tests/factories/users';
import { decide, ruleFor } from '../access/authorize';
import { listAuditEvents } from '../audit/list-audit';
import { isMember, type AppUser } from '../auth/users';
import type { DatabaseHandle } from '../db';
import { fromPackageRoot } from '../package-root';
import { loadBatchReport } from './batch-report';
import { loadImportProject } from './import-project';

/**
 * The audit log links each import event to its stored report: whoever sees the event must be
 * let through to the report by the route rules, and an auditor of several projects opens all.
 */
describe.each(ENGINES)('an import’s report, opened from the audit log, on %s', (engine) => {
	let handle: DatabaseHandle;
	let both: AppUser;
	let one: AppUser;
	const REPORT = ruleFor('/projects/[code]/imports/[id]', 'GET', '');

	beforeAll(async () => {
		handle = await freshDatabase(engine);
		const { db } = handle;
		await applySolidAndOther(db);
		both = await makeUser(db, 'auditor', 'both@example.lv', ['SOLID', 'OTHER']);
		one = await makeUser(db, 'auditor', 'one@example.lv', ['SOLID']);
		await importSample(db, 'expenses');
		await importSample(db, 'participation');
		// SOLID's ledger again, its rows now OTHER's (a project's import sets others' rows aside).
		const ledger = readFileSync(fromPackageRoot('static/samples/solid/ledger.csv'), 'utf8');
		const dir = mkdtempSync(join(tmpdir(), 'cofund-other-'));
		writeFileSync(join(dir, 'other.csv'), ledger.replaceAll('SOLID', 'OTHER'));
		await importFile(db, join(dir, 'other.csv'), { code: 'OTHER' });
		rmSync(dir, { recursive: true });
	});
	afterAll(async () => {
		await handle?.close();
	});

	async function opens(reader: AppUser, code: string, id: number) {
		const { db } = handle;
		const decision = await decide(REPORT, reader, () => isMember(db, code, reader.id));
		const project = await loadImportProject(db, code);
		const report = await loadBatchReport(db, project!.id, id);
		return { decision, report };
	}

	it('lets an auditor of both projects open every import’s report from the log', async () => {
		const { events } = await listAuditEvents(handle.db, both, { action: 'import.commit' }, 'all');
		expect(events.map((e) => e.project).sort()).toEqual(['OTHER', 'SOLID', 'SOLID']);
		for (const event of events) {
			const { decision, report } = await opens(both, event.project!, Number(event.objectId));
			expect(decision).toBe('allow');
			expect(report?.report.records).toBeGreaterThan(0);
		}
	});

	it('lets an auditor of one project open the reports its log links to, and no other', async () => {
		const { events } = await listAuditEvents(handle.db, one, { action: 'import.commit' }, 'all');
		expect(new Set(events.map((e) => e.project))).toEqual(new Set(['SOLID']));
		for (const event of events)
			expect((await opens(one, 'SOLID', Number(event.objectId))).decision).toBe('allow');
		const other = await listAuditEvents(handle.db, both, {
			project: 'OTHER',
			action: 'import.commit'
		});
		expect((await opens(one, 'OTHER', Number(other.events[0]!.objectId))).decision).toBe('forbid');
	});
});
