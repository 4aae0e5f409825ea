import { ENGINES, freshDatabase } from '$tests/factories/database';
import { asc, sql } from 'drizzle-orm';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Database, DatabaseHandle } from '../db';
import { auditEvents } from '../db/schema';
import { bindAudit } from './audit-context';
import { auditHash } from './audit-hash';
import { ephemeralAuditKey, type AuditKey } from './audit-key';
import { recordAudit, type Actor } from './record-audit';
import { sealLegacyChain } from './seal-legacy-chain';
import { verifyAuditChain } from './verify-audit';

const anna: Actor = { id: 'u1', email: 'anna@example.lv' };

/** Runs raw SQL with the append-only trigger set aside, as someone with the database's keys could. */
async function behindTheTrigger(db: Database, work: () => Promise<unknown>): Promise<void> {
	await db.execute(sql`alter table audit_events disable trigger audit_events_append_only`);
	try {
		await work();
	} finally {
		await db.execute(sql`alter table audit_events enable trigger audit_events_append_only`);
	}
}

/**
 * Recomputes the links of the first events (all of them unless `upTo` is given) with the public
 * algorithm, plain SHA-256, and links the next event to the new head.
 */
async function rechainPlainly(db: Database, upTo = Infinity): Promise<void> {
	const rows = await db.select().from(auditEvents).orderBy(asc(auditEvents.id));
	let prev = '0'.repeat(64);
	for (const row of rows) {
		if (row.seq > upTo) {
			await db.execute(sql`update audit_events set prev_hash = ${prev} where id = ${row.id}`);
			return;
		}
		const { id, seq: _seq, prevHash: _p, hash: _h, ...rest } = row;
		const hash = auditHash(prev, { ...rest, at: row.at.toISOString() });
		await db.execute(
			sql`update audit_events set prev_hash = ${prev}, hash = ${hash} where id = ${id}`
		);
		prev = hash;
	}
}

describe.each(ENGINES)('the keyed and anchored audit chain on %s', (engine) => {
	let handle: DatabaseHandle;
	let key: AuditKey;
	let anchorPath: string;
	beforeEach(async () => {
		handle = await freshDatabase(engine);
		key = ephemeralAuditKey();
		anchorPath = join(mkdtempSync(join(tmpdir(), 'cofund-anchor-')), 'audit-anchor.log');
		bindAudit(handle.db, { key, anchorPath });
	});
	afterEach(async () => {
		await handle?.close();
	});

	const record = (objectId: string, after: unknown) =>
		handle.db.transaction((tx) =>
			recordAudit(tx, anna, { action: 'project.update', objectType: 'project', objectId, after })
		);
	const recordSome = async (n: number) => {
		for (let i = 1; i <= n; i++) await record(`P${i}`, { council: 1000 * i });
	};

	it('anchors the head after each committed event, and not for one rolled back', async () => {
		await recordSome(3);
		await handle.db
			.transaction(async (tx) => {
				await recordAudit(tx, anna, { action: 'x', objectType: 'y', objectId: 'z' });
				throw new Error('rolled back');
			})
			.catch(() => undefined);
		const lines = readFileSync(anchorPath, 'utf8')
			.trim()
			.split('\n')
			.map((l) => JSON.parse(l));
		expect(lines.map((l) => l.events)).toEqual([1, 2, 3]);
		expect(lines[2]).toMatchObject({ key: key.id });
		expect(await verifyAuditChain(handle.db)).toMatchObject({
			intact: true,
			events: 3,
			anchored: 3
		});
	});

	it('finds an event edited and the chain re-chained with plain SHA-256', async () => {
		await recordSome(4);
		await behindTheTrigger(handle.db, async () => {
			await handle.db.execute(sql`update audit_events set after = '{"council": 1}' where seq = 2`);
			await rechainPlainly(handle.db);
		});
		// A keyed head was anchored, so the next start must not seal the unkeyed chain as old.
		expect(await sealLegacyChain(handle.db)).toBe('unverifiable');
		expect(await verifyAuditChain(handle.db)).toMatchObject({
			intact: false,
			broken: { action: 'project.update', problem: 'altered' }
		});
	});

	it('finds the newest events deleted, by the count anchored outside the table', async () => {
		await recordSome(5);
		await behindTheTrigger(handle.db, () =>
			handle.db.execute(sql`delete from audit_events where seq > 3`)
		);
		expect(await verifyAuditChain(handle.db)).toMatchObject({
			intact: false,
			events: 3,
			missing: { expected: 5, found: 3 }
		});
	});

	it('finds every event deleted', async () => {
		await recordSome(2);
		await behindTheTrigger(handle.db, () => handle.db.execute(sql`delete from audit_events`));
		expect(await verifyAuditChain(handle.db)).toMatchObject({
			intact: false,
			events: 0,
			missing: { expected: 2, found: 0 }
		});
	});

	it('finds the newest events deleted even after later writes anchored heads past them', async () => {
		await recordSome(3);
		// The anchor file knows event 3; the table loses it, and the app goes on to write 3 more.
		await behindTheTrigger(handle.db, () =>
			handle.db.execute(sql`delete from audit_events where seq = 3`)
		);
		await recordSome(3);
		expect(await verifyAuditChain(handle.db)).toMatchObject({
			intact: false,
			events: 3,
			broken: { problem: 'anchor' }
		});
	});

	it('says so when the key in use is not the one the anchor was written with', async () => {
		await recordSome(1);
		const other = ephemeralAuditKey();
		bindAudit(handle.db, { key: other, anchorPath });
		expect(await verifyAuditChain(handle.db)).toMatchObject({
			intact: false,
			wrongKey: { anchored: key.id, current: other.id }
		});
	});

	it('keeps a chain begun before the key: its events verify as written, sealed by the first keyed one', async () => {
		// Two events as the version before the key wrote them: public SHA-256 links.
		let prev = '0'.repeat(64);
		for (const seq of [1, 2]) {
			const fields = {
				at: new Date(Date.UTC(2026, 0, seq)).toISOString(),
				actorId: null,
				actorEmail: 'system',
				action: 'user.create',
				objectType: 'user',
				objectId: `u${seq}@example.lv`,
				before: null,
				after: { role: 'council' }
			};
			const hash = auditHash(prev, fields);
			await handle.db.insert(auditEvents).values({
				...fields,
				at: new Date(fields.at),
				seq,
				prevHash: prev,
				hash
			});
			prev = hash;
		}
		expect(await sealLegacyChain(handle.db)).toBe('sealed');
		expect(await sealLegacyChain(handle.db)).toBe('keyed');
		await recordSome(1);
		const [, , seal] = await handle.db.select().from(auditEvents).orderBy(asc(auditEvents.seq));
		expect(seal).toMatchObject({
			action: 'audit.keyed',
			after: { legacyEvents: 2, legacyHead: prev, key: key.id }
		});
		expect(await verifyAuditChain(handle.db)).toMatchObject({ intact: true, events: 4 });

		// Editing an old event and re-chaining the old events with the public hash breaks the seal.
		await behindTheTrigger(handle.db, async () => {
			await handle.db.execute(
				sql`update audit_events set after = '{"role": "admin"}' where seq = 2`
			);
			await rechainPlainly(handle.db, 2);
		});
		expect(await verifyAuditChain(handle.db)).toMatchObject({
			intact: false,
			events: 3,
			broken: { action: 'audit.keyed', problem: 'altered' }
		});
		// And re-chaining everything, the seal included, leaves no event signed with the key.
		await behindTheTrigger(handle.db, () => rechainPlainly(handle.db));
		expect(await verifyAuditChain(handle.db)).toMatchObject({
			intact: false,
			broken: { action: 'user.create', problem: 'altered' }
		});
	});
});
