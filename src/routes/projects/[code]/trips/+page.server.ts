// Thin: the project's trips as the URL filters, sorts and pages them, with their source file and line.
import { DOWNLOAD_ORIGINAL, mayUse, RUN_IMPORT } from '$lib/server/access/offered-actions';
import { m } from '$lib/paraglide/messages.js';
import { readTripQuery, tripSort } from '$lib/domain/tables/trip-query';
import { tripEvents, tripRows, TRIPS_PER_PAGE } from '$lib/server/dashboard/trip-rows';
import { importState } from '$lib/server/dashboard/import-state';
import { loadProject } from '$lib/server/projects/load-definition';
import { error } from '@sveltejs/kit';

export const load = async ({ locals, params, url }) => {
	const stored = await loadProject(locals.db, params.code);
	if (!stored) error(404, m.project_not_found({ code: params.code }));
	const query = readTripQuery(url.searchParams);
	const [result, events] = await Promise.all([
		tripRows(locals.db, stored.id, query, query.page, tripSort(query)),
		tripEvents(locals.db, stored.id)
	]);
	return {
		code: stored.definition.code,
		query,
		events,
		...result,
		pages: Math.max(1, Math.ceil(result.count / TRIPS_PER_PAGE)),
		canDownload: await mayUse(locals.db, locals.user!, DOWNLOAD_ORIGINAL, params.code),
		imports: await importState(locals.db, stored.id),
		canImport: await mayUse(locals.db, locals.user!, RUN_IMPORT, params.code)
	};
};
