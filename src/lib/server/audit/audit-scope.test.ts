import { count, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { officeDate, officeToday } from '$lib/domain/format';
import { ENGINES, freshDatabase } from '$tests/factories/database';
import { importSample } from '$tests/factories/imports';
import { applySolidAndOther } from '$tests/factories/projects';
import { makeUser } from '$tests/factories/users';
import type { AppUser } from '../auth/users';
import type { DatabaseHandle } from '../db';
import { auditEvents } from '../db/schema';
import { makeDocument } from '../documents/make-document';
import { storeDocument } from '../documents/store-document';
import { currentTemplate, saveTemplateEdit } from '../documents/template-store';
import { bytesSource } from '../import/byte-source';
import { loadImportProject } from '../import/import-project';
import { runImport } from '../import/run-import';
import { listAuditEvents } from './list-audit';
import { recordAudit, SYSTEM_ACTOR } from './record-audit';
import { verifyChainFor } from './audit-scope';

const OTHER_LEDGER = [
	'Datums;Dok. Nr.;Partneris;Apraksts;EKK;Summa EUR;Projekts;Pasākums;Finansējums',
	'20.09.2019;AO-2019/099;Inese Kalniņa;Dienas nauda;2121;35,00;OTHER;5;Pašvaldība',
	''
].join('\n');

/** Every event the reader may see, as `action object` pairs, whatever the page size. */
async function seen(handle: DatabaseHandle, reader: AppUser) {
	const first = await listAuditEvents(handle.db, reader, {});
	const pages = Math.ceil(first.total / 50);
	const rest = await Promise.all(
		Array.from({ length: pages - 1 }, (_, i) => listAuditEvents(handle.db, reader, {}, i + 2))
	);
	return [first, ...rest].flatMap((page) => page.events);
}

describe.each(ENGINES)('whose audit events a reader sees, on %s', (engine) => {
	let handle: DatabaseHandle;
	let auditor: AppUser;
	let admin: AppUser;
	/** The events of the OTHER project, and those that belong to no project. */
	let otherDocument: number;
	beforeAll(async () => {
		handle = await freshDatabase(engine);
		const { db } = handle;
		await applySolidAndOther(db);
		auditor = await makeUser(db, 'auditor', 'auditor@example.lv', ['SOLID']);
		admin = await makeUser(db, 'admin', 'admin@example.lv');
		await importSample(db, 'expenses', 'SOLID');
		await runImport(db, {
			project: (await loadImportProject(db, 'OTHER'))!,
			kind: 'expenses',
			input: { source: bytesSource('other.csv', new TextEncoder().encode(OTHER_LEDGER)) },
			profile: {},
			actor: SYSTEM_ACTOR,
			mode: 'commit',
			today: '2026-11-24'
		});
		for (const project of ['SOLID', 'OTHER']) {
			const made = await makeDocument(db, {
				project,
				template: 'council-annex',
				lang: 'lv',
				date: '2026-11-24'
			});
			const stored = await storeDocument(db, made, SYSTEM_ACTOR);
			if (project === 'OTHER') otherDocument = stored.id;
		}
		// Events of no project: a sign-in, and a user made.
		await db.transaction(async (tx) => {
			await recordAudit(tx, auditor, {
				action: 'auth.sign-in',
				objectType: 'user',
				objectId: auditor.email
			});
			await recordAudit(tx, admin, {
				action: 'user.create',
				objectType: 'user',
				objectId: 'someone@example.lv',
				after: { role: 'council' }
			});
		});
	});
	afterAll(async () => {
		await handle?.close();
	});

	it('shows an auditor the events of their own projects, and no global ones', async () => {
		const events = await seen(handle, auditor);
		expect(events.map((e) => `${e.action} ${e.objectType}`).sort()).toEqual([
			'document.generate document',
			'import.commit import',
			'project.create project'
		]);
		expect(events.find((e) => e.objectType === 'project')?.objectId).toBe('SOLID');
		expect(JSON.stringify(events)).not.toContain('OTHER');
		const list = await listAuditEvents(handle.db, auditor, {});
		expect(list.total).toBe(3);
		expect(list.actions).toEqual(['document.generate', 'import.commit', 'project.create']);
	});

	it('filters by person, project, action and date, within what the reader may see', async () => {
		const { db } = handle;
		const other = await listAuditEvents(db, admin, { project: 'OTHER' }, 'all');
		expect(other.events.map((e) => e.action).sort()).toEqual([
			'document.generate',
			'import.commit',
			'project.create'
		]);
		expect(new Set(other.events.map((e) => e.project))).toEqual(new Set(['OTHER']));
		expect(other.projects).toEqual(['OTHER', 'SOLID']);
		// Another project's events stay hidden from an auditor, filtered for or not.
		const hidden = await listAuditEvents(db, auditor, { project: 'OTHER' });
		expect(hidden.total).toBe(0);
		expect((await listAuditEvents(db, auditor, {})).projects).toEqual(['SOLID']);

		const byAuditor = await listAuditEvents(db, admin, { actor: 'Auditor@example.lv' });
		expect(byAuditor.events.map((e) => e.action)).toEqual(['auth.sign-in']);
		// The filter's choices carry the email it filters by and the name a page shows.
		expect(byAuditor.actors).toEqual(
			expect.arrayContaining([
				{ email: 'admin@example.lv', name: 'admin' },
				{ email: 'system', name: null }
			])
		);
		expect(byAuditor.events[0]!.actorName).toBe('auditor');

		const imports = await listAuditEvents(db, admin, { action: 'import.commit', project: 'SOLID' });
		expect(imports.events.map((e) => [e.action, e.project])).toEqual([['import.commit', 'SOLID']]);

		const today = officeToday();
		expect((await listAuditEvents(db, auditor, { from: today, to: today })).total).toBe(3);
		const tomorrow = officeDate(new Date(Date.now() + 86_400_000));
		expect((await listAuditEvents(db, auditor, { from: tomorrow })).total).toBe(0);
	});

	it('shows an admin every event', async () => {
		const [all] = await handle.db.select({ n: count() }).from(auditEvents);
		const events = await seen(handle, admin);
		expect(events.length).toBe(all!.n);
		expect(events.map((e) => e.action)).toEqual(
			expect.arrayContaining(['auth.sign-in', 'user.create', 'template.register'])
		);
		expect(
			events.filter((e) => e.objectId === 'OTHER' || e.objectId === String(otherDocument))
		).not.toHaveLength(0);
	});

	it('tells an auditor the chain is broken, naming an event they may not read only by its number', async () => {
		const [other] = await handle.db
			.select({ id: auditEvents.id })
			.from(auditEvents)
			.where(
				sql`${auditEvents.objectType} = 'document' and ${auditEvents.objectId} = ${String(otherDocument)}`
			);
		await handle.db.execute(sql`alter table audit_events disable trigger audit_events_append_only`);
		try {
			await handle.db.execute(
				sql`update audit_events set actor_email = 'someone-else' where id = ${other!.id}`
			);
			expect(await verifyChainFor(handle.db, auditor)).toEqual({
				intact: false,
				events: expect.any(Number),
				broken: { id: other!.id, problem: 'altered', hidden: true }
			});
			expect(await verifyChainFor(handle.db, admin)).toMatchObject({
				intact: false,
				broken: { id: other!.id, problem: 'altered', action: 'document.generate' }
			});
		} finally {
			await handle.db.execute(
				sql`update audit_events set actor_email = 'system' where id = ${other!.id}`
			);
			await handle.db.execute(
				sql`alter table audit_events enable trigger audit_events_append_only`
			);
		}
		expect(await verifyChainFor(handle.db, auditor)).toMatchObject({ intact: true });
	});

	it('records in a template save which projects it affects', async () => {
		const annex = await currentTemplate(handle.db, 'council-annex');
		const edited = annex.source.replace("'Projekta partneri:'", "'Projekta partneri (12):'");
		await saveTemplateEdit(handle.db, admin, 'council-annex', edited, annex.version);
		await currentTemplate(handle.db, 'final-report');
		const saves = (await seen(handle, admin)).filter((e) => e.objectType === 'template');
		const edit = saves.find((e) => e.action === 'template.edit');
		expect(edit?.after).toMatchObject({
			affects: { projects: ['OTHER', 'SOLID'], withKeptDocuments: ['OTHER', 'SOLID'] }
		});
		const report = saves.find((e) => e.objectId === 'final-report');
		expect(report?.after).toMatchObject({
			affects: { projects: ['OTHER', 'SOLID'], withKeptDocuments: [] }
		});
		expect((await seen(handle, auditor)).some((e) => e.objectType === 'template')).toBe(false);
	});
});
