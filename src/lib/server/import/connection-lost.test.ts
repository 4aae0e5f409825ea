/**
 * PostgreSQL backends terminated in the middle of an import: the import fails with a plain
 * "connection lost, nothing saved", the process lives on, and the next request reconnects.
 * PostgreSQL only: the embedded database has no connection to lose.
 */
import { freshDatabase } from '$tests/factories/database';
import { solidDefinition } from '$tests/factories/projects';
import { count } from 'drizzle-orm';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM_ACTOR } from '../audit/record-audit';
import type { DatabaseHandle } from '../db';
import { isConnectionLost } from '../db/connection-lost';
import { expenses, importBatches } from '../db/schema';
import { applyProjectDefinition } from '../projects/apply-definition';
import { bytesSource } from './byte-source';
import { loadImportProject } from './import-project';
import { streamImport, type StreamEvent } from './stream-import';

const serverUrl = process.env.TEST_DATABASE_URL?.trim();

function ledger(rows: number): Uint8Array {
	const lines = ['Datums;Summa;Dok. Nr.;Saņēmējs;Apraksts'];
	for (let i = 0; i < rows; i++) {
		lines.push(`01.03.2018;${(i % 900) + 1},00;D${i};Payee ${i};Row ${i}`);
	}
	return new TextEncoder().encode(lines.join('\n'));
}

async function events(stream: ReadableStream<Uint8Array>): Promise<StreamEvent[]> {
	const text = await new Response(stream).text();
	return text
		.trim()
		.split('\n')
		.map((line) => JSON.parse(line) as StreamEvent);
}

describe.runIf(serverUrl)('a lost database connection on postgres', () => {
	let handle: DatabaseHandle;
	beforeAll(async () => {
		handle = await freshDatabase('postgres');
		await applyProjectDefinition(handle.db, solidDefinition(), { actor: SYSTEM_ACTOR });
	});
	afterAll(async () => {
		await handle?.close();
	});

	const terminateBackends = async () => {
		const admin = postgres(serverUrl!, { max: 1, onnotice: () => {} });
		try {
			const ended = await admin`select pg_terminate_backend(pid) as ended from pg_stat_activity
				where datname = ${handle.location} and pid <> pg_backend_pid()`;
			return ended.length;
		} finally {
			await admin.end({ timeout: 5 });
		}
	};

	it('fails the import with a plain message, saves nothing, and reconnects', async () => {
		const project = (await loadImportProject(handle.db, 'SOLID'))!;
		const stream = streamImport(
			handle.db,
			{
				project,
				kind: 'expenses',
				input: { source: bytesSource('big.csv', ledger(300_000)) },
				profile: {},
				actor: SYSTEM_ACTOR,
				mode: 'commit',
				today: '2026-11-24'
			},
			{ userId: 'system' }
		);
		let finished = false;
		const reading = events(stream).finally(() => (finished = true));
		// End every backend of the database, again and again until the import gives up, so that
		// its own connection is certainly among them whenever it opened.
		let ended = 0;
		for (let tries = 0; !finished && tries < 600; tries++) {
			await new Promise((resolve) => setTimeout(resolve, 100));
			ended += await terminateBackends();
		}
		expect(ended).toBeGreaterThan(0);
		const last = (await reading).at(-1);
		expect(last).toEqual({ type: 'failure', failure: { code: 'connection-lost' } });
		// The pool opens new connections: once it has seen its idle ones closed too (a request that
		// meets one first fails alone, as the import did), requests work, and nothing was saved.
		const saved = async () => {
			const [batches] = await handle.db.select({ n: count() }).from(importBatches);
			const [rows] = await handle.db.select({ n: count() }).from(expenses);
			return { batches: batches!.n, rows: rows!.n };
		};
		let after: { batches: number; rows: number } | null = null;
		for (let tries = 0; after === null && tries < 50; tries++) {
			after = await saved().catch(async (error: unknown) => {
				expect(isConnectionLost(error)).toBe(true);
				await new Promise((resolve) => setTimeout(resolve, 200));
				return null;
			});
		}
		expect(after).toEqual({ batches: 0, rows: 0 });
	}, 180_000);
});
