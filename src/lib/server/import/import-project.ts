/** The little of a project an import needs: its id, code, currency and events. */
import { asc, eq } from 'drizzle-orm';
import type { Queryable } from '../db';
import { mobilityEvents, projects } from '../db/schema';
import type { ImportProjectRef } from './run-import';

export async function loadImportProject(
	db: Queryable,
	code: string
): Promise<ImportProjectRef | null> {
	const [project] = await db
		.select({ id: projects.id, code: projects.code, currency: projects.currency })
		.from(projects)
		.where(eq(projects.code, code));
	if (!project) return null;
	const events = await db
		.select({
			number: mobilityEvents.number,
			country: mobilityEvents.country,
			month: mobilityEvents.plannedMonth
		})
		.from(mobilityEvents)
		.where(eq(mobilityEvents.projectId, project.id))
		.orderBy(asc(mobilityEvents.number));
	return { ...project, events };
}
