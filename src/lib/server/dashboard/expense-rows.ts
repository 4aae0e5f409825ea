/**
 * The expense rows behind a figure of the dashboard, each with the file and line it came from:
 * the drill-down an auditor follows from a bar to the source. Filtered and paged in SQL.
 */
import { and, asc, eq, gte, inArray, isNull, lte, or, sql, type SQL } from 'drizzle-orm';
import type { ExpenseRowView } from '$lib/domain/dashboard/expense-row';
import type { Queryable } from '../db';
import { expenses, importBatches, projects } from '../db/schema';

export interface ExpenseFilter {
	year?: number | undefined;
	month?: string | undefined;
	category?: string | undefined;
	/** An event number, or 'none' for rows linked to no event. */
	event?: number | 'none' | undefined;
	/** Rows dated outside the project period. */
	outside?: { start: string; end: string } | undefined;
}

export type { ExpenseRowView };

export const ROWS_PER_PAGE = 100;

function conditions(projectIds: number | number[], filter: ExpenseFilter): SQL {
	const parts: (SQL | undefined)[] = [
		Array.isArray(projectIds)
			? inArray(expenses.projectId, projectIds.length ? projectIds : [-1])
			: eq(expenses.projectId, projectIds),
		// The rows behind a figure: a reverted import's rows are behind none.
		isNull(expenses.revertedAt)
	];
	if (filter.year !== undefined) {
		parts.push(
			gte(expenses.date, `${filter.year}-01-01`),
			lte(expenses.date, `${filter.year}-12-31`)
		);
	}
	if (filter.month !== undefined) {
		parts.push(sql`to_char(${expenses.date}, 'YYYY-MM') = ${filter.month}`);
	}
	if (filter.category !== undefined) parts.push(eq(expenses.category, filter.category));
	if (filter.event === 'none') parts.push(isNull(expenses.eventNumber));
	else if (filter.event !== undefined) parts.push(eq(expenses.eventNumber, filter.event));
	if (filter.outside) {
		parts.push(
			or(
				sql`${expenses.date} < ${filter.outside.start}`,
				sql`${expenses.date} > ${filter.outside.end}`
			)
		);
	}
	return and(...parts)!;
}

export async function expenseRows(
	db: Queryable,
	/** One project, or several (the portfolio's drill-down over every project a reader sees). */
	projectIds: number | number[],
	filter: ExpenseFilter,
	page = 1
): Promise<{ rows: ExpenseRowView[]; count: number; totalCents: number }> {
	const where = conditions(projectIds, filter);
	const [totals] = await db
		.select({
			count: sql<string>`count(*)::text`,
			cents: sql<string>`coalesce(sum(${expenses.amountCents}), 0)::text`
		})
		.from(expenses)
		.where(where);
	const rows = await db
		.select({
			id: expenses.id,
			project: projects.code,
			date: expenses.date,
			documentNumber: expenses.documentNumber,
			payee: expenses.payee,
			description: expenses.description,
			category: expenses.category,
			event: expenses.eventNumber,
			amountCents: expenses.amountCents,
			batchId: expenses.batchId,
			fileName: importBatches.fileName,
			line: expenses.line
		})
		.from(expenses)
		.innerJoin(importBatches, eq(importBatches.id, expenses.batchId))
		.innerJoin(projects, eq(projects.id, expenses.projectId))
		.where(where)
		.orderBy(asc(expenses.date), asc(expenses.batchId), asc(expenses.line))
		.limit(ROWS_PER_PAGE)
		.offset((Math.max(1, page) - 1) * ROWS_PER_PAGE);
	return { rows, count: Number(totals!.count), totalCents: Number(totals!.cents) };
}
