/**
 * A made document's PDF written in pieces before the document is published, and read back whole.
 * Each piece is a statement of its own, with the event loop turning between: the embedded
 * database runs one statement at a time, and a 4 MB PDF written in one held every reader for
 * 180–280 ms; a 128 kB piece holds them for about 10 ms. The database checks the pieces whole as
 * the document is published (migration 0018), so a document never names bytes it does not have.
 */
import { randomUUID } from 'node:crypto';
import { setImmediate as turn } from 'node:timers/promises';
import { and, eq, sql, type SQL } from 'drizzle-orm';
import type { Queryable } from '../db';
import { documentPieces, documents, documentUploads } from '../db/schema';

/** Measured on PGlite: 64 kB pieces took longer in all, 512 kB ones held readers 25–100 ms. */
export const PIECE_BYTES = 128 * 1024;

/** How long a maker may take before what it wrote counts as left behind. */
const STALE_AFTER = '1 day';

/** Writes the PDF's pieces; `publishPieces` in the transaction that keeps the document ends it. */
export async function writePieces(
	db: Queryable,
	projectId: number,
	pdf: Uint8Array
): Promise<string> {
	await db.execute(sql`select sweep_document_uploads(${STALE_AFTER}::interval)`);
	const pdfId = randomUUID();
	await db.insert(documentUploads).values({ pdfId, projectId });
	for (let seq = 0, at = 0; at < pdf.length; seq++, at += PIECE_BYTES) {
		await turn();
		const bytes = pdf.subarray(at, at + PIECE_BYTES);
		await db.insert(documentPieces).values({ pdfId, seq, projectId, bytes });
	}
	return pdfId;
}

/** In the publishing transaction: the pieces now belong to the document, not to its maker. */
export async function publishPieces(tx: Queryable, pdfId: string): Promise<void> {
	await tx.delete(documentUploads).where(eq(documentUploads.pdfId, pdfId));
}

/** Drops the pieces of a maker that failed, or whose bytes a document had already. */
export async function dropPieces(db: Queryable, pdfId: string): Promise<void> {
	const unpublished = sql`not exists (select from ${documents} where ${documents.pdfId} = ${pdfId})`;
	await db.delete(documentPieces).where(and(eq(documentPieces.pdfId, pdfId), unpublished));
	await db.delete(documentUploads).where(eq(documentUploads.pdfId, pdfId));
}

/** Whether a document with these bytes is kept already: then nothing need be written. */
export async function keptAlready(db: Queryable, sha256: string): Promise<boolean> {
	const [kept] = await db
		.select({ id: documents.id })
		.from(documents)
		.where(eq(documents.sha256, sha256));
	return Boolean(kept);
}

/**
 * A document's PDF, whole, as one value of a query on `documents`: from its pieces, or from the
 * column where it was kept before them. Null only when its pieces were taken from under it.
 * Written out, since drizzle leaves a column unqualified in a query on one table, and the
 * subquery's `pdf_id` would then be its own.
 */
export const pdfBytes: SQL<Uint8Array | null> = sql<Uint8Array | null>`coalesce("documents"."pdf", (
	select string_agg(piece.bytes, ''::bytea order by piece.seq) from "document_pieces" piece
	where piece.pdf_id = "documents"."pdf_id"))`;
