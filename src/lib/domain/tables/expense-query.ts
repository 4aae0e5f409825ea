/**
 * The expense table's filter, sort and page as its URL carries them: ONE schema read by the rows
 * page, the portfolio's rows page and the CSV, so a shared link and its download select the same
 * rows. It also reads the dashboard's drill-down links (`drill.ts`: year, month, category, event,
 * outside), so every figure still lands on its rows.
 */
import { z } from 'zod';
import {
	amountParam,
	dateParam,
	intParam,
	monthParam,
	pageParam,
	paramsObject,
	readSort,
	sortParam,
	textParam,
	toQuery,
	type Sort
} from './query-params';
import { centsToDecimal } from '../money';

export const EXPENSE_SORT_COLUMNS = [
	'date',
	'document',
	'payee',
	'code',
	'event',
	'amount'
] as const;
export type ExpenseSortColumn = (typeof EXPENSE_SORT_COLUMNS)[number];

/** `code=none` asks for the rows with no classification code. */
export const NO_CODE = 'none';

const eventParam = z.preprocess(
	(v) => (v === 'none' ? v : typeof v === 'string' && /^\d{1,4}$/.test(v) ? Number(v) : undefined),
	z.union([z.literal('none'), z.number().int()]).optional()
);

const raw = z.object({
	/** A project code: the portfolio's rows span projects. */
	project: textParam,
	q: textParam,
	year: intParam(1900, 2200),
	month: monthParam,
	from: dateParam,
	to: dateParam,
	min: amountParam,
	max: amountParam,
	/** The code as the filter bar sends it: blank is any, `none` is rows without one. */
	code: textParam,
	/** The code as drill-down links send it: present and blank means rows without one. */
	category: z.string().optional().catch(undefined),
	event: eventParam,
	outside: z.preprocess((v) => v === 'true', z.boolean()),
	sort: sortParam(EXPENSE_SORT_COLUMNS, 'date'),
	page: pageParam
});

export const expenseQuerySchema = raw.transform(({ code, category, ...rest }) => ({
	...rest,
	/** The exact code to match ('' for rows without one), or undefined for any. */
	category: code !== undefined ? (code === NO_CODE ? '' : code) : category
}));

export type ExpenseQuery = z.output<typeof expenseQuerySchema>;
export type ExpenseSort = Sort<ExpenseSortColumn>;

export function readExpenseQuery(query: URLSearchParams): ExpenseQuery {
	return expenseQuerySchema.parse(paramsObject(query));
}

export const expenseSort = (query: ExpenseQuery): ExpenseSort => readSort(query.sort);

/** The query string that reads back as `query`: the page, the CSV link and the pager all write it. */
export function expenseQueryString(query: Partial<ExpenseQuery>): string {
	return toQuery({
		project: query.project,
		q: query.q,
		year: query.year,
		month: query.month,
		from: query.from,
		to: query.to,
		min: query.min === undefined ? undefined : centsToDecimal(query.min),
		max: query.max === undefined ? undefined : centsToDecimal(query.max),
		code:
			query.category === undefined ? undefined : query.category === '' ? NO_CODE : query.category,
		event: query.event,
		outside: query.outside,
		sort: query.sort === 'date' ? undefined : query.sort,
		page: query.page === 1 ? undefined : query.page
	});
}
