/**
 * The expense rows behind a figure of the dashboard, each with the file and line it came from:
 * the drill-down an auditor follows from a bar to the source. Filtered, sorted and paged in SQL,
 * with the same conditions and order the CSV (`expenses-csv.ts`) reads, so a download holds
 * exactly the rows the table pages through.
 */
import {
	and,
	asc,
	desc,
	eq,
	gt,
	gte,
	ilike,
	inArray,
	isNull,
	lte,
	or,
	sql,
	type SQL
} from 'drizzle-orm';
import type { ExpenseRowView } from '$lib/domain/dashboard/expense-row';
import type { ExpenseQuery, ExpenseSort } from '$lib/domain/tables/expense-query';
import type { Queryable } from '../db';
import { expenseFindings, expenseSums, expenses, importBatches, projects } from '../db/schema';

/**
 * What an expense row shows, with its source file and line: selected from `expenses` joined to
 * its import batch and project. The expenses table and an expense's own page read these columns.
 */
export const EXPENSE_ROW_COLUMNS = {
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
};

/** What a query may select rows by; every key is optional, so a figure's link names only its own. */
export type ExpenseFilter = Partial<
	Pick<
		ExpenseQuery,
		'q' | 'year' | 'month' | 'from' | 'to' | 'min' | 'max' | 'category' | 'event' | 'control'
	>
> & {
	/** Rows dated outside the project period. */
	outside?: { start: string; end: string } | undefined;
};

export type { ExpenseRowView };

export const ROWS_PER_PAGE = 100;

const DEFAULT_SORT: ExpenseSort = { column: 'date', descending: false };

const escapeLike = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

/** The column a sort orders by; events are never 0, so a row with none sorts first. */
export function sortExpression(sort: ExpenseSort): SQL {
	switch (sort.column) {
		case 'date':
			return sql`${expenses.date}`;
		case 'document':
			return sql`${expenses.documentNumber}`;
		case 'payee':
			return sql`${expenses.payee}`;
		case 'code':
			return sql`${expenses.category}`;
		case 'event':
			return sql`coalesce(${expenses.eventNumber}, 0)`;
		case 'amount':
			return sql`${expenses.amountCents}`;
	}
}

/** The SQL type of a sort key, so a keyset can send the last key back as text and compare it typed. */
export const SORT_KEY_TYPE: Record<ExpenseSort['column'], 'date' | 'text' | 'bigint'> = {
	date: 'date',
	document: 'text',
	payee: 'text',
	code: 'text',
	event: 'bigint',
	amount: 'bigint'
};

/** The sort column, then the row id in the same direction: a total order a keyset can follow. */
export function expenseOrder(sort: ExpenseSort): SQL[] {
	const by = sort.descending ? desc : asc;
	return [by(sortExpression(sort)), by(expenses.id)];
}

/** Rows of one control state: no finding row is "unchecked". */
function controlCondition(state: string): SQL {
	const finding = sql`select 1 from ${expenseFindings} where ${expenseFindings.expenseId} = ${expenses.id}`;
	return state === 'unchecked'
		? sql`not exists (${finding})`
		: sql`exists (${finding} and ${expenseFindings.state} = ${state})`;
}

export function expenseConditions(projectIds: number | number[], filter: ExpenseFilter): SQL {
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
	if (filter.from !== undefined) parts.push(gte(expenses.date, filter.from));
	if (filter.to !== undefined) parts.push(lte(expenses.date, filter.to));
	if (filter.min !== undefined) parts.push(gte(expenses.amountCents, filter.min));
	if (filter.max !== undefined) parts.push(lte(expenses.amountCents, filter.max));
	if (filter.category !== undefined) parts.push(eq(expenses.category, filter.category));
	if (filter.event === 'none') parts.push(isNull(expenses.eventNumber));
	else if (filter.event !== undefined) parts.push(eq(expenses.eventNumber, filter.event));
	if (filter.q !== undefined) {
		const like = `%${escapeLike(filter.q)}%`;
		parts.push(
			or(
				ilike(expenses.documentNumber, like),
				ilike(expenses.payee, like),
				ilike(expenses.description, like),
				ilike(expenses.category, like)
			)
		);
	}
	if (filter.control !== undefined) parts.push(controlCondition(filter.control));
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

/** The query's filter, with "outside the period" turned into the project's period. */
export function expenseFilter(
	query: ExpenseQuery,
	period?: { start: string; end: string }
): ExpenseFilter {
	return {
		q: query.q,
		year: query.year,
		month: query.month,
		from: query.from,
		to: query.to,
		min: query.min,
		max: query.max,
		category: query.category,
		event: query.event,
		outside: query.outside ? period : undefined,
		control: query.control
	};
}

export async function expenseRows(
	db: Queryable,
	/** One project, or several (the portfolio's drill-down over every project a reader sees). */
	projectIds: number | number[],
	filter: ExpenseFilter,
	page = 1,
	sort: ExpenseSort = DEFAULT_SORT
): Promise<{ rows: ExpenseRowView[]; count: number; totalCents: number }> {
	const where = expenseConditions(projectIds, filter);
	const [totals] = await db
		.select({
			count: sql<string>`count(*)::text`,
			cents: sql<string>`coalesce(sum(${expenses.amountCents}), 0)::text`
		})
		.from(expenses)
		.where(where);
	const rows = await db
		.select({
			...EXPENSE_ROW_COLUMNS,
			findingState: expenseFindings.state,
			deductedCents: expenseFindings.deductedCents
		})
		.from(expenses)
		.innerJoin(importBatches, eq(importBatches.id, expenses.batchId))
		.innerJoin(projects, eq(projects.id, expenses.projectId))
		.leftJoin(expenseFindings, eq(expenseFindings.expenseId, expenses.id))
		.where(where)
		.orderBy(...expenseOrder(sort))
		.limit(ROWS_PER_PAGE)
		.offset((Math.max(1, page) - 1) * ROWS_PER_PAGE);
	return { rows, count: Number(totals!.count), totalCents: Number(totals!.cents) };
}

/**
 * The years, codes and events of a project's live rows: the filter bar's choices. Read in one
 * query from the sums imports keep per month, code and event (import/expense-sums.ts), which
 * hold the same live rows in a few hundred lines rather than a scan of every row.
 */
export async function expenseChoices(
	db: Queryable,
	projectIds: number | number[]
): Promise<{ years: number[]; codes: string[]; events: number[] }> {
	const ids = Array.isArray(projectIds) ? projectIds : [projectIds];
	const found = await db
		.selectDistinct({
			year: sql<number>`substr(${expenseSums.month}, 1, 4)::int`,
			code: expenseSums.category,
			event: expenseSums.event
		})
		.from(expenseSums)
		.where(and(inArray(expenseSums.projectId, ids.length ? ids : [-1]), gt(expenseSums.rows, 0)));
	const sorted = <T extends number | string>(values: T[]) =>
		[...new Set(values)].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
	return {
		years: sorted(found.map((r) => Number(r.year))),
		codes: sorted(found.map((r) => r.code)),
		// The sums file a row with no event under 0, which no event has.
		events: sorted(found.flatMap((r) => (r.event === 0 ? [] : [r.event])))
	};
}
