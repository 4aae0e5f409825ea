/**
 * The portfolio's project rows as its URL filters and sorts them. The rows are the portfolio's
 * own figures (one computation, `dashboard/portfolio.ts`), one per project the reader sees, so
 * they are selected here over that list rather than again in SQL: a council has tens of
 * projects, not thousands, and re-summing them in a second query would be a second computation.
 */
import { z } from 'zod';
import type { PortfolioProject } from '../dashboard/portfolio';
import { paramsObject, readSort, sortParam, textParam, toQuery } from './query-params';

export const PORTFOLIO_SORT_COLUMNS = [
	'code',
	'plan',
	'actual',
	'execution',
	'completion'
] as const;

export const portfolioQuerySchema = z.object({
	q: textParam,
	/** `needs` keeps the projects that need attention, `well` those that do not. */
	attention: z.enum(['needs', 'well']).optional().catch(undefined),
	sort: sortParam(PORTFOLIO_SORT_COLUMNS, 'code')
});
export type PortfolioQuery = z.output<typeof portfolioQuerySchema>;

export const readPortfolioQuery = (q: URLSearchParams): PortfolioQuery =>
	portfolioQuerySchema.parse(paramsObject(q));

export const portfolioQueryString = (q: Partial<PortfolioQuery>): string =>
	toQuery({ q: q.q, attention: q.attention, sort: q.sort === 'code' ? undefined : q.sort });

/** The projects the query keeps, in its order; a project without a ratio sorts last. */
export function selectPortfolioProjects(
	projects: readonly PortfolioProject[],
	query: PortfolioQuery
): PortfolioProject[] {
	const needle = query.q?.toLocaleLowerCase();
	const kept = projects.filter(
		(p) =>
			(!needle ||
				[p.code, p.title.lv, p.title.en].some((t) => t.toLocaleLowerCase().includes(needle))) &&
			(query.attention === undefined || (query.attention === 'needs') === p.attention.length > 0)
	);
	const { column, descending } = readSort(query.sort);
	const key = (p: PortfolioProject): number | string | null =>
		column === 'code' ? p.code : p[column];
	return kept.sort((a, b) => {
		const x = key(a);
		const y = key(b);
		if (x === null || y === null) return x === y ? 0 : x === null ? 1 : -1;
		const order = typeof x === 'string' ? x.localeCompare(String(y)) : x - Number(y);
		return (descending ? -order : order) || a.code.localeCompare(b.code);
	});
}
