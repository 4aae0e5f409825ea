/**
 * Whether a reader may make a template's documents for a project: any one of the template's
 * permissions (template-access.ts), decided by the same `decide()` as every route.
 */
import { templatePermissions } from '$lib/domain/documents/template-access';
import type { Database } from '../db';
import type { Viewer } from './authorize';
import { decideFor } from './project-access';

export async function mayMakeTemplate(
	db: Database,
	viewer: Viewer,
	template: string,
	code: string
): Promise<boolean> {
	for (const permission of templatePermissions(template))
		if ((await decideFor(db, viewer, { permission, project: 'code' }, code)) === 'allow')
			return true;
	return false;
}

/** The ones of these templates the reader may make for the project. */
export async function makeableTemplates(
	db: Database,
	viewer: Viewer,
	templates: readonly string[],
	code: string
): Promise<string[]> {
	const allowed = await Promise.all(templates.map((t) => mayMakeTemplate(db, viewer, t, code)));
	return templates.filter((_, i) => allowed[i]);
}
