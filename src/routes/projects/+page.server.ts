// Thin: the projects this user may see, with their headline figures; their drafts; and, on a
// new office, the first-run guide.
import { can } from '$lib/domain/access';
import { listDrafts } from '$lib/server/projects/drafts';
import { firstRun } from '$lib/server/projects/first-run';
import { listProjects } from '$lib/server/projects/list-projects';

export const load = async ({ locals }) => {
	const user = locals.user!;
	const canCreate = can(user.role, 'project:create');
	const projects = await listProjects(locals.db, user);
	return {
		projects,
		canCreate,
		drafts: canCreate ? await listDrafts(locals.db, user.id) : [],
		guide: await firstRun(locals.db, user, projects)
	};
};
