/**
 * A document's expense rows: the project's live rows, each with the file and line it was
 * imported from and its finding, when it has one, in the order documents list them.
 *
 * Read a thousand at a time along the rows' identity index, not in one query: the embedded
 * database runs a query to its end on the app's only thread, and 10,000 rows read at once held
 * every other reader for some 400 ms. Between pages, the event loop turns and other requests
 * are answered. The pages are
 * one picture of the project: its data version is read before the first and after the last,
 * and had anything of it changed meanwhile, the rows are read again, the last time in one query.
 */
import { and, asc, eq, isNull, sql } from 'drizzle-orm';
import { compareRecords, type ExpenseRecord } from '$lib/domain/documents/document-data';
import type { Queryable } from '../db';
import { expenseFindings, expenses, importBatches } from '../db/schema';
import { projectVersionById } from '../cache/figure-cache';

export const RECORDS_PAGE = 1000;
const ATTEMPTS = 3;

type After = { rowKey: string; occurrence: number } | null;

/** One page of rows after `after` in identity order; all of them when `limit` is null. */
function page(db: Queryable, projectId: number, after: After, limit: number | null) {
	const query = db
		.select({
			rowKey: expenses.rowKey,
			occurrence: expenses.occurrence,
			date: expenses.date,
			cents: expenses.amountCents,
			currency: expenses.currency,
			category: expenses.category,
			event: expenses.eventNumber,
			funding: expenses.fundingSource,
			document: expenses.documentNumber,
			payee: expenses.payee,
			description: expenses.description,
			file: importBatches.fileName,
			line: expenses.line,
			state: expenseFindings.state,
			deducted: expenseFindings.deductedCents,
			reason: expenseFindings.reasonCode
		})
		.from(expenses)
		.innerJoin(importBatches, eq(importBatches.id, expenses.batchId))
		.leftJoin(expenseFindings, eq(expenseFindings.expenseId, expenses.id))
		.where(
			and(
				eq(expenses.projectId, projectId),
				isNull(expenses.revertedAt),
				after
					? sql`(${expenses.rowKey}, ${expenses.occurrence}) > (${after.rowKey}, ${after.occurrence})`
					: undefined
			)
		)
		.orderBy(asc(expenses.rowKey), asc(expenses.occurrence));
	return limit === null ? query : query.limit(limit);
}

type Row = Awaited<ReturnType<typeof page>>[number];

async function allPages(db: Queryable, projectId: number, size: number): Promise<Row[]> {
	const rows: Row[] = [];
	let after: After = null;
	for (;;) {
		const next = await page(db, projectId, after, size);
		rows.push(...next);
		if (next.length < size) return rows;
		const last = next[next.length - 1]!;
		after = { rowKey: last.rowKey, occurrence: last.occurrence };
		// The embedded database answers at once, so awaiting it never lets the event loop turn:
		// requests that came in meanwhile are taken here, between pages.
		await new Promise((resolve) => setImmediate(resolve));
	}
}

/** The rows as one picture of the project (see the module's comment). */
async function consistentRows(db: Queryable, projectId: number, size: number): Promise<Row[]> {
	for (let attempt = 1; attempt < ATTEMPTS; attempt++) {
		const before = await projectVersionById(db, projectId);
		const rows = await allPages(db, projectId, size);
		if (before !== undefined && before === (await projectVersionById(db, projectId))) return rows;
	}
	return page(db, projectId, null, null);
}

export async function expenseRecords(
	db: Queryable,
	projectId: number,
	size = RECORDS_PAGE
): Promise<ExpenseRecord[]> {
	const rows = await consistentRows(db, projectId, size);
	return rows
		.map(({ rowKey, occurrence, state, deducted, reason, ...row }): ExpenseRecord => ({
			key: `${rowKey}#${occurrence}`,
			...row,
			cents: Number(row.cents),
			// Only a row with a finding carries one: an older document's data stays as it was.
			...(state !== null && {
				finding: { state, deducted: Number(deducted ?? 0), reason: reason ?? null }
			})
		}))
		.sort(compareRecords);
}
