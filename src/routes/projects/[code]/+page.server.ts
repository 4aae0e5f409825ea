// Thin: one project's definition and its plan check.
import { can } from '$lib/domain/access';
import { checkPlan } from '$lib/domain/project/plan-checks';
import { m } from '$lib/paraglide/messages.js';
import { importState } from '$lib/server/dashboard/import-state';
import { loadProject } from '$lib/server/projects/load-definition';
import { error } from '@sveltejs/kit';

export const load = async ({ locals, params, url }) => {
	const stored = await loadProject(locals.db, params.code);
	if (!stored) error(404, m.project_not_found({ code: params.code }));
	return {
		project: stored.definition,
		version: stored.version,
		findings: checkPlan(stored.definition),
		imports: await importState(locals.db, stored.id),
		saved: url.searchParams.get('saved'),
		// Membership is already checked by the access hook; the role decides the import button.
		canImport: can(locals.user!.role, 'import:run')
	};
};
