// Thin: the project's expense rows as the table's URL filters and sorts them (every page) as CSV in the
// reader's dialect, streamed, with their file and line.
import { error } from '@sveltejs/kit';
import { Readable } from 'node:stream';
import { expenseSort, readExpenseQuery } from '$lib/domain/tables/expense-query';
import { expenseFilter } from '$lib/server/dashboard/expense-rows';
import { expensesCsv } from '$lib/server/dashboard/expenses-csv';
import { loadProject } from '$lib/server/projects/load-definition';

export async function GET({ locals, params, url }) {
	const project = await loadProject(locals.db, params.code);
	if (!project) error(404);
	const { classification, period } = project.definition;
	const query = readExpenseQuery(url.searchParams);
	const filter = expenseFilter(query, period);
	const rows = expensesCsv(locals.db, project.id, locals.locale, {
		codeNames: classification,
		filter,
		sort: expenseSort(query)
	});
	const body = Readable.toWeb(Readable.from(rows));
	return new Response(body as ReadableStream<Uint8Array>, {
		headers: {
			'content-type': 'text/csv; charset=utf-8',
			'content-disposition': `attachment; filename="${project.definition.code}-expenses.csv"`,
			'cache-control': 'no-store'
		}
	});
}
