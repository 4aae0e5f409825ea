// Thin: one import as it was committed, with the rejected rows it skipped and its control sums.
import { m } from '$lib/paraglide/messages.js';
import { loadBatchReport } from '$lib/server/import/batch-report';
import { loadImportProject } from '$lib/server/import/import-project';
import { error } from '@sveltejs/kit';

export const load = async ({ locals, params }) => {
	const project = await loadImportProject(locals.db, params.code);
	if (!project) error(404, m.project_not_found({ code: params.code }));
	const batch = await loadBatchReport(locals.db, project.id, Number(params.id));
	if (!batch) error(404, m.cli_revert_not_found({ batch: params.id, code: project.code }));
	return { code: project.code, currency: project.currency, ...batch };
};
