/**
 * Keeps a made document, immutable: its PDF, its parameters, its data fingerprint and a gzip'd
 * snapshot of its data (for Verify to name what changed since), with its audit event, in one
 * transaction. The same bytes made twice are one document: their SHA-256 is unique.
 */
import { eq } from 'drizzle-orm';
import type { Database } from '../db';
import { documents } from '../db/schema';
import { recordAudit, type Actor } from '../audit/record-audit';
import { packSnapshot } from './load-document-data';
import type { MadeDocument } from './make-document';

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
	const snapshot = await packSnapshot(made.canonical);
	return db.transaction(async (tx) => {
		const [inserted] = await tx
			.insert(documents)
			.values({
				projectId: made.projectId,
				templateId: made.parameters.template,
				templateVersion: made.parameters.version,
				lang: made.parameters.lang,
				parameters: made.parameters,
				fingerprint: made.fingerprint,
				snapshot,
				sha256: made.sha256,
				pdf: new Uint8Array(made.pdf),
				bytes: made.pdf.length,
				createdBy: actor.email
			})
			.onConflictDoNothing({ target: documents.sha256 })
			.returning({ id: documents.id });
		const id =
			inserted?.id ??
			(
				await tx
					.select({ id: documents.id })
					.from(documents)
					.where(eq(documents.sha256, made.sha256))
			)[0]!.id;
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
