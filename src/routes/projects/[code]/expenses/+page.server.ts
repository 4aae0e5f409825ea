// Thin: the project's expense rows as the URL filters, sorts and pages them, with their source file and line.
import { DOWNLOAD_ORIGINAL, mayUse, RUN_IMPORT } from '$lib/server/access/offered-actions';
import { m } from '$lib/paraglide/messages.js';
import { readExpenseQuery } from '$lib/domain/tables/expense-query';
import { ROWS_PER_PAGE } from '$lib/server/dashboard/expense-rows';
import { expensePage } from '$lib/server/dashboard/expense-page';
import { error } from '@sveltejs/kit';

export const load = async ({ locals, params, url }) => {
	const query = readExpenseQuery(url.searchParams);
	const [page, canDownload, canImport] = await Promise.all([
		expensePage(locals.db, params.code, query),
		mayUse(locals.db, locals.user!, DOWNLOAD_ORIGINAL, params.code),
		mayUse(locals.db, locals.user!, RUN_IMPORT, params.code)
	]);
	if (!page) error(404, m.project_not_found({ code: params.code }));
	const { definition } = page.project;
	return {
		code: definition.code,
		currency: definition.currency,
		classification: definition.classification,
		query,
		choices: page.choices,
		pages: Math.max(1, Math.ceil(page.count / ROWS_PER_PAGE)),
		rows: page.rows,
		count: page.count,
		totalCents: page.totalCents,
		canDownload,
		imports: page.imports,
		canImport
	};
};
