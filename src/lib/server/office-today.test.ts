import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { ENGINES, freshDatabase } from '$tests/factories/database';
import { solidDefinition } from '$tests/factories/projects';
import { makeUser } from '$tests/factories/users';
import { listAuditEvents } from './audit/list-audit';
import { recordAudit, SYSTEM_ACTOR } from './audit/record-audit';
import type { DatabaseHandle } from './db';
import { makeDocument } from './documents/make-document';
import { applyProjectDefinition } from './projects/apply-definition';
import { bytesSource } from './import/byte-source';
import { loadImportProject } from './import/import-project';
import { runImport } from './import/run-import';

/**
 * At 23:30 UTC it is already the next day in Riga, in winter (01:30, UTC+2) and in summer
 * (02:30, UTC+3). A row dated that Riga day is dated today, not in the future; a row dated the
 * day after is. Only Date is faked: the database's own timers keep running.
 */
const MOMENTS = [
	{ season: 'winter', now: '2026-01-31T23:30:00Z', today: '01.02.2026', tomorrow: '02.02.2026' },
	{ season: 'summer', now: '2026-06-30T23:30:00Z', today: '01.07.2026', tomorrow: '02.07.2026' }
];

const ledger = (today: string, tomorrow: string) =>
	[
		'Datums;Dok. Nr.;Partneris;Apraksts;EKK;Summa EUR;Projekts',
		`${today};AO-1;SIA Birojs;Kancelejas preces;2311;10,00;SOLID`,
		`${tomorrow};AO-2;SIA Birojs;Kancelejas preces;2311;20,00;SOLID`,
		''
	].join('\n');

describe.each(ENGINES)(
	"the office's today in an import, a document and the audit log on %s",
	(engine) => {
		let handle: DatabaseHandle;
		beforeAll(async () => {
			handle = await freshDatabase(engine);
			await applyProjectDefinition(handle.db, solidDefinition(), { actor: SYSTEM_ACTOR });
		});
		afterEach(() => {
			vi.useRealTimers();
		});
		afterAll(async () => {
			await handle?.close();
		});

		it.each(MOMENTS)(
			'at 23:30 UTC on a $season day, a row dated the Riga day is not future-dated',
			async ({ now, today, tomorrow }) => {
				vi.useFakeTimers({ toFake: ['Date'], now: new Date(now) });
				const result = await runImport(handle.db, {
					project: (await loadImportProject(handle.db, 'SOLID'))!,
					kind: 'expenses',
					input: {
						source: bytesSource('ledger.csv', new TextEncoder().encode(ledger(today, tomorrow)))
					},
					profile: {},
					actor: SYSTEM_ACTOR,
					mode: 'dry-run'
				});
				expect(result.report.accepted).toMatchObject({ count: 1, totalCents: 1000 });
				expect(result.report.rejected.rows).toEqual([
					{ line: 3, problems: [{ field: 'date', code: 'date-future', value: tomorrow }] }
				]);
			}
		);

		it('dates a document made at 23:30 UTC in winter with the Riga day', async () => {
			vi.useFakeTimers({ toFake: ['Date'], now: new Date('2026-01-31T23:30:00Z') });
			const made = await makeDocument(handle.db, {
				project: 'SOLID',
				template: 'council-annex',
				lang: 'lv'
			});
			expect(made.parameters.date).toBe('2026-02-01');
		});

		it('files an event of 23:30 UTC in winter under the Riga day in the audit filter', async () => {
			vi.useFakeTimers({ toFake: ['Date'], now: new Date('2026-01-31T23:30:00Z') });
			await handle.db.transaction((tx) =>
				recordAudit(tx, SYSTEM_ACTOR, {
					action: 'project.update',
					objectType: 'project',
					objectId: 'SOLID'
				})
			);
			vi.useRealTimers();
			const admin = await makeUser(handle.db, 'admin', 'admin@example.lv');
			const on = (day: string) =>
				listAuditEvents(handle.db, admin, { action: 'project.update', from: day, to: day });
			expect((await on('2026-02-01')).events.map((e) => e.at)).toEqual([
				'2026-01-31T23:30:00.000Z'
			]);
			expect((await on('2026-01-31')).total).toBe(0);
		});
	}
);
