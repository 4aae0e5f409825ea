/** One import as it was committed: its history entry and the report it kept, for its page and `cofund import show`. */
import { and, eq } from 'drizzle-orm';
import { emptyReport, type ImportReport } from '$lib/domain/import/report';
import type { Dialect } from '$lib/domain/import/result';
import type { Queryable } from '../db';
import { importBatches } from '../db/schema';
import { findImport, type ImportHistoryEntry } from './list-imports';

export interface BatchReport {
	entry: ImportHistoryEntry;
	report: ImportReport;
	dialect: Dialect;
}

/** A kept report, with the fields that reports kept before them lack set to their empty values. */
function keptReport(stored: unknown, kind: ImportReport['kind']): ImportReport {
	return { ...emptyReport(kind), ...(stored as Partial<ImportReport>) };
}

/** Null when the project has no such import. */
export async function loadBatchReport(
	db: Queryable,
	projectId: number,
	id: number
): Promise<BatchReport | null> {
	const entry = await findImport(db, projectId, id);
	if (!entry) return null;
	const [kept] = await db
		.select({ report: importBatches.report, dialect: importBatches.dialect })
		.from(importBatches)
		.where(and(eq(importBatches.projectId, projectId), eq(importBatches.id, id)));
	if (!kept) return null;
	return { entry, report: keptReport(kept.report, entry.kind), dialect: kept.dialect as Dialect };
}
