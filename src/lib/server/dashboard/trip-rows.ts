/** The trips behind a mobility figure, each with the travel-order file and line it came from. */
import { and, asc, eq, isNull, type SQL } from 'drizzle-orm';
import type { Queryable } from '../db';
import { importBatches, participations } from '../db/schema';

export interface TripFilter {
	event?: number | undefined;
	status?: 'done' | 'cancelled' | undefined;
}

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

/** Trips per project are tens or hundreds, so they come in one list, ordered by departure. */
export async function tripRows(
	db: Queryable,
	projectId: number,
	filter: TripFilter
): Promise<TripRowView[]> {
	const parts: SQL[] = [eq(participations.projectId, projectId), isNull(participations.revertedAt)];
	if (filter.event !== undefined) parts.push(eq(participations.eventNumber, filter.event));
	if (filter.status !== undefined) parts.push(eq(participations.status, filter.status));
	return db
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
		.where(and(...parts))
		.orderBy(asc(participations.departure), asc(participations.line))
		.limit(5000);
}
