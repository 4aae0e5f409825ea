/**
 * The council's register over the projects a reader may see, from their adopted plan versions,
 * read once per project data version (cache/figure-cache.ts).
 */
import { asc, inArray } from 'drizzle-orm';
import { councilRegister, type CouncilRegister } from '$lib/domain/plan/council-register';
import type { PlanVersion } from '$lib/domain/plan/plan-versions';
import type { Database, Queryable } from '../db';
import { planVersions } from '../db/schema';
import { cachedOver, cachedPerProject } from '../cache/figure-cache';
import { listProjectsAt, type Viewer } from '../projects/list-projects';
import { versionFromRow } from './plan-versions';

/** Every version of each of these projects (by id), in the order recorded: one query for all. */
export async function versionsOfProjects(
	db: Queryable,
	ids: readonly number[]
): Promise<Map<number, PlanVersion[]>> {
	const versions = new Map<number, PlanVersion[]>(ids.map((id) => [id, []]));
	if (ids.length === 0) return versions;
	const rows = await db
		.select()
		.from(planVersions)
		.where(inArray(planVersions.projectId, [...ids]))
		.orderBy(asc(planVersions.projectId), asc(planVersions.number));
	for (const row of rows) versions.get(row.projectId)?.push(versionFromRow(row));
	return versions;
}

export async function councilRegisterFor(db: Database, viewer: Viewer): Promise<CouncilRegister> {
	const listed = await listProjectsAt(db, viewer);
	return cachedOver(
		db,
		'council-register',
		listed.map((l) => l.project),
		[],
		() => registerOf(db, listed)
	);
}

async function registerOf(
	db: Database,
	listed: Awaited<ReturnType<typeof listProjectsAt>>
): Promise<CouncilRegister> {
	// Each project's versions are read once per data version, those missed in one query.
	const versions = await cachedPerProject(
		db,
		'plan-versions',
		listed.map((l) => l.project),
		[],
		(ids) => versionsOfProjects(db, ids),
		() => []
	);
	return councilRegister(
		listed.map(({ item }, i) => ({
			code: item.code,
			title: item.title,
			currency: item.currency,
			versions: versions[i]!
		}))
	);
}
