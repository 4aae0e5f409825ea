/**
 * The documents made for a project, filtered, sorted and paged in SQL, each with the name of the
 * person who made it; and one document's stored PDF.
 */
import { and, asc, desc, eq, gte, lt, sql, type SQL } from 'drizzle-orm';
import { officeDayStart } from '$lib/domain/format';
import type { DocumentQuery, DocumentSortColumn } from '$lib/domain/tables/history-query';
import type { Sort } from '$lib/domain/tables/query-params';
import type { Queryable } from '../db';
import { documents, users } from '../db/schema';
import { nextOfficeDay } from '../import/list-imports';
import type { DocumentParameters } from './make-document';
import { pdfBytes } from './pdf-pieces';

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
	/** The maker's name; null when no account has that email any more. */
	createdByName: string | null;
	createdAt: Date;
}

export const DOCUMENTS_PER_PAGE = 50;

export type DocumentFilter = Partial<Pick<DocumentQuery, 'template' | 'lang' | 'from' | 'to'>>;

const SORT_BY: Record<DocumentSortColumn, SQL> = {
	made: sql`${documents.id}`,
	template: sql`${documents.templateId}`,
	lang: sql`${documents.lang}`
};

/** One page of the documents the filter selects, with the count of all of them. */
export async function listDocuments(
	db: Queryable,
	projectId: number,
	filter: DocumentFilter = {},
	page = 1,
	sort: Sort<DocumentSortColumn> = { column: 'made', descending: true }
): Promise<{ documents: DocumentEntry[]; count: number }> {
	const parts: SQL[] = [eq(documents.projectId, projectId)];
	if (filter.template) parts.push(eq(documents.templateId, filter.template));
	if (filter.lang) parts.push(eq(documents.lang, filter.lang));
	if (filter.from) parts.push(gte(documents.createdAt, officeDayStart(filter.from)));
	if (filter.to) parts.push(lt(documents.createdAt, nextOfficeDay(filter.to)));
	const where = and(...parts);
	const by = sort.descending ? desc : asc;
	const [total] = await db
		.select({ count: sql<string>`count(*)::text` })
		.from(documents)
		.where(where);
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
			createdByName: users.name,
			createdAt: documents.createdAt
		})
		.from(documents)
		.leftJoin(users, eq(users.email, documents.createdBy))
		.where(where)
		.orderBy(by(SORT_BY[sort.column]), by(documents.id))
		.limit(DOCUMENTS_PER_PAGE)
		.offset((Math.max(1, page) - 1) * DOCUMENTS_PER_PAGE);
	return {
		documents: rows.map((row) => ({ ...row, parameters: row.parameters as DocumentParameters })),
		count: Number(total!.count)
	};
}

export async function storedPdf(
	db: Queryable,
	projectId: number,
	id: number
): Promise<{ pdf: Uint8Array; sha256: string; fileName: string } | null> {
	const [row] = await db
		.select({ pdf: pdfBytes, sha256: documents.sha256, parameters: documents.parameters })
		.from(documents)
		.where(and(eq(documents.projectId, projectId), eq(documents.id, id)));
	if (!row) return null;
	const p = row.parameters as DocumentParameters;
	return {
		// Missing pieces read as no bytes, which the caller's SHA-256 check then names as altered.
		pdf: row.pdf ?? new Uint8Array(),
		sha256: row.sha256,
		fileName: `${p.project}-${p.template}-${p.lang}-v${p.version}-${p.date}.pdf`
	};
}
