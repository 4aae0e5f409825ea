import { ENGINES } from '$tests/factories/database';
import { PGlite } from '@electric-sql/pglite';
import { sql } from 'drizzle-orm';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { drizzle as drizzlePostgres } from 'drizzle-orm/postgres-js';
import { migrate as migratePostgres } from 'drizzle-orm/postgres-js/migrator';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import postgres from 'postgres';
import { describe, expect, it } from 'vitest';
import { queryRows, schema, type Database, type Engine } from '../db';
import { fromPackageRoot } from '../package-root';
import { auditHash, GENESIS_HASH } from './audit-hash';
import { ephemeralAuditKey } from './audit-key';
import { prepareAudit } from './audit-setup';
import { verifyAuditChain } from './verify-audit';

const MIGRATIONS = fromPackageRoot('src/lib/server/db/migrations');

/** The migrations as they were before the audit chain was keyed: everything before 0007. */
function migrationsBeforeKey(): string {
	const folder = mkdtempSync(join(tmpdir(), 'cofund-migrations-'));
	cpSync(MIGRATIONS, folder, { recursive: true });
	const journalPath = join(folder, 'meta', '_journal.json');
	const journal = JSON.parse(readFileSync(journalPath, 'utf8')) as { entries: { tag: string }[] };
	journal.entries = journal.entries.filter((entry) => entry.tag < '0007');
	writeFileSync(journalPath, JSON.stringify(journal));
	return folder;
}

/** A database migrated in two steps, as an installation upgraded across this change is. */
async function upgradable(engine: Engine) {
	if (engine === 'pglite') {
		const client = await PGlite.create();
		const db = drizzlePglite({ client, schema });
		return {
			db: db as Database,
			migrate: (folder: string) => migratePglite(db, { migrationsFolder: folder }),
			close: () => client.close()
		};
	}
	const server = process.env.TEST_DATABASE_URL!;
	const name = `cofund_upgrade_${process.pid}_${randomBytes(4).toString('hex')}`;
	const admin = postgres(server, { max: 1, onnotice: () => {} });
	await admin.unsafe(`create database "${name}"`);
	const url = new URL(server);
	url.pathname = `/${name}`;
	const client = postgres(url.toString(), { max: 2, onnotice: () => {} });
	const db = drizzlePostgres({ client, schema });
	return {
		db: db as Database,
		migrate: (folder: string) => migratePostgres(db, { migrationsFolder: folder }),
		close: async () => {
			await client.end({ timeout: 5 });
			await admin.unsafe(`drop database if exists "${name}" with (force)`);
			await admin.end({ timeout: 5 });
		}
	};
}

describe.each(ENGINES)('a chain begun before the key, upgraded on %s', (engine) => {
	it('numbers the old events, verifies them as written, and seals them with the first keyed event', async () => {
		const database = await upgradable(engine);
		try {
			await database.migrate(migrationsBeforeKey());
			// Three events as the version before wrote them: no place number, plain SHA-256 links.
			let prev = GENESIS_HASH;
			for (const n of [1, 2, 3]) {
				const fields = {
					at: new Date(Date.UTC(2026, 10, n, 9)).toISOString(),
					actorId: null,
					actorEmail: 'system',
					action: 'user.create',
					objectType: 'user',
					objectId: `u${n}@example.lv`,
					before: null,
					after: { role: 'council', n }
				};
				const hash = auditHash(prev, fields);
				await database.db.execute(sql`
					insert into audit_events (at, actor_id, actor_email, action, object_type, object_id, before, after, prev_hash, hash)
					values (${fields.at}, null, 'system', 'user.create', 'user', ${fields.objectId}, null,
						${JSON.stringify(fields.after)}::jsonb, ${prev}, ${hash})`);
				prev = hash;
			}
			await database.migrate(MIGRATIONS);
			const numbered = await queryRows<{ seq: number | string }>(
				database.db,
				sql`select seq from audit_events order by id`
			);
			expect(numbered.map((row) => Number(row.seq))).toEqual([1, 2, 3]);

			const key = ephemeralAuditKey();
			const anchorPath = join(mkdtempSync(join(tmpdir(), 'cofund-anchor-')), 'audit-anchor.log');
			await prepareAudit(database.db, { key, anchorPath });
			const verified = await verifyAuditChain(database.db);
			expect(verified).toMatchObject({ intact: true, events: 4, anchored: 4 });
			const [seal] = await queryRows<{ action: string; after: unknown }>(
				database.db,
				sql`select action, after from audit_events where seq = 4`
			);
			expect(seal).toMatchObject({
				action: 'audit.keyed',
				after: { legacyEvents: 3, legacyHead: prev, key: key.id }
			});
		} finally {
			await database.close();
		}
	});
});
