// Thin: the project's expense rows as the URL filters, sorts and pages them, with their source file and line.
import { DOWNLOAD_ORIGINAL, mayUse, RUN_IMPORT } from '$lib/server/access/offered-actions';
import { m } from '$lib/paraglide/messages.js';
import { expenseSort, readExpenseQuery } from '$lib/domain/tables/expense-query';
import {
	expenseChoices,
	expenseFilter,
	expenseRows,
	ROWS_PER_PAGE
} from '$lib/server/dashboard/expense-rows';
import { importState } from '$lib/server/dashboard/import-state';
import { loadProject } from '$lib/server/projects/load-definition';
import { error } from '@sveltejs/kit';

export const load = async ({ locals, params, url }) => {
	const stored = await loadProject(locals.db, params.code);
	if (!stored) error(404, m.project_not_found({ code: params.code }));
	const query = readExpenseQuery(url.searchParams);
	const filter = expenseFilter(query, stored.definition.period);
	const [result, choices] = await Promise.all([
		expenseRows(locals.db, stored.id, filter, query.page, expenseSort(query)),
		expenseChoices(locals.db, stored.id)
	]);
	return {
		code: stored.definition.code,
		currency: stored.definition.currency,
		classification: stored.definition.classification,
		query,
		choices,
		pages: Math.max(1, Math.ceil(result.count / ROWS_PER_PAGE)),
		...result,
		canDownload: await mayUse(locals.db, locals.user!, DOWNLOAD_ORIGINAL, params.code),
		imports: await importState(locals.db, stored.id),
		canImport: await mayUse(locals.db, locals.user!, RUN_IMPORT, params.code)
	};
};
