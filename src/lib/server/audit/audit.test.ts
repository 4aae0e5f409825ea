import { ENGINES, freshDatabase } from '$tests/factories/database';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../db';
import { recordAudit, type Actor } from './record-audit';
import { verifyAuditChain } from './verify-audit';

const anna: Actor = { id: 'u1', email: 'anna@example.lv' };

describe.each(ENGINES)('the audit log on %s', (engine) => {
	let handle: DatabaseHandle;
	beforeAll(async () => {
		handle = await freshDatabase(engine);
	});
	afterAll(async () => {
		await handle?.close();
	});

	const record = (objectId: string, after: unknown) =>
		handle.db.transaction((tx) =>
			recordAudit(tx, anna, { action: 'project.update', objectType: 'project', objectId, after })
		);

	it('chains events, and verifies an untouched chain as intact', async () => {
		expect(await verifyAuditChain(handle.db)).toMatchObject({ intact: true, events: 0 });
		await record('SOLID', { council: 266000, title: { lv: 'Vietējās', en: 'Local' } });
		await record('SOLID', { council: 200000, note: 'ā č ē ģ ī ķ ļ ņ š ū ž' });
		await record('OTHER', null);
		expect(await verifyAuditChain(handle.db)).toMatchObject({ intact: true, events: 3 });
	});

	it('refuses UPDATE, DELETE and TRUNCATE', async () => {
		// Drizzle wraps the database's error; the trigger's own words are in its cause.
		const refusal = (statement: ReturnType<typeof sql>) =>
			handle.db.execute(statement).then(
				() => 'allowed',
				(error: Error & { cause?: Error }) => error.cause?.message ?? error.message
			);
		expect(await refusal(sql`update audit_events set actor_email = 'x'`)).toMatch(
			/append-only: UPDATE/
		);
		expect(await refusal(sql`delete from audit_events`)).toMatch(/append-only: DELETE/);
		expect(await refusal(sql`truncate audit_events`)).toMatch(/append-only: TRUNCATE/);
		expect(await verifyAuditChain(handle.db)).toMatchObject({ intact: true, events: 3 });
	});

	it('keeps one chain when many writers append at once', async () => {
		await Promise.all(Array.from({ length: 12 }, (_, i) => record(`P${i}`, { i })));
		expect(await verifyAuditChain(handle.db)).toMatchObject({ intact: true, events: 15 });
	});

	it('names the first event edited behind the trigger’s back', async () => {
		await handle.db.execute(sql`alter table audit_events disable trigger audit_events_append_only`);
		try {
			await handle.db.execute(
				sql`update audit_events set after = '{"council": 266000, "note": "x"}' where id = 2`
			);
			expect(await verifyAuditChain(handle.db)).toMatchObject({
				intact: false,
				events: 2,
				broken: {
					id: 2,
					action: 'project.update',
					actorEmail: 'anna@example.lv',
					problem: 'altered'
				}
			});
		} finally {
			await handle.db.execute(
				sql`alter table audit_events enable trigger audit_events_append_only`
			);
		}
	});

	it('notices a deleted event by the broken link after it', async () => {
		await handle.db.execute(sql`alter table audit_events disable trigger audit_events_append_only`);
		try {
			await handle.db.execute(sql`delete from audit_events where id <= 2`);
			expect(await verifyAuditChain(handle.db)).toMatchObject({
				intact: false,
				events: 1,
				broken: { id: 3, problem: 'unlinked' }
			});
		} finally {
			await handle.db.execute(
				sql`alter table audit_events enable trigger audit_events_append_only`
			);
		}
	});
});
