// Thin: a project's import history, and reverting one import.
import { can } from '$lib/domain/access';
import { m } from '$lib/paraglide/messages.js';
import { loadImportProject } from '$lib/server/import/import-project';
import { listImports } from '$lib/server/import/list-imports';
import { revertImport } from '$lib/server/import/revert-import';
import { error, fail } from '@sveltejs/kit';

export const load = async ({ locals, params }) => {
	const project = await loadImportProject(locals.db, params.code);
	if (!project) error(404, m.project_not_found({ code: params.code }));
	const role = locals.user!.role;
	return {
		code: project.code,
		currency: project.currency,
		entries: await listImports(locals.db, project.id),
		canImport: can(role, 'import:run'),
		canRevert: can(role, 'import:revert'),
		canDownload: can(role, 'original:download')
	};
};

export const actions = {
	revert: async ({ locals, params, request }) => {
		const project = await loadImportProject(locals.db, params.code);
		const batch = Number((await request.formData()).get('batch'));
		if (!project || !Number.isSafeInteger(batch)) return fail(404, { revertFailed: batch });
		const result = await revertImport(locals.db, batch, project.id, locals.user!);
		if (result.status !== 'reverted') return fail(409, { revertFailed: batch });
		return { reverted: result };
	}
};
