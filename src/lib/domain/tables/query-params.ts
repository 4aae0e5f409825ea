/**
 * The pieces every table's URL schema is made of: a query string read as one value per key,
 * fields that drop a bad value instead of failing, so a shared link with a typo still opens, and
 * the base a paged table's schema extends (text, date range, sort, page).
 */
import { z } from 'zod';
import { parseMoney } from '../money';
import { parseIsoDate, parseIsoMonth } from '../format';

/** The first value of each key, as a form's GET or a pasted link gives them. */
export function paramsObject(query: URLSearchParams): Record<string, string> {
	const out: Record<string, string> = {};
	for (const [key, value] of query) if (!(key in out)) out[key] = value;
	return out;
}

/** A query string of the values that are set, in the schema's key order, so links compare equal. */
export function toQuery(values: Record<string, string | number | boolean | undefined>): string {
	const params = new URLSearchParams();
	for (const [key, value] of Object.entries(values)) {
		if (value === undefined || value === false || value === '') continue;
		params.set(key, String(value));
	}
	return params.toString();
}

const blankToUndefined = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);

/** Free text: trimmed, at most 200 characters, blank is none. */
export const textParam = z.preprocess(
	(v) => (typeof v === 'string' ? v.trim().slice(0, 200) || undefined : undefined),
	z.string().optional()
);

/** A plain date YYYY-MM-DD that exists. */
export const dateParam = z.preprocess(
	blankToUndefined,
	z
		.string()
		.refine((v) => parseIsoDate(v) !== null)
		.optional()
		.catch(undefined)
);

/** A month YYYY-MM. */
export const monthParam = z.preprocess(
	blankToUndefined,
	z
		.string()
		.refine((v) => parseIsoMonth(v) !== null)
		.optional()
		.catch(undefined)
);

/** An amount as people type it ("100", "1 234,50"), read exactly into cents. */
export const amountParam = z.preprocess(
	(v) => (typeof v === 'string' && v.trim() ? (parseMoney(v) ?? undefined) : undefined),
	z.number().int().optional()
);

/** A whole number in a range; anything else is none. */
export const intParam = (min: number, max: number) =>
	z.preprocess(
		blankToUndefined,
		z.coerce.number().int().min(min).max(max).optional().catch(undefined)
	);

/** The page number: 1 unless a positive whole number is given. */
export const pageParam = z.coerce.number().int().min(1).max(1_000_000).catch(1);

export type SortValue<K extends string> = K | `-${K}`;

/** `sort=date` is ascending, `sort=-date` descending, over the columns a table allows. */
export function sortParam<K extends string>(columns: readonly [K, ...K[]], fallback: SortValue<K>) {
	const allowed: string[] = columns.flatMap((c) => [c, `-${c}`]);
	return z
		.custom<SortValue<K>>((v) => typeof v === 'string' && allowed.includes(v))
		.catch(fallback);
}

export interface Sort<K extends string> {
	column: K;
	descending: boolean;
}

export function readSort<K extends string>(sort: SortValue<K>): Sort<K> {
	return sort.startsWith('-')
		? { column: sort.slice(1) as K, descending: true }
		: { column: sort as K, descending: false };
}

/** An event number, or `none` for the rows linked to no event. */
export const eventParam = z.preprocess(
	(v) => (v === 'none' ? v : typeof v === 'string' && /^\d{1,4}$/.test(v) ? Number(v) : undefined),
	z.union([z.literal('none'), z.number().int()]).optional()
);

/** What every paged table's URL holds: free text, a date range, the sort and the page. */
export function pagedTableSchema<K extends string>(
	columns: readonly [K, ...K[]],
	defaultSort: SortValue<K>
) {
	return z.object({
		q: textParam,
		from: dateParam,
		to: dateParam,
		sort: sortParam(columns, defaultSort),
		page: pageParam
	});
}

/** The sort and page for a query string, each left out when it is the default. */
export function sortAndPage<K extends string>(
	query: { sort?: SortValue<K> | undefined; page?: number | undefined },
	defaultSort: SortValue<K>
): { sort: SortValue<K> | undefined; page: number | undefined } {
	return {
		sort: query.sort === defaultSort ? undefined : query.sort,
		page: query.page === 1 ? undefined : query.page
	};
}
