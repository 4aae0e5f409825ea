/**
 * Keeps a made document, immutable: its PDF (written in pieces first, see pdf-pieces.ts), then
 * its parameters, its data fingerprint and a gzip'd snapshot of its data (for Verify to name what
 * changed since), with its audit event, in one short transaction that publishes it. The same
 * bytes made twice are one document: their SHA-256 is unique.
 */
import { eq } from 'drizzle-orm';
import type { Database } from '../db';
import { documents } from '../db/schema';
import { recordAudit, type Actor } from '../audit/record-audit';
import { packSnapshot } from './load-document-data';
import type { MadeDocument } from './make-document';
import { dropPieces, keptAlready, publishPieces, writePieces } from './pdf-pieces';

export interface StoredDocument {
	id: number;
	sha256: string;
	/** False when the very same bytes had been made and kept before. */
	created: boolean;
}

/** Keeps a made document; the same bytes made twice are one document (their SHA-256 is unique). */
export async function storeDocument(
	db: Database,
	made: MadeDocument,
	actor: Actor
): Promise<StoredDocument> {
	// Made again: the audit event alone is new, so neither pieces nor a snapshot are written.
	const fresh = (await keptAlready(db, made.sha256))
		? null
		: {
				snapshot: await packSnapshot(made.canonical),
				pdfId: await writePieces(db, made.projectId, made.pdf)
			};
	const pdfId = fresh?.pdfId;
	try {
		const stored = await publish(db, made, fresh, actor);
		// Another maker kept the same bytes while these were written: theirs are the document's.
		if (pdfId && !stored.created) await dropPieces(db, pdfId);
		return stored;
	} catch (error) {
		// The error that stopped the publishing is the one to tell; pieces that cannot be dropped
		// now (the connection lost, say) are swept later with their upload.
		if (pdfId) await dropPieces(db, pdfId).catch(() => undefined);
		throw error;
	}
}

async function publish(
	db: Database,
	made: MadeDocument,
	fresh: { snapshot: Uint8Array; pdfId: string } | null,
	actor: Actor
): Promise<StoredDocument> {
	return db.transaction(async (tx) => {
		const [inserted] = fresh
			? await tx
					.insert(documents)
					.values({
						projectId: made.projectId,
						templateId: made.parameters.template,
						templateVersion: made.parameters.version,
						lang: made.parameters.lang,
						parameters: made.parameters,
						fingerprint: made.fingerprint,
						snapshot: fresh.snapshot,
						sha256: made.sha256,
						pdfId: fresh.pdfId,
						bytes: made.pdf.length,
						createdBy: actor.email
					})
					.onConflictDoNothing({ target: documents.sha256 })
					.returning({ id: documents.id })
			: [];
		const id =
			inserted?.id ??
			(
				await tx
					.select({ id: documents.id })
					.from(documents)
					.where(eq(documents.sha256, made.sha256))
			)[0]!.id;
		if (inserted && fresh) await publishPieces(tx, fresh.pdfId);
		await recordAudit(tx, actor, {
			action: 'document.generate',
			objectType: 'document',
			objectId: String(id),
			after: {
				...made.parameters,
				sha256: made.sha256,
				fingerprint: made.fingerprint,
				repeated: !inserted
			}
		});
		return { id, sha256: made.sha256, created: Boolean(inserted) };
	});
}
