// Thin: a project's import history as the URL filters, sorts and pages it, and reverting one import.
import { m } from '$lib/paraglide/messages.js';
import { importSort, readImportQuery } from '$lib/domain/tables/history-query';
import { DOWNLOAD_ORIGINAL, offeredActions, RUN_IMPORT } from '$lib/server/access/offered-actions';
import { loadImportProject } from '$lib/server/import/import-project';
import { importHistoryPage, IMPORTS_PER_PAGE } from '$lib/server/import/list-imports';
import { revertImport } from '$lib/server/import/revert-import';
import { error, fail } from '@sveltejs/kit';

export const load = async ({ locals, params, url }) => {
	const project = await loadImportProject(locals.db, params.code);
	if (!project) error(404, m.project_not_found({ code: params.code }));
	const query = readImportQuery(url.searchParams);
	const [history, offered] = await Promise.all([
		importHistoryPage(locals.db, project.id, query, query.page, importSort(query)),
		offeredActions(
			locals.db,
			locals.user!,
			{
				canImport: RUN_IMPORT,
				canRevert: { route: '/projects/[code]/imports', method: 'POST', search: '?/revert' },
				canDownload: DOWNLOAD_ORIGINAL
			},
			params.code
		)
	]);
	return {
		code: project.code,
		currency: project.currency,
		query,
		...history,
		pages: Math.max(1, Math.ceil(history.count / IMPORTS_PER_PAGE)),
		...offered
	};
};

export const actions = {
	revert: async ({ locals, params, request }) => {
		const project = await loadImportProject(locals.db, params.code);
		const batch = Number((await request.formData()).get('batch'));
		if (!project || !Number.isSafeInteger(batch))
			return fail(404, { revertFailed: batch, closedPeriod: null, findings: 0 });
		const result = await revertImport(locals.db, batch, project.id, locals.user!);
		if (result.status === 'closed-period')
			return fail(409, { revertFailed: batch, closedPeriod: result.failure, findings: 0 });
		if (result.status === 'has-findings')
			return fail(409, { revertFailed: batch, closedPeriod: null, findings: result.rows });
		if (result.status !== 'reverted')
			return fail(409, { revertFailed: batch, closedPeriod: null, findings: 0 });
		return { reverted: result };
	}
};
