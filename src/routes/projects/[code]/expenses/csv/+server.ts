// Thin: every expense row of the project as CSV in the reader's dialect, streamed, with its file and line.
import { error } from '@sveltejs/kit';
import { Readable } from 'node:stream';
import { expensesCsv } from '$lib/server/dashboard/expenses-csv';
import { loadProject } from '$lib/server/projects/load-definition';

export async function GET({ locals, params }) {
	const project = await loadProject(locals.db, params.code);
	if (!project) error(404);
	const { classification } = project.definition;
	const rows = expensesCsv(locals.db, project.id, locals.locale, classification);
	const body = Readable.toWeb(Readable.from(rows));
	return new Response(body as ReadableStream<Uint8Array>, {
		headers: {
			'content-type': 'text/csv; charset=utf-8',
			'content-disposition': `attachment; filename="${project.definition.code}-expenses.csv"`,
			'cache-control': 'no-store'
		}
	});
}
