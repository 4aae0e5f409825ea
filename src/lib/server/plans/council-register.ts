/** The council's register over the projects a reader may see, from their adopted plan versions. */
import { asc, inArray } from 'drizzle-orm';
import { councilRegister, type CouncilRegister } from '$lib/domain/plan/council-register';
import type { PlanVersion } from '$lib/domain/plan/plan-versions';
import type { Database, Queryable } from '../db';
import { planVersions, projects } from '../db/schema';
import { listProjects, type Viewer } from '../projects/list-projects';
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
	const items = await listProjects(db, viewer);
	if (items.length === 0) return councilRegister([]);
	const ids = await db
		.select({ id: projects.id, code: projects.code })
		.from(projects)
		.where(
			inArray(
				projects.code,
				items.map((i) => i.code)
			)
		);
	const idOf = new Map(ids.map((p) => [p.code, p.id]));
	const versions = await versionsOfProjects(
		db,
		ids.map((p) => p.id)
	);
	return councilRegister(
		items.map((item) => ({
			code: item.code,
			title: item.title,
			currency: item.currency,
			versions: versions.get(idOf.get(item.code)!) ?? []
		}))
	);
}
