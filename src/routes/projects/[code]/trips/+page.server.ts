// Thin: the trips behind a mobility figure, with their source file and line.
import { can } from '$lib/domain/access';
import { m } from '$lib/paraglide/messages.js';
import { tripRows, type TripFilter } from '$lib/server/dashboard/trip-rows';
import { importState } from '$lib/server/dashboard/import-state';
import { loadProject } from '$lib/server/projects/load-definition';
import { error } from '@sveltejs/kit';

export const load = async ({ locals, params, url }) => {
	const stored = await loadProject(locals.db, params.code);
	if (!stored) error(404, m.project_not_found({ code: params.code }));
	const event = url.searchParams.get('event');
	const status = url.searchParams.get('status');
	const filter: TripFilter = {
		event: event && /^\d+$/.test(event) ? Number(event) : undefined,
		status: status === 'done' || status === 'cancelled' ? status : undefined
	};
	return {
		code: stored.definition.code,
		filter,
		rows: await tripRows(locals.db, stored.id, filter),
		canDownload: can(locals.user!.role, 'original:download'),
		imports: await importState(locals.db, stored.id),
		canImport: can(locals.user!.role, 'import:run')
	};
};
