/** The documents made for a project, newest first, and one document's stored PDF. */
import { and, desc, eq } from 'drizzle-orm';
import type { Queryable } from '../db';
import { documents } from '../db/schema';
import type { DocumentParameters } from './make-document';

export interface DocumentEntry {
	id: number;
	templateId: string;
	templateVersion: number;
	lang: string;
	parameters: DocumentParameters;
	fingerprint: string;
	sha256: string;
	bytes: number;
	createdBy: string;
	createdAt: Date;
}

export async function listDocuments(db: Queryable, projectId: number): Promise<DocumentEntry[]> {
	const rows = await db
		.select({
			id: documents.id,
			templateId: documents.templateId,
			templateVersion: documents.templateVersion,
			lang: documents.lang,
			parameters: documents.parameters,
			fingerprint: documents.fingerprint,
			sha256: documents.sha256,
			bytes: documents.bytes,
			createdBy: documents.createdBy,
			createdAt: documents.createdAt
		})
		.from(documents)
		.where(eq(documents.projectId, projectId))
		.orderBy(desc(documents.id))
		.limit(500);
	return rows.map((row) => ({ ...row, parameters: row.parameters as DocumentParameters }));
}

export async function storedPdf(
	db: Queryable,
	projectId: number,
	id: number
): Promise<{ pdf: Uint8Array; sha256: string; fileName: string } | null> {
	const [row] = await db
		.select({ pdf: documents.pdf, sha256: documents.sha256, parameters: documents.parameters })
		.from(documents)
		.where(and(eq(documents.projectId, projectId), eq(documents.id, id)));
	if (!row) return null;
	const p = row.parameters as DocumentParameters;
	return {
		pdf: row.pdf,
		sha256: row.sha256,
		fileName: `${p.project}-${p.template}-${p.lang}-v${p.version}-${p.date}.pdf`
	};
}
