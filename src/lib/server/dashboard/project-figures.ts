/**
 * A project's figures from the database's sums: spend per month, category and event from the sums
 * imports keep (see expense-sums.ts), and trips per event and status, over the live rows only.
 * The auditor's findings are summed the same way (finding-sums.ts). SQL does the adding up; JavaScript only shapes these few dozen sums into the figures.
 */
import { sql } from 'drizzle-orm';
import { officeToday } from '$lib/domain/format';
import { figuresSteps } from '$lib/domain/dashboard/plan-in-force';
import {
	projectFigures,
	type FiguresPlan,
	type ProjectFigures,
	type SpendRow,
	type TripSum
} from '$lib/domain/dashboard/figures';
import type { ProjectDefinition } from '$lib/domain/project/definition';
import { queryRows, type Queryable } from '../db';
import { findingSums } from './finding-sums';
import { listPlanVersions } from '../plans/plan-versions';
import { loadProject } from '../projects/load-definition';

/** The day whose plan in force the figures read (see plan-in-force.ts). */
export interface FiguresAsOf {
	/** YYYY-MM-DD: the office's today unless told. */
	asOf?: string;
}

export async function figuresFromSums(
	db: Queryable,
	projectId: number,
	plan: FiguresPlan,
	{ asOf = officeToday() }: FiguresAsOf = {}
): Promise<ProjectFigures> {
	const [spend, trips, versions, findings] = await Promise.all([
		queryRows<{
			month: string;
			category: string;
			event: number | null;
			cents: string;
			rows: string;
		}>(
			db,
			sql`select month, category, nullif(event, 0) as event, cents::text as cents, rows::text as rows
				from expense_sums where project_id = ${projectId}`
		),
		queryRows<{
			event: number | null;
			status: TripSum['status'];
			count: string;
			first: string | null;
			last: string | null;
		}>(
			db,
			sql`select event_number as event, status, count(*)::text as count,
					min(departure)::text as first, max(coalesce(return_date, departure))::text as last
				from participations where project_id = ${projectId} and reverted_at is null
				group by 1, 2`
		),
		listPlanVersions(db, projectId),
		findingSums(db, projectId)
	]);
	return projectFigures({
		plan,
		steps: figuresSteps(versions),
		asOf,
		spend: spend.map((s): SpendRow => ({
			month: s.month,
			category: s.category,
			event: s.event === null ? null : Number(s.event),
			cents: Number(s.cents),
			rows: Number(s.rows)
		})),
		trips: trips.map((t) => ({
			event: t.event === null ? null : Number(t.event),
			status: t.status,
			count: Number(t.count),
			first: t.first,
			last: t.last
		})),
		findings
	});
}

/** A project's plan and its figures, for `cofund summary`; null when there is no such project. */
export async function loadProjectFigures(
	db: Queryable,
	code: string,
	asOf?: FiguresAsOf
): Promise<{ definition: ProjectDefinition; figures: ProjectFigures } | null> {
	const stored = await loadProject(db, code);
	if (!stored) return null;
	return {
		definition: stored.definition,
		figures: await figuresFromSums(db, stored.id, stored.definition, asOf)
	};
}
