// Thin: the expense rows behind a dashboard figure, with their source file and line.
import { can } from '$lib/domain/access';
import { m } from '$lib/paraglide/messages.js';
import { expenseRows, ROWS_PER_PAGE, type ExpenseFilter } from '$lib/server/dashboard/expense-rows';
import { importState } from '$lib/server/dashboard/import-state';
import { loadProject } from '$lib/server/projects/load-definition';
import { error } from '@sveltejs/kit';

export const load = async ({ locals, params, url }) => {
	const stored = await loadProject(locals.db, params.code);
	if (!stored) error(404, m.project_not_found({ code: params.code }));
	const q = url.searchParams;
	const year = Number(q.get('year'));
	const event = q.get('event');
	const filter: ExpenseFilter = {
		year: Number.isInteger(year) && year > 0 ? year : undefined,
		month: /^\d{4}-\d{2}$/.test(q.get('month') ?? '') ? q.get('month')! : undefined,
		category: q.has('category') ? q.get('category')! : undefined,
		event: event === 'none' ? 'none' : event && /^\d+$/.test(event) ? Number(event) : undefined,
		outside: q.get('outside') === 'true' ? stored.definition.period : undefined
	};
	const page = Math.max(1, Number(q.get('page')) || 1);
	const result = await expenseRows(locals.db, stored.id, filter, page);
	return {
		code: stored.definition.code,
		currency: stored.definition.currency,
		classification: stored.definition.classification,
		filter: { ...filter, outside: filter.outside !== undefined },
		page,
		pages: Math.max(1, Math.ceil(result.count / ROWS_PER_PAGE)),
		...result,
		canDownload: can(locals.user!.role, 'original:download'),
		imports: await importState(locals.db, stored.id),
		canImport: can(locals.user!.role, 'import:run')
	};
};
