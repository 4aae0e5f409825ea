/**
 * Everything a project's dashboard shows: the project's figures (from the database's sums, see
 * project-figures.ts) and the alerts, whose one extra count, the rows dated outside the period,
 * the monthly sums cannot tell. All over the live rows: a reverted import's rows count nowhere.
 */
import { sql } from 'drizzle-orm';
import { officeMonth, officeToday } from '$lib/domain/format';
import { proposeAmendment } from '$lib/domain/plan/amendment-proposal';
import { projectAlerts, type Alert } from '$lib/domain/dashboard/alerts';
import type { ProjectFigures } from '$lib/domain/dashboard/figures';
import type { ProjectDefinition } from '$lib/domain/project/definition';
import type { EventProgress } from '$lib/domain/dashboard/event-progress';
import { cachedFigure, projectVersion } from '../cache/figure-cache';
import { queryRows, type Queryable } from '../db';
import { loadProject } from '../projects/load-definition';
import { importState, type ImportState } from './import-state';
import { figuresFromSums } from './project-figures';

export type { EventProgress };

export interface ProjectDashboard extends ProjectFigures {
	definition: ProjectDefinition;
	alerts: Alert[];
	/** The live imports per kind: with none, the dashboard shows its empty state. */
	imports: ImportState;
}

/** The dashboard as cached under the project's data version (see cache/figure-cache.ts). */
export async function projectDashboard(
	db: Queryable,
	code: string,
	thisMonth = officeMonth(),
	today = officeToday()
): Promise<ProjectDashboard | null> {
	const project = await projectVersion(db, code);
	if (!project) return null;
	return cachedFigure(db, 'dashboard', project, [thisMonth, today], () =>
		workOutDashboard(db, code, thisMonth, today)
	);
}

async function workOutDashboard(
	db: Queryable,
	code: string,
	/** YYYY-MM: the month the alerts count as now (events planned before it should have happened). */
	thisMonth = officeMonth(),
	/**
	 * YYYY-MM-DD: the day whose plan in force the years are set against, and from which the
	 * amendment proposal forecasts the year under way.
	 */
	today = officeToday()
): Promise<ProjectDashboard | null> {
	const stored = await loadProject(db, code);
	if (!stored) return null;
	const { id, definition } = stored;
	const { period } = definition;

	const [figures, imports, [outside]] = await Promise.all([
		figuresFromSums(db, id, definition, { asOf: today }),
		importState(db, id),
		queryRows<{ count: string; cents: string }>(
			db,
			// Rows outside the period come from a short range scan of the (project, date) index:
			// the period's ends fall mid-month, which the monthly sums cannot tell.
			sql`select count(*)::text as count, coalesce(sum(amount_cents), 0)::text as cents
				from expenses where project_id = ${id} and reverted_at is null
					and (date < ${period.start} or date > ${period.end})`
		)
	]);

	// The same proposal the amendment page makes, from these same figures.
	const proposal = proposeAmendment(definition, figures.years, today);
	return {
		definition,
		...figures,
		imports,
		alerts: projectAlerts({
			years: figures.years,
			events: definition.events.map((e) => ({ number: e.number, month: e.month })),
			mobility: figures.mobilityByEvent,
			outsidePeriod: { count: Number(outside!.count), cents: Number(outside!.cents) },
			unassigned: { count: figures.unassigned.rows, cents: figures.unassigned.cents },
			thisMonth,
			tripsRecorded: figures.mobility.completed + figures.mobility.cancelled,
			amendment: proposal?.years ?? []
		})
	};
}
