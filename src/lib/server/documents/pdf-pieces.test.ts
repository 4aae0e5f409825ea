import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES, freshDatabase } from '$tests/factories/database';
import { solidDefinition } from '$tests/factories/projects';
import { onEmbeddedDatabase } from '$tests/fixtures/embedded-database';
import { SYSTEM_ACTOR } from '../audit/record-audit';
import { queryRows, type Database, type DatabaseHandle } from '../db';
import { auditEvents, documentPieces, documents, documentUploads } from '../db/schema';
import { applyProjectDefinition } from '../projects/apply-definition';
import { storedPdf } from './list-documents';
import { makeDocument, type MadeDocument } from './make-document';
import { dropPieces, PIECE_BYTES, writePieces } from './pdf-pieces';
import { storeDocument } from './store-document';

const sha = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');
/** A made document given other bytes: the store keeps whatever it is handed, PDF or not. */
const withBytes = (made: MadeDocument, pdf: Buffer): MadeDocument => ({
	...made,
	pdf,
	sha256: sha(pdf)
});
/** Three and a half pieces, and different every call. */
const bytesOfPieces = () => randomBytes(PIECE_BYTES * 3 + PIECE_BYTES / 2);

const refusal = (query: Promise<unknown>) =>
	query.then(
		() => 'allowed',
		(e: Error & { cause?: Error }) => String(e.cause?.message ?? e.message)
	);

const count = async (db: Database, table: 'document_pieces' | 'document_uploads') => {
	const [row] = await queryRows<{ n: number }>(
		db,
		sql.raw(`select count(*)::int as n from ${table}`)
	);
	return row!.n;
};

describe.each(ENGINES)('a document PDF kept in pieces on %s', (engine) => {
	let handle: DatabaseHandle;
	let made: MadeDocument;
	beforeAll(async () => {
		handle = await freshDatabase(engine);
		await applyProjectDefinition(handle.db, solidDefinition(), { actor: SYSTEM_ACTOR });
		made = await makeDocument(handle.db, {
			project: 'SOLID',
			template: 'council-annex',
			lang: 'en',
			date: '2026-11-24'
		});
	}, 120_000);
	afterAll(async () => {
		await handle?.close();
	});

	const piecesOf = (documentId: number) =>
		queryRows<{ seq: number; size: number }>(
			handle.db,
			sql`select p.seq, octet_length(p.bytes) as size from document_pieces p
				join documents d on d.pdf_id = p.pdf_id where d.id = ${documentId} order by p.seq`
		);

	it('writes the PDF in pieces of at most 128 kB and reads the same bytes back', async () => {
		const pdf = bytesOfPieces();
		const stored = await storeDocument(handle.db, withBytes(made, pdf), SYSTEM_ACTOR);
		expect(stored.created).toBe(true);
		const pieces = await piecesOf(stored.id);
		expect(pieces.map((p) => p.seq)).toEqual([0, 1, 2, 3]);
		expect(pieces.map((p) => p.size)).toEqual([
			PIECE_BYTES,
			PIECE_BYTES,
			PIECE_BYTES,
			PIECE_BYTES / 2
		]);
		const kept = await storedPdf(handle.db, made.projectId, stored.id);
		expect(Buffer.compare(Buffer.from(kept!.pdf), pdf)).toBe(0);
		expect(kept!.sha256).toBe(sha(pdf));
		const [row] = await handle.db.select().from(documents).where(eq(documents.id, stored.id));
		expect(row!.pdf).toBeNull();
		expect(row!.bytes).toBe(pdf.length);
		expect(await count(handle.db, 'document_uploads')).toBe(0);
	});

	it('writes nothing again for the same bytes, and logs the making again', async () => {
		const pdf = bytesOfPieces();
		const first = await storeDocument(handle.db, withBytes(made, pdf), SYSTEM_ACTOR);
		const before = await count(handle.db, 'document_pieces');
		const again = await storeDocument(handle.db, withBytes(made, pdf), SYSTEM_ACTOR);
		expect(again).toEqual({ id: first.id, sha256: first.sha256, created: false });
		expect(await count(handle.db, 'document_pieces')).toBe(before);
		const events = await handle.db
			.select({ after: auditEvents.after })
			.from(auditEvents)
			.where(eq(auditEvents.objectId, String(first.id)));
		expect(events.map((e) => (e.after as { repeated: boolean }).repeated)).toEqual([false, true]);
	});

	it('keeps one document and one set of pieces when two makers store the same bytes at once', async () => {
		const pdf = bytesOfPieces();
		const before = await count(handle.db, 'document_pieces');
		const [a, b] = await Promise.all([
			storeDocument(handle.db, withBytes(made, pdf), SYSTEM_ACTOR),
			storeDocument(handle.db, withBytes(made, pdf), SYSTEM_ACTOR)
		]);
		expect(a!.id).toBe(b!.id);
		expect([a!.created, b!.created].sort()).toEqual([false, true]);
		expect(await count(handle.db, 'document_pieces')).toBe(before + 4);
		expect(await count(handle.db, 'document_uploads')).toBe(0);
		const kept = await storedPdf(handle.db, made.projectId, a!.id);
		expect(Buffer.compare(Buffer.from(kept!.pdf), pdf)).toBe(0);
	});

	it("keeps a published document's pieces as made", async () => {
		const stored = await storeDocument(handle.db, withBytes(made, bytesOfPieces()), SYSTEM_ACTOR);
		const [{ pdfId }] = (await handle.db
			.select({ pdfId: documents.pdfId })
			.from(documents)
			.where(eq(documents.id, stored.id))) as [{ pdfId: string }];
		const piece = sql`pdf_id = ${pdfId} and seq = 1`;
		expect(
			await refusal(
				handle.db.execute(sql`update document_pieces set bytes = '\\x00' where ${piece}`)
			)
		).toMatch(/immutable/);
		expect(
			await refusal(handle.db.execute(sql`delete from document_pieces where ${piece}`))
		).toMatch(/immutable/);
		expect(await refusal(handle.db.execute(sql`truncate document_pieces`))).toMatch(/immutable/);
		const extra = handle.db
			.insert(documentPieces)
			.values({ pdfId, seq: 4, projectId: made.projectId, bytes: new Uint8Array([1]) });
		expect(await refusal(extra)).toMatch(/immutable/);
		expect(await piecesOf(stored.id)).toHaveLength(4);
	});

	it('refuses to publish a document whose pieces are not whole', async () => {
		const pdf = bytesOfPieces();
		const publish = (pdfId: string, sha256 = sha(pdf), bytes = pdf.length) =>
			refusal(
				handle.db.insert(documents).values({
					projectId: made.projectId,
					templateId: made.parameters.template,
					templateVersion: made.parameters.version,
					lang: 'en',
					parameters: made.parameters,
					fingerprint: made.fingerprint,
					snapshot: new Uint8Array([0]),
					sha256,
					pdfId,
					bytes,
					createdBy: SYSTEM_ACTOR.email
				})
			);
		const short = await writePieces(handle.db, made.projectId, pdf.subarray(0, pdf.length - 1));
		expect(await publish(short)).toMatch(/not whole/);
		const gap = await writePieces(handle.db, made.projectId, pdf);
		await handle.db.execute(sql`delete from document_pieces where pdf_id = ${gap} and seq = 2`);
		expect(await publish(gap)).toMatch(/not whole/);
		const forged = Buffer.from(pdf);
		forged[7] = forged[7]! ^ 1;
		const altered = await writePieces(handle.db, made.projectId, forged);
		expect(await publish(altered)).toMatch(/not whole/);
		expect(await publish('no such pieces')).toMatch(/not whole/);
		expect(await handle.db.$count(documents, eq(documents.sha256, sha(pdf)))).toBe(0);
		// Neither a PDF in the row and in pieces, nor in neither.
		const both = handle.db.execute(
			sql`insert into documents (project_id, template_id, template_version, lang, parameters,
				fingerprint, snapshot, sha256, pdf, pdf_id, bytes, created_by)
				values (${made.projectId}, 'council-annex', 1, 'en', '{}', 'f', '\\x00', 'both',
				'\\x01', ${altered}, 1, 'x')`
		);
		expect(await refusal(both)).toMatch(/documents_pdf_once/);
		for (const pdfId of [short, gap, altered]) await dropPieces(handle.db, pdfId);
		expect(await count(handle.db, 'document_uploads')).toBe(0);
	});

	it('drops its pieces when publishing fails, and leaves no document or event', async () => {
		const pdf = bytesOfPieces();
		const events = await handle.db.$count(auditEvents);
		const pieces = await count(handle.db, 'document_pieces');
		const uploads = await count(handle.db, 'document_uploads');
		// A SHA-256 that is not the bytes': the database refuses the document.
		const wrong = { ...withBytes(made, pdf), sha256: sha(Buffer.from('other bytes')) };
		await expect(storeDocument(handle.db, wrong, SYSTEM_ACTOR)).rejects.toThrow();
		expect(await count(handle.db, 'document_pieces')).toBe(pieces);
		expect(await count(handle.db, 'document_uploads')).toBe(uploads);
		expect(await handle.db.$count(documents, eq(documents.sha256, wrong.sha256))).toBe(0);
		expect(await handle.db.$count(auditEvents)).toBe(events);
	});

	it("sweeps a killed maker's pieces once stale, and leaves a live maker's", async () => {
		const pdfId = await writePieces(handle.db, made.projectId, bytesOfPieces());
		const left = sql`select count(*)::int as n from document_pieces where pdf_id = ${pdfId}`;
		const leftOf = async () => (await queryRows<{ n: number }>(handle.db, left))[0]!.n;
		// The next maker sweeps what is a day old: this one is not.
		await storeDocument(handle.db, withBytes(made, bytesOfPieces()), SYSTEM_ACTOR);
		expect(await leftOf()).toBe(4);
		await handle.db
			.update(documentUploads)
			.set({ startedAt: sql`now() - interval '25 hours'` })
			.where(eq(documentUploads.pdfId, pdfId));
		await storeDocument(handle.db, withBytes(made, bytesOfPieces()), SYSTEM_ACTOR);
		expect(await leftOf()).toBe(0);
		expect(await handle.db.$count(documentUploads, eq(documentUploads.pdfId, pdfId))).toBe(0);
	});

	it('reads a document kept before PDFs were kept in pieces from its row', async () => {
		const pdf = Buffer.from('%PDF-1.7 kept whole in its row');
		const [row] = await queryRows<{ id: number }>(
			handle.db,
			sql`insert into documents (project_id, template_id, template_version, lang, parameters,
				fingerprint, snapshot, sha256, pdf, bytes, created_by)
				values (${made.projectId}, 'council-annex', 1, 'en', ${JSON.stringify(made.parameters)},
				'f', '\\x00', ${sha(pdf)}, ${new Uint8Array(pdf)}, ${pdf.length}, 'x') returning id`
		);
		const kept = await storedPdf(handle.db, made.projectId, row!.id);
		expect(Buffer.from(kept!.pdf).toString()).toBe(pdf.toString());
	});
});

describe('an embedded database opened again', () => {
	const folder = mkdtempSync(join(tmpdir(), 'cofund-pieces-'));
	afterAll(() => rmSync(folder, { recursive: true, force: true }));

	it('drops the pieces of a maker killed before publishing: no maker runs before it opens', async () => {
		const { value: written } = await onEmbeddedDatabase(folder, 'test', async (db) => {
			await applyProjectDefinition(db, solidDefinition(), { actor: SYSTEM_ACTOR });
			const [project] = await queryRows<{ id: number }>(db, sql`select id from projects`);
			await writePieces(db, project!.id, bytesOfPieces());
			return count(db, 'document_pieces');
		});
		expect(written).toBe(4);
		const { value: after } = await onEmbeddedDatabase(folder, 'test', async (db) => [
			await count(db, 'document_pieces'),
			await count(db, 'document_uploads')
		]);
		expect(after).toEqual([0, 0]);
	}, 120_000);
});
