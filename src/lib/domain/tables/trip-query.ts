/**
 * The trips table's filter, sort and page as its URL carries them: one schema for the page, its
 * CSV and the mobility figures' links (`tripsHref`: `?event=3`), so a shared link and its download
 * select the same trips.
 */
import { z } from 'zod';
import {
	eventParam,
	pagedTableSchema,
	paramsObject,
	readSort,
	sortAndPage,
	toQuery,
	type Sort
} from './query-params';

export const TRIP_SORT_COLUMNS = ['departure', 'person', 'event', 'order', 'status'] as const;
export type TripSortColumn = (typeof TRIP_SORT_COLUMNS)[number];

export const tripQuerySchema = pagedTableSchema(TRIP_SORT_COLUMNS, 'departure').extend({
	event: eventParam,
	status: z.enum(['done', 'cancelled']).optional().catch(undefined)
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
		...sortAndPage(query, 'departure')
	});
}
