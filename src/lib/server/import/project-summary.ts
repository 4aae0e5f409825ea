/** Sums a project's imported actuals (the live rows) in the database and sets them beside its plan. */
import { sql } from 'drizzle-orm';
import { buildSummary, type ProjectSummary } from '$lib/domain/summary';
import { queryRows, type Queryable } from '../db';
import { loadProject } from '../projects/load-definition';

export async function projectSummary(db: Queryable, code: string): Promise<ProjectSummary | null> {
	const stored = await loadProject(db, code);
	if (!stored) return null;
	const id = stored.id;
	const expenseSums = await queryRows<{
		year: number;
		category: string;
		event: number | null;
		cents: string;
	}>(
		db,
		sql`select extract(year from date)::int as year, category, event_number as event,
				sum(amount_cents)::text as cents
			from expenses where project_id = ${id} and reverted_at is null
			group by 1, 2, 3`
	);
	const trips = await queryRows<{
		event: number | null;
		status: 'done' | 'cancelled';
		count: string;
	}>(
		db,
		sql`select event_number as event, status, count(*)::text as count
			from participations where project_id = ${id} and reverted_at is null
			group by 1, 2`
	);
	return buildSummary(
		stored.definition,
		expenseSums.map((s) => ({
			year: Number(s.year),
			category: s.category,
			event: s.event === null ? null : Number(s.event),
			cents: Number(s.cents)
		})),
		trips.map((t) => ({
			event: t.event === null ? null : Number(t.event),
			status: t.status,
			count: Number(t.count)
		}))
	);
}
