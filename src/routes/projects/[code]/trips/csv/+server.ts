// Thin: the project's trips as the table's URL filters and sorts them (every page) as CSV in the
// reader's dialect, streamed, with their file and line.
import { error } from '@sveltejs/kit';
import { Readable } from 'node:stream';
import { readTripQuery, tripSort } from '$lib/domain/tables/trip-query';
import { tripsCsv } from '$lib/server/dashboard/trips-csv';
import { loadProject } from '$lib/server/projects/load-definition';

export async function GET({ locals, params, url }) {
	const project = await loadProject(locals.db, params.code);
	if (!project) error(404);
	const query = readTripQuery(url.searchParams);
	const rows = tripsCsv(locals.db, project.id, locals.locale, {
		filter: query,
		sort: tripSort(query)
	});
	const body = Readable.toWeb(Readable.from(rows));
	return new Response(body as ReadableStream<Uint8Array>, {
		headers: {
			'content-type': 'text/csv; charset=utf-8',
			'content-disposition': `attachment; filename="${project.definition.code}-trips.csv"`,
			'cache-control': 'no-store'
		}
	});
}
