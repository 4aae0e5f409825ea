/** Reads one project's definition, with the version the editor must send back. */
import type { ProjectDefinition } from '$lib/domain/project/definition';
import { eq } from 'drizzle-orm';
import type { Queryable } from '../db';
import { mobilityEvents, partners, projects, yearPlans } from '../db/schema';
import { definitionFromRows } from './definition-rows';

export interface StoredProject {
	id: number;
	version: number;
	updatedAt: Date;
	definition: ProjectDefinition;
}

export async function loadProject(db: Queryable, code: string): Promise<StoredProject | null> {
	const [project] = await db.select().from(projects).where(eq(projects.code, code));
	if (!project) return null;
	const [partnerList, years, events] = await Promise.all([
		db.select().from(partners).where(eq(partners.projectId, project.id)),
		db.select().from(yearPlans).where(eq(yearPlans.projectId, project.id)),
		db.select().from(mobilityEvents).where(eq(mobilityEvents.projectId, project.id))
	]);
	return {
		id: project.id,
		version: project.version,
		updatedAt: project.updatedAt,
		definition: definitionFromRows(project, partnerList, years, events)
	};
}
