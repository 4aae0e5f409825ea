/**
 * The project list: each project's headline figures and how many plan rules it breaks, worked
 * out once per project version (cache/figure-cache.ts); a project's row, with its definition, is
 * read only when its item is not cached.
 */
import { plannedMobilityTotal } from '$lib/domain/dashboard/figures';
import { checkPlan, type PlanEvent } from '$lib/domain/project/plan-checks';
import type { Role } from '$lib/domain/access';
import { asc, eq, inArray, sql } from 'drizzle-orm';
import type { Database } from '../db';
import { cachedPerProject, type ProjectAtVersion } from '../cache/figure-cache';
import { dataVersions, mobilityEvents, projectMembers, projects, yearPlans } from '../db/schema';

/** Whose list it is: admins see every project, others those they are members of. */
export interface Viewer {
	id: string | null;
	role: Role;
}

export interface ProjectListItem {
	code: string;
	title: { lv: string; en: string };
	period: { start: string; end: string };
	total: number;
	currency: string;
	events: number;
	mobilities: number;
	errors: number;
	warnings: number;
	updatedAt: string;
}

function groupBy<T>(rows: T[], key: (row: T) => number): Map<number, T[]> {
	const groups = new Map<number, T[]>();
	for (const row of rows) groups.set(key(row), [...(groups.get(key(row)) ?? []), row]);
	return groups;
}

/** A project the viewer may see: its code, and its id and data version for the caches. */
export interface VisibleProject extends ProjectAtVersion {
	code: string;
}

/** Admins see every project; others those they are members of. */
function visibleTo(db: Database, viewer: Viewer) {
	if (viewer.role === 'admin') return undefined;
	return inArray(
		projects.id,
		db
			.select({ id: projectMembers.projectId })
			.from(projectMembers)
			.where(eq(projectMembers.userId, viewer.id ?? ''))
	);
}

/** The projects the viewer may see, by code: one small query, no definitions read. */
export async function visibleProjects(db: Database, viewer: Viewer): Promise<VisibleProject[]> {
	const rows = await db
		.select({ id: projects.id, code: projects.code, version: dataVersions.version })
		.from(projects)
		.leftJoin(dataVersions, eq(dataVersions.projectId, projects.id))
		.where(visibleTo(db, viewer))
		.orderBy(asc(projects.code));
	return rows.map((r) => ({ id: r.id, code: r.code, version: r.version ?? undefined }));
}

/**
 * The projects the viewer may see, each at its data version, as one text (`id:version,…` by
 * id): what `visibleProjects` gives, worked into one value by the database, for a key that a
 * page is kept under. Null while a project has no version yet.
 */
export async function visibleVersions(db: Database, viewer: Viewer): Promise<string | null> {
	const [row] = await db
		.select({
			versions: sql<
				string | null
			>`string_agg(${projects.id} || ':' || ${dataVersions.version}, ',' order by ${projects.id})`,
			unversioned: sql<boolean | null>`bool_or(${dataVersions.version} is null)`
		})
		.from(projects)
		.leftJoin(dataVersions, eq(dataVersions.projectId, projects.id))
		.where(visibleTo(db, viewer));
	return row?.unversioned ? null : (row?.versions ?? '');
}

/** The list, each item with the project it is of. */
export async function listProjectsAt(
	db: Database,
	viewer: Viewer
): Promise<{ project: VisibleProject; item: ProjectListItem }[]> {
	const rows = await visibleProjects(db, viewer);
	// The plan checks run once per project version; their inputs are read for the misses alone.
	const items = await cachedPerProject(
		db,
		'project-list-item',
		rows,
		[],
		async (ids) =>
			new Map(
				[...(await planParts(db, ids))].map(([id, parts]) => [id, listItem(parts.project, parts)])
			),
		() => {
			throw new Error('a visible project is gone');
		}
	);
	return rows.map((project, i) => ({ project, item: items[i]! }));
}

export async function listProjects(db: Database, viewer: Viewer): Promise<ProjectListItem[]> {
	return (await listProjectsAt(db, viewer)).map((p) => p.item);
}

interface PlanParts {
	project: typeof projects.$inferSelect;
	years: (typeof yearPlans.$inferSelect)[];
	events: (typeof mobilityEvents.$inferSelect)[];
}

async function planParts(db: Database, ids: number[]): Promise<Map<number, PlanParts>> {
	const [rows, years, events] = await Promise.all([
		db.select().from(projects).where(inArray(projects.id, ids)),
		db.select().from(yearPlans).where(inArray(yearPlans.projectId, ids)),
		db.select().from(mobilityEvents).where(inArray(mobilityEvents.projectId, ids))
	]);
	const yearsOf = groupBy(years, (y) => y.projectId);
	const eventsOf = groupBy(events, (e) => e.projectId);
	return new Map(
		rows.map((project) => [
			project.id,
			{ project, years: yearsOf.get(project.id) ?? [], events: eventsOf.get(project.id) ?? [] }
		])
	);
}

function listItem(
	p: typeof projects.$inferSelect,
	parts: Omit<PlanParts, 'project'>
): ProjectListItem {
	const planEvents: PlanEvent[] = parts.events.map((e) => ({
		number: e.number,
		country: e.country,
		month: e.plannedMonth,
		representatives: e.plannedRepresentatives
	}));
	const findings = checkPlan({
		period: { start: p.periodStart, end: p.periodEnd },
		funding: {
			total: p.totalCents,
			eu: p.euCents,
			council: p.councilCents,
			years: parts.years.map((y) => ({
				year: y.year,
				prefinancing: y.prefinancingCents,
				cofinancing: y.cofinancingCents
			}))
		},
		events: planEvents,
		plannedMobilities: p.plannedMobilities ?? undefined
	});
	return {
		code: p.code,
		title: { lv: p.titleLv, en: p.titleEn },
		period: { start: p.periodStart, end: p.periodEnd },
		total: p.totalCents,
		currency: p.currency,
		events: planEvents.length,
		mobilities: plannedMobilityTotal({
			plannedMobilities: p.plannedMobilities,
			events: planEvents
		}),
		errors: findings.filter((f) => f.severity === 'error').length,
		warnings: findings.filter((f) => f.severity === 'warning').length,
		updatedAt: p.updatedAt.toISOString()
	};
}
