/**
 * The expense table's filter, sort and page as its URL carries them: ONE schema read by the rows
 * page, the portfolio's rows page and the CSV, so a shared link and its download select the same
 * rows. It also reads the dashboard's drill-down links (`drill.ts`: year, month, category, event,
 * outside), so every figure still lands on its rows.
 */
import { z } from 'zod';
import {
	amountParam,
	eventParam,
	intParam,
	monthParam,
	pagedTableSchema,
	paramsObject,
	readSort,
	sortAndPage,
	textParam,
	toQuery,
	type Sort
} from './query-params';
import { centsToDecimal } from '../money';
import { CONTROL_STATES } from '../control/finding-states';

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

const raw = pagedTableSchema(EXPENSE_SORT_COLUMNS, 'date').extend({
	/** A project code: the portfolio's rows span projects. */
	project: textParam,
	year: intParam(1900, 2200),
	month: monthParam,
	min: amountParam,
	max: amountParam,
	/** The code as the filter bar sends it: blank is any, `none` is rows without one. */
	code: textParam,
	/** The code as drill-down links send it: present and blank means rows without one. */
	category: z.string().optional().catch(undefined),
	event: eventParam,
	outside: z.preprocess((v) => v === 'true', z.boolean()),
	/** The auditor's control state: unchecked, verified, queried or ineligible. */
	control: z
		.enum(CONTROL_STATES as [string, ...string[]])
		.optional()
		.catch(undefined)
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
		control: query.control,
		...sortAndPage(query, 'date')
	});
}
