/**
 * The trips table's filter, sort and page as its URL carries them: one schema for the page and the
 * mobility figures' links (`tripsHref`: `?event=3`), so a shared link opens the same trips.
 */
import { z } from 'zod';
import {
	dateParam,
	pageParam,
	paramsObject,
	readSort,
	sortParam,
	textParam,
	toQuery,
	type Sort
} from './query-params';

export const TRIP_SORT_COLUMNS = ['departure', 'person', 'event', 'order', 'status'] as const;
export type TripSortColumn = (typeof TRIP_SORT_COLUMNS)[number];

export const tripQuerySchema = z.object({
	q: textParam,
	event: z.preprocess(
		(v) =>
			v === 'none' ? v : typeof v === 'string' && /^\d{1,4}$/.test(v) ? Number(v) : undefined,
		z.union([z.literal('none'), z.number().int()]).optional()
	),
	status: z.enum(['done', 'cancelled']).optional().catch(undefined),
	from: dateParam,
	to: dateParam,
	sort: sortParam(TRIP_SORT_COLUMNS, 'departure'),
	page: pageParam
});

export type TripQuery = z.output<typeof tripQuerySchema>;

export const readTripQuery = (query: URLSearchParams): TripQuery =>
	tripQuerySchema.parse(paramsObject(query));

export const tripSort = (query: TripQuery): Sort<TripSortColumn> => readSort(query.sort);

export function tripQueryString(query: Partial<TripQuery>): string {
	return toQuery({
		q: query.q,
		event: query.event,
		status: query.status,
		from: query.from,
		to: query.to,
		sort: query.sort === 'departure' ? undefined : query.sort,
		page: query.page === 1 ? undefined : query.page
	});
}
