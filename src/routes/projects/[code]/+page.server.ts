// Thin: one project's definition, its plan check and the council's decisions on its plan.
import { can } from '$lib/domain/access';
import { officeToday } from '$lib/domain/format';
import { checkPlan } from '$lib/domain/project/plan-checks';
import { m } from '$lib/paraglide/messages.js';
import { mayUse, PREPARE_AMENDMENT } from '$lib/server/access/offered-actions';
import { importState } from '$lib/server/dashboard/import-state';
import { projectHistory } from '$lib/server/plans/plan-history';
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
		canImport: can(locals.user!.role, 'import:run'),
		history: (await projectHistory(locals.db, params.code, officeToday())) ?? [],
		canAmend: await mayUse(locals.db, locals.user!, PREPARE_AMENDMENT, params.code)
	};
};
