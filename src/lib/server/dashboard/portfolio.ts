/**
 * The council portfolio over the projects a viewer may see, from a handful of SQL sums of live
 * rows, the auditor's findings among them (finding-sums.ts); each project's figures worked out
 * once per data version (cache/figure-cache.ts).
 */
import { inArray, sql } from 'drizzle-orm';
import { officeMonth, officeToday } from '$lib/domain/format';
import { figuresSteps, yearsInForce } from '$lib/domain/dashboard/plan-in-force';
import {
	buildPortfolio,
	type Portfolio,
	type PortfolioInput
} from '$lib/domain/dashboard/portfolio';
import type { Cents } from '$lib/domain/money';
import { queryRows, type Database } from '../db';
import { cachedOver, cachedPerProject } from '../cache/figure-cache';
import { yearPlans } from '../db/schema';
import { controlInputsOf } from './finding-sums';
import { versionsOfProjects } from '../plans/council-register';
import { listProjectsAt, type Viewer } from '../projects/list-projects';

/** What the portfolio shows of one project beside its list item: its figures, cached per version. */
type ProjectFigures = Omit<
	PortfolioInput,
	'code' | 'title' | 'currency' | 'plan' | 'mobilityPlanned' | 'planErrors'
>;

export async function portfolio(
	db: Database,
	viewer: Viewer,
	thisMonth = officeMonth(),
	/** YYYY-MM-DD: the day whose plans in force the years add up. */
	today = officeToday()
): Promise<Portfolio> {
	const listed = await listProjectsAt(db, viewer);
	// The whole portfolio once per combination of the projects' versions, the day and the month.
	return cachedOver(
		db,
		'portfolio',
		listed.map((l) => l.project),
		[thisMonth, today],
		async () => {
			if (listed.length === 0) return buildPortfolio([]);
			const items = listed.map((l) => l.item);
			const figures = await cachedPerProject(
				db,
				'portfolio-figures',
				listed.map((l) => l.project),
				[thisMonth, today],
				(missed) => projectFigures(db, missed, thisMonth, today),
				() => {
					throw new Error('a listed project has no figures');
				}
			);
			return buildPortfolio(
				items.map((item, i) => ({
					code: item.code,
					title: item.title,
					currency: item.currency,
					plan: item.total,
					mobilityPlanned: item.mobilities,
					planErrors: item.errors,
					...figures[i]!
				}))
			);
		}
	);
}

/** The figures of these projects, from a handful of SQL sums over all of them at once. */
async function projectFigures(
	db: Database,
	ids: number[],
	thisMonth: string,
	today: string
): Promise<Map<number, ProjectFigures>> {
	const idList = sql.join(
		ids.map((id) => sql`${id}`),
		sql`, `
	);
	const [plans, versions, spend, trips, behind, control] = await Promise.all([
		db.select().from(yearPlans).where(inArray(yearPlans.projectId, ids)),
		versionsOfProjects(db, ids),
		queryRows<{ project: number; year: number; cents: string }>(
			db,
			sql`select project_id as project, substr(month, 1, 4)::int as year,
					sum(cents)::text as cents
				from expense_sums where project_id in (${idList}) group by 1, 2`
		),
		queryRows<{ project: number; done: string }>(
			db,
			sql`select project_id as project, count(*)::text as done
				from participations
				where project_id in (${idList}) and reverted_at is null and status = 'done' group by 1`
		),
		queryRows<{ project: number; events: string }>(
			db,
			sql`select e.project_id as project, count(*)::text as events
				from mobility_events e
				left join (
					select project_id, event_number, count(*) as done from participations
					where status = 'done' and reverted_at is null and project_id in (${idList})
					group by 1, 2
				) p on p.project_id = e.project_id and p.event_number = e.number
				where e.project_id in (${idList}) and e.planned_month < ${thisMonth}
					and coalesce(p.done, 0) < e.planned_representatives
				group by 1`
		),
		controlInputsOf(db, ids)
	]);
	const spendOf = new Map<number, Map<number, Cents>>();
	for (const row of spend) {
		const years = spendOf.get(Number(row.project)) ?? new Map<number, Cents>();
		years.set(Number(row.year), Number(row.cents));
		spendOf.set(Number(row.project), years);
	}
	const doneOf = new Map(trips.map((t) => [Number(t.project), Number(t.done)]));
	const behindOf = new Map(behind.map((b) => [Number(b.project), Number(b.events)]));
	return new Map(
		ids.map((id) => [
			id,
			{
				// The plan in force today (the project's rows hold the latest; they differ only
				// while a decision dated ahead of today waits to take effect).
				years:
					yearsInForce(figuresSteps(versions.get(id) ?? []), today) ??
					plans
						.filter((p) => p.projectId === id)
						.map((p) => ({
							year: p.year,
							prefinancing: p.prefinancingCents,
							cofinancing: p.cofinancingCents
						})),
				actualByYear: spendOf.get(id) ?? new Map(),
				mobilityDone: doneOf.get(id) ?? 0,
				eventsBehind: behindOf.get(id) ?? 0,
				declared: control.get(id)?.declared ?? [],
				findings: control.get(id)?.findings ?? []
			}
		])
	);
}
