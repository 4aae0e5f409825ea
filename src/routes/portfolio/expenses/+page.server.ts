// Thin: the expense rows behind a portfolio figure, over every project the reader may see, as the URL
// filters, sorts and pages them (the projects' own expense table's schema).
import { can } from '$lib/domain/access';
import { expenseSort, readExpenseQuery } from '$lib/domain/tables/expense-query';
import {
	expenseChoices,
	expenseFilter,
	expenseRows,
	ROWS_PER_PAGE
} from '$lib/server/dashboard/expense-rows';
import { listProjects } from '$lib/server/projects/list-projects';
import { projects } from '$lib/server/db/schema';
import { inArray } from 'drizzle-orm';

export const load = async ({ locals, url }) => {
	const query = readExpenseQuery(url.searchParams);
	const visible = (await listProjects(locals.db, locals.user!)).map((p) => p.code);
	const chosen = query.project ? visible.filter((code) => code === query.project) : visible;
	const ids = chosen.length
		? (
				await locals.db
					.select({ id: projects.id })
					.from(projects)
					.where(inArray(projects.code, chosen))
			).map((p) => p.id)
		: [];
	const [result, choices] = await Promise.all([
		expenseRows(locals.db, ids, expenseFilter(query), query.page, expenseSort(query)),
		expenseChoices(locals.db, ids)
	]);
	return {
		query,
		projects: visible,
		choices,
		pages: Math.max(1, Math.ceil(result.count / ROWS_PER_PAGE)),
		...result,
		canDownload: can(locals.user!.role, 'original:download')
	};
};
