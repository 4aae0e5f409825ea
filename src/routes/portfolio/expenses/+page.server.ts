// Thin: the expense rows behind a portfolio figure, over every project the reader may see.
import { can } from '$lib/domain/access';
import { expenseRows, ROWS_PER_PAGE } from '$lib/server/dashboard/expense-rows';
import { listProjects } from '$lib/server/projects/list-projects';
import { projects } from '$lib/server/db/schema';
import { inArray } from 'drizzle-orm';

export const load = async ({ locals, url }) => {
	const visible = (await listProjects(locals.db, locals.user!)).map((p) => p.code);
	const ids = visible.length
		? (
				await locals.db
					.select({ id: projects.id })
					.from(projects)
					.where(inArray(projects.code, visible))
			).map((p) => p.id)
		: [];
	const year = Number(url.searchParams.get('year'));
	const filter = { year: Number.isInteger(year) && year > 0 ? year : undefined };
	const page = Math.max(1, Number(url.searchParams.get('page')) || 1);
	const result = await expenseRows(locals.db, ids, filter, page);
	return {
		filter,
		page,
		pages: Math.max(1, Math.ceil(result.count / ROWS_PER_PAGE)),
		...result,
		canDownload: can(locals.user!.role, 'original:download')
	};
};
