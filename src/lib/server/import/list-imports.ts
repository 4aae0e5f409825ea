/** A project's import history, newest first, with who imported what and whether it was reverted. */
import { and, desc, eq } from 'drizzle-orm';
import type { Queryable } from '../db';
import { importBatches } from '../db/schema';

export interface ImportHistoryEntry {
	id: number;
	kind: 'expenses' | 'participation';
	fileName: string;
	size: number;
	sha256: string;
	sourceFileId: string;
	records: number;
	accepted: number;
	rejected: number;
	setAside: number;
	acceptedCents: number;
	createdBy: string;
	createdAt: Date;
	revertedBy: string | null;
	revertedAt: Date | null;
}

const selectEntries = (db: Queryable) =>
	db
		.select({
			id: importBatches.id,
			kind: importBatches.kind,
			fileName: importBatches.fileName,
			size: importBatches.size,
			sha256: importBatches.sha256,
			sourceFileId: importBatches.sourceFileId,
			records: importBatches.records,
			accepted: importBatches.accepted,
			rejected: importBatches.rejected,
			setAside: importBatches.setAside,
			acceptedCents: importBatches.acceptedCents,
			createdBy: importBatches.createdBy,
			createdAt: importBatches.createdAt,
			revertedBy: importBatches.revertedBy,
			revertedAt: importBatches.revertedAt
		})
		.from(importBatches);

export async function listImports(db: Queryable, projectId: number): Promise<ImportHistoryEntry[]> {
	return selectEntries(db)
		.where(eq(importBatches.projectId, projectId))
		.orderBy(desc(importBatches.createdAt), desc(importBatches.id));
}

/** One import of the project, or null when the project has no such import. */
export async function findImport(
	db: Queryable,
	projectId: number,
	id: number
): Promise<ImportHistoryEntry | null> {
	if (!Number.isSafeInteger(id) || id < 1) return null;
	const [entry] = await selectEntries(db).where(
		and(eq(importBatches.projectId, projectId), eq(importBatches.id, id))
	);
	return entry ?? null;
}
