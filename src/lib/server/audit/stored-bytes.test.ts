import { ENGINES, freshDatabase } from '$tests/factories/database';
import { importSample } from '$tests/factories/imports';
import { solidDefinition } from '$tests/factories/projects';
import { asc, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GET as downloadDocument } from '../../../routes/projects/[code]/documents/[id]/+server';
import { GET as downloadOriginal } from '../../../routes/projects/[code]/imports/[id]/original/+server';
import type { Database, DatabaseHandle } from '../db';
import { documents, importBatches } from '../db/schema';
import { makeDocument } from '../documents/make-document';
import { PIECE_BYTES } from '../documents/pdf-pieces';
import { storeDocument } from '../documents/store-document';
import { verifyDocument } from '../documents/verify-document';
import { bytesSource } from '../import/byte-source';
import { applyProjectDefinition } from '../projects/apply-definition';
import { AlteredBytesError, checkedOriginal, hashCheckedStream } from './checked-download';
import { SYSTEM_ACTOR } from './record-audit';
import { verifyStoredBytes } from './verify-bytes';

/** Changes rows with every trigger set aside, as someone with the database's keys could. */
async function behindTheTriggers(db: Database, statement: ReturnType<typeof sql>): Promise<void> {
	await db.transaction(async (tx) => {
		await tx.execute(sql`set local session_replication_role = replica`);
		await tx.execute(statement);
	});
}

/** What a route answers: its Response, or the status and message of the error it throws. */
async function answer(run: () => Promise<Response>): Promise<{ status: number; text: string }> {
	try {
		const response = await run();
		return { status: response.status, text: await response.text() };
	} catch (thrown) {
		const failure = thrown as { status?: number; body?: { message?: string } };
		if (typeof failure.status !== 'number') throw thrown;
		return { status: failure.status, text: failure.body?.message ?? '' };
	}
}

/** The two download routes take the same few things from their event: the database and params. */
type OriginalEvent = Parameters<typeof downloadOriginal>[0];
type DocumentEvent = Parameters<typeof downloadDocument>[0];
const originalEvent = (db: Database, id: number) =>
	({ locals: { db }, params: { code: 'SOLID', id: String(id) } }) as unknown as OriginalEvent;
const documentEvent = (db: Database, id: number) =>
	({ locals: { db }, params: { code: 'SOLID', id: String(id) } }) as unknown as DocumentEvent;

describe.each(ENGINES)('every stored byte checked on %s', (engine) => {
	let handle: DatabaseHandle;
	let batchId: number;
	let documentId: number;
	let pdf: Buffer;
	beforeAll(async () => {
		handle = await freshDatabase(engine);
		await applyProjectDefinition(handle.db, solidDefinition(), { actor: SYSTEM_ACTOR });
		await importSample(handle.db, 'expenses');
		await importSample(handle.db, 'participation');
		const [first] = await handle.db
			.select({ id: importBatches.id })
			.from(importBatches)
			.orderBy(asc(importBatches.id))
			.limit(1);
		batchId = first!.id;
		const made = await makeDocument(handle.db, {
			project: 'SOLID',
			template: 'council-annex',
			lang: 'lv',
			date: '2026-11-24'
		});
		pdf = made.pdf;
		documentId = (await storeDocument(handle.db, made, SYSTEM_ACTOR)).id;
	});
	afterAll(async () => {
		await handle?.close();
	});

	it('finds nothing to name while the bytes are as kept, and sends them', async () => {
		expect(await verifyStoredBytes(handle.db)).toEqual({
			originals: 2,
			documents: 1,
			mismatches: []
		});
		const original = await answer(() => downloadOriginal(originalEvent(handle.db, batchId)));
		expect(original.status).toBe(200);
		expect(original.text).toContain('SOLID');
		const kept = await answer(() => downloadDocument(documentEvent(handle.db, documentId)));
		expect(kept.status).toBe(200);
	});

	it('prints the audit head in the PDF, and makes the same bytes again from the kept document', async () => {
		expect(pdf.toString('latin1')).toMatch(/\/CofundAuditHead/);
		const [kept] = await handle.db
			.select({ parameters: documents.parameters })
			.from(documents)
			.where(eq(documents.id, documentId));
		expect(kept?.parameters).toMatchObject({ auditHead: { events: expect.any(Number) } });
		const again = await makeDocument(handle.db, {
			project: 'SOLID',
			template: 'council-annex',
			lang: 'lv',
			date: '2026-11-24'
		});
		expect(Buffer.compare(again.pdf, pdf)).toBe(0);
	});

	it('refuses to send a stream whose bytes change under it, holding back its last piece', async () => {
		const pieces = [new Uint8Array([1, 2]), new Uint8Array([3, 4])];
		const right = hashCheckedStream(bytesSource('x', new Uint8Array([1, 2, 3, 4])).read(), '');
		await expect(new Response(right).arrayBuffer()).rejects.toBeInstanceOf(AlteredBytesError);
		const expected = (await import('node:crypto'))
			.createHash('sha256')
			.update(new Uint8Array([1, 2, 3, 5]))
			.digest('hex');
		const reader = hashCheckedStream(
			(async function* () {
				yield* pieces;
			})(),
			expected
		).getReader();
		const first = await reader.read();
		expect(first.value).toEqual(pieces[0]);
		await expect(reader.read()).rejects.toBeInstanceOf(AlteredBytesError);
	});

	it('names an original whose chunk was altered in the table, and refuses its download', async () => {
		await behindTheTriggers(
			handle.db,
			sql`update source_file_chunks set bytes = overlay(bytes placing '\\x58'::bytea from 20 for 1)
				where file_id = (select source_file_id from import_batches where id = ${batchId}) and seq = 0`
		);
		const { mismatches } = await verifyStoredBytes(handle.db);
		expect(mismatches).toEqual([
			expect.objectContaining({ kind: 'original', id: batchId, project: 'SOLID', problem: 'bytes' })
		]);
		const [batch] = await handle.db
			.select()
			.from(importBatches)
			.where(eq(importBatches.id, batchId));
		expect(mismatches[0]?.recorded).toBe(batch?.sha256);
		expect(mismatches[0]?.actual).not.toBe(batch?.sha256);

		const refused = await answer(() => downloadOriginal(originalEvent(handle.db, batchId)));
		expect(refused.status).toBe(409);
		expect(refused.text).toContain(batch!.sha256);
		const { storedSource } = await import('../import/byte-source');
		const source = (await storedSource(handle.db, batch!.sourceFileId))!;
		await expect(checkedOriginal(source, batch!.sha256)).rejects.toBeInstanceOf(AlteredBytesError);
	});

	it('names a document whose PDF bytes were altered, refuses its download, and verify says its row no longer matches the log', async () => {
		const forged = Buffer.from(pdf);
		const at = forged.indexOf('/Producer') + 2;
		forged[at] = forged[at]! ^ 0x20;
		const { createHash } = await import('node:crypto');
		const forgedSha = createHash('sha256').update(forged).digest('hex');

		// First only the bytes, in the piece that holds them: the row's SHA-256 no longer fits.
		const seq = Math.floor(at / PIECE_BYTES);
		const piece = new Uint8Array(forged.subarray(seq * PIECE_BYTES, (seq + 1) * PIECE_BYTES));
		await behindTheTriggers(
			handle.db,
			sql`update document_pieces set bytes = ${piece}
				where seq = ${seq} and pdf_id = (select pdf_id from documents where id = ${documentId})`
		);
		const bytesOnly = await verifyStoredBytes(handle.db);
		expect(bytesOnly.mismatches).toContainEqual(
			expect.objectContaining({ kind: 'document', id: documentId, problem: 'bytes' })
		);
		const refused = await answer(() => downloadDocument(documentEvent(handle.db, documentId)));
		expect(refused.status).toBe(409);

		// Then the SHA-256 too, so that the row fits its forged bytes: the audit event still differs.
		await behindTheTriggers(
			handle.db,
			sql`update documents set sha256 = ${forgedSha} where id = ${documentId}`
		);
		const both = await verifyStoredBytes(handle.db);
		expect(both.mismatches).toContainEqual(
			expect.objectContaining({
				kind: 'document',
				id: documentId,
				problem: 'event',
				recorded: forgedSha,
				logged: createHash('sha256').update(pdf).digest('hex')
			})
		);
		const verdict = await verifyDocument(handle.db, forged);
		expect(verdict).toMatchObject({ genuine: false, record: { id: documentId } });
	});
});
