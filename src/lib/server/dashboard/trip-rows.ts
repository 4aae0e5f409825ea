/**
 * The trips behind a mobility figure, each with the travel-order file and line it came from:
 * filtered, sorted and paged in SQL, with the count of all that match.
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

function conditions(projectId: number, filter: TripFilter): SQL {
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

const SORT_BY: Record<TripSortColumn, SQL> = {
	departure: sql`${participations.departure}`,
	person: sql`${participations.person}`,
	event: sql`coalesce(${participations.eventNumber}, 0)`,
	order: sql`${participations.orderNumber}`,
	status: sql`${participations.status}`
};

export async function tripRows(
	db: Queryable,
	projectId: number,
	filter: TripFilter,
	page = 1,
	sort: Sort<TripSortColumn> = { column: 'departure', descending: false }
): Promise<{ rows: TripRowView[]; count: number }> {
	const where = conditions(projectId, filter);
	const by = sort.descending ? desc : asc;
	const [total] = await db
		.select({ count: sql<string>`count(*)::text` })
		.from(participations)
		.where(where);
	const rows = await db
		.select({
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
		.where(where)
		.orderBy(by(SORT_BY[sort.column]), by(participations.id))
		.limit(TRIPS_PER_PAGE)
		.offset((Math.max(1, page) - 1) * TRIPS_PER_PAGE);
	return { rows, count: Number(total!.count) };
}

/** The events the trips are linked to: the filter bar's choices. */
export async function tripEvents(db: Queryable, projectId: number): Promise<number[]> {
	const rows = await db
		.selectDistinct({ event: participations.eventNumber })
		.from(participations)
		.where(and(conditions(projectId, {}), sql`${participations.eventNumber} is not null`))
		.orderBy(asc(participations.eventNumber));
	return rows.flatMap((r) => (r.event === null ? [] : [r.event]));
}
