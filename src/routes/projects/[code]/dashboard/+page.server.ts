// Thin: the project's dashboard figures, summed by the database.
import { can } from '$lib/domain/access';
import { officeToday } from '$lib/domain/format';
import { m } from '$lib/paraglide/messages.js';
import { projectDashboard } from '$lib/server/dashboard/project-dashboard';
import { error } from '@sveltejs/kit';

export const load = async ({ locals, params }) => {
	const dashboard = await projectDashboard(locals.db, params.code);
	if (!dashboard) error(404, m.project_not_found({ code: params.code }));
	return {
		dashboard,
		today: officeToday(),
		canImport: can(locals.user!.role, 'import:run')
	};
};
