/**
 * The trips behind a mobility figure, each with the travel-order file and line it came from:
 * filtered, sorted and paged in SQL, with the count of all that match. The page and the CSV
 * (`trips-csv.ts`) read their rows through the same `tripWindow`, so a download holds exactly the
 * rows the table pages through, in its order.
 */
import { and, asc, desc, eq, gte, ilike, isNull, lte, or, sql, type SQL } from 'drizzle-orm';
import type { TripQuery, TripSortColumn } from '$lib/domain/tables/trip-query';
import type { Sort } from '$lib/domain/tables/query-params';
import type { Queryable } from '../db';
import { importBatches, participations } from '../db/schema';

export type TripFilter = Partial<Pick<TripQuery, 'q' | 'event' | 'status' | 'from' | 'to'>>;

export interface TripRowView {
	id: number;
	person: string;
	position: string;
	event: number | null;
	city: string;
	country: string | null;
	departure: string;
	returnDate: string | null;
	orderNumber: string;
	status: 'done' | 'cancelled';
	batchId: number;
	fileName: string;
	line: number;
}

export const TRIPS_PER_PAGE = 100;

const escapeLike = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

function tripConditions(projectId: number, filter: TripFilter): SQL {
	const parts: (SQL | undefined)[] = [
		eq(participations.projectId, projectId),
		isNull(participations.revertedAt)
	];
	if (filter.event === 'none') parts.push(isNull(participations.eventNumber));
	else if (filter.event !== undefined) parts.push(eq(participations.eventNumber, filter.event));
	if (filter.status !== undefined) parts.push(eq(participations.status, filter.status));
	if (filter.from !== undefined) parts.push(gte(participations.departure, filter.from));
	if (filter.to !== undefined) parts.push(lte(participations.departure, filter.to));
	if (filter.q !== undefined) {
		const like = `%${escapeLike(filter.q)}%`;
		parts.push(
			or(
				ilike(participations.person, like),
				ilike(participations.position, like),
				ilike(participations.city, like),
				ilike(participations.orderNumber, like)
			)
		);
	}
	return and(...parts)!;
}

type TripSort = Sort<TripSortColumn>;

const DEFAULT_SORT: TripSort = { column: 'departure', descending: false };

/** The column a sort orders by; events are never 0, so a trip with none sorts first. */
const SORT_BY: Record<TripSortColumn, SQL> = {
	departure: sql`${participations.departure}`,
	person: sql`${participations.person}`,
	event: sql`coalesce(${participations.eventNumber}, 0)`,
	order: sql`${participations.orderNumber}`,
	status: sql`${participations.status}`
};

/** The SQL type of a sort key, so a keyset can send the last key back as text and compare it typed. */
const SORT_KEY_TYPE: Record<TripSortColumn, string> = {
	departure: 'date',
	person: 'text',
	event: 'integer',
	order: 'text',
	status: 'participation_status'
};

/** Where a window of rows starts: after so many rows (a page), or after a row's key (a keyset). */
export type TripWindowStart = { offset: number } | { after: TripKey | null };

/** A row's place in the table's total order: its sort key as text, then its id. */
export interface TripKey {
	key: string;
	id: number;
}

/**
 * Up to `limit` of the matching trips in the table's total order (the sort column, then the id,
 * both in the sort's direction), each with its key, so the next window can start after it.
 */
export async function tripWindow(
	db: Queryable,
	projectId: number,
	filter: TripFilter,
	sort: TripSort,
	limit: number,
	start: TripWindowStart
): Promise<{ rows: TripRowView[]; last: TripKey | null }> {
	const key = SORT_BY[sort.column];
	const by = sort.descending ? desc : asc;
	let after: SQL | undefined;
	if ('after' in start && start.after) {
		const type = sql.raw(SORT_KEY_TYPE[sort.column]);
		const row = sql`(${key}, ${participations.id})`;
		const last = sql`(cast(${start.after.key} as ${type}), cast(${start.after.id} as bigint))`;
		after = sort.descending ? sql`${row} < ${last}` : sql`${row} > ${last}`;
	}
	const found = await db
		.select({
			key: sql<string>`(${key})::text`,
			id: participations.id,
			person: participations.person,
			position: participations.position,
			event: participations.eventNumber,
			city: participations.city,
			country: participations.country,
			departure: participations.departure,
			returnDate: participations.returnDate,
			orderNumber: participations.orderNumber,
			status: participations.status,
			batchId: participations.batchId,
			fileName: importBatches.fileName,
			line: participations.line
		})
		.from(participations)
		.innerJoin(importBatches, eq(importBatches.id, participations.batchId))
		.where(and(tripConditions(projectId, filter), after))
		.orderBy(by(key), by(participations.id))
		.limit(limit)
		.offset('offset' in start ? start.offset : 0);
	const end = found.at(-1);
	return {
		rows: found.map(({ key: _key, ...row }) => row),
		last: end ? { key: end.key, id: end.id } : null
	};
}

export async function tripRows(
	db: Queryable,
	projectId: number,
	filter: TripFilter,
	page = 1,
	sort: TripSort = DEFAULT_SORT
): Promise<{ rows: TripRowView[]; count: number }> {
	const [total] = await db
		.select({ count: sql<string>`count(*)::text` })
		.from(participations)
		.where(tripConditions(projectId, filter));
	const { rows } = await tripWindow(db, projectId, filter, sort, TRIPS_PER_PAGE, {
		offset: (Math.max(1, page) - 1) * TRIPS_PER_PAGE
	});
	return { rows, count: Number(total!.count) };
}

/** The events the trips are linked to: the filter bar's choices. */
export async function tripEvents(db: Queryable, projectId: number): Promise<number[]> {
	const rows = await db
		.selectDistinct({ event: participations.eventNumber })
		.from(participations)
		.where(and(tripConditions(projectId, {}), sql`${participations.eventNumber} is not null`))
		.orderBy(asc(participations.eventNumber));
	return rows.flatMap((r) => (r.event === null ? [] : [r.event]));
}
