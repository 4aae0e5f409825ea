/**
 * A project's import history, filtered, sorted and paged in SQL (newest first by default), with
 * who imported what, by name, and whether it was reverted.
 */
import { and, asc, desc, eq, gte, ilike, isNotNull, isNull, lt, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { officeDayStart } from '$lib/domain/format';
import type { ImportQuery, ImportSortColumn } from '$lib/domain/tables/history-query';
import type { Sort } from '$lib/domain/tables/query-params';
import type { Queryable } from '../db';
import { importBatches, users } from '../db/schema';

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
	/** The importer's email, which the batch stores; the name below is what a person reads. */
	createdBy: string;
	/** Null when no user has that email any more. */
	createdByName: string | null;
	createdAt: Date;
	revertedBy: string | null;
	revertedByName: string | null;
	revertedAt: Date | null;
}

const importer = alias(users, 'importer');
const reverter = alias(users, 'reverter');

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
			createdByName: importer.name,
			createdAt: importBatches.createdAt,
			revertedBy: importBatches.revertedBy,
			revertedByName: reverter.name,
			revertedAt: importBatches.revertedAt
		})
		.from(importBatches)
		.leftJoin(importer, eq(importer.email, importBatches.createdBy))
		.leftJoin(reverter, eq(reverter.email, importBatches.revertedBy));

/** The start of the office day after `iso`: a "to" date includes the whole of its Riga day. */
export function nextOfficeDay(iso: string): Date {
	// Plain-date arithmetic at noon UTC, where no clock change can move the day.
	const day = new Date(`${iso}T12:00:00Z`);
	day.setUTCDate(day.getUTCDate() + 1);
	return officeDayStart(day.toISOString().slice(0, 10));
}

export const IMPORTS_PER_PAGE = 50;

export type ImportFilter = Partial<Pick<ImportQuery, 'q' | 'kind' | 'state' | 'from' | 'to'>>;

const escapeLike = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

const SORT_BY: Record<ImportSortColumn, SQL> = {
	made: sql`${importBatches.id}`,
	file: sql`${importBatches.fileName}`,
	records: sql`${importBatches.records}`,
	accepted: sql`${importBatches.accepted}`
};

/** Every import of the project, newest first: the CLI's history. */
export async function listImports(db: Queryable, projectId: number): Promise<ImportHistoryEntry[]> {
	return selectEntries(db)
		.where(eq(importBatches.projectId, projectId))
		.orderBy(desc(importBatches.createdAt), desc(importBatches.id));
}

/** One page of the imports the filter selects, with the count of all of them: the history page. */
export async function importHistoryPage(
	db: Queryable,
	projectId: number,
	filter: ImportFilter = {},
	page = 1,
	sort: Sort<ImportSortColumn> = { column: 'made', descending: true }
): Promise<{ entries: ImportHistoryEntry[]; count: number }> {
	const parts: SQL[] = [eq(importBatches.projectId, projectId)];
	if (filter.kind) parts.push(eq(importBatches.kind, filter.kind));
	if (filter.state === 'live') parts.push(isNull(importBatches.revertedAt));
	if (filter.state === 'reverted') parts.push(isNotNull(importBatches.revertedAt));
	if (filter.from) parts.push(gte(importBatches.createdAt, officeDayStart(filter.from)));
	if (filter.to) parts.push(lt(importBatches.createdAt, nextOfficeDay(filter.to)));
	if (filter.q) parts.push(ilike(importBatches.fileName, `%${escapeLike(filter.q)}%`));
	const where = and(...parts);
	const by = sort.descending ? desc : asc;
	const [total] = await db
		.select({ count: sql<string>`count(*)::text` })
		.from(importBatches)
		.where(where);
	const entries = await selectEntries(db)
		.where(where)
		.orderBy(by(SORT_BY[sort.column]), by(importBatches.id))
		.limit(IMPORTS_PER_PAGE)
		.offset((Math.max(1, page) - 1) * IMPORTS_PER_PAGE);
	return { entries, count: Number(total!.count) };
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
