// Thin: the projects this user may see, with their headline figures.
import { can } from '$lib/domain/access';
import { listProjects } from '$lib/server/projects/list-projects';

export const load = async ({ locals }) => {
	const user = locals.user!;
	return {
		projects: await listProjects(locals.db, user),
		canCreate: can(user.role, 'project:create')
	};
};
