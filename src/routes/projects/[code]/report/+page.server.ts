// Thin: the final report's narrative texts of a project, and the form that saves one part of them.
import { error, fail } from '@sveltejs/kit';
import { countryName } from '$lib/domain/countries';
import { m } from '$lib/paraglide/messages.js';
import { loadProject } from '$lib/server/projects/load-definition';
import { listNarratives } from '$lib/server/report/narratives';
import { saveNarrativeForm } from '$lib/server/report/narrative-form';

export const load = async ({ locals, params }) => {
	const stored = await loadProject(locals.db, params.code);
	if (!stored) error(404, m.project_not_found({ code: params.code }));
	const { definition } = stored;
	return {
		code: definition.code,
		events: [...definition.events]
			.sort((a, b) => a.number - b.number)
			.map((e) => ({
				number: e.number,
				place: e.city || countryName(e.country, locals.locale, e.countryName)
			})),
		texts: await listNarratives(locals.db, params.code)
	};
};

export const actions = {
	default: async ({ locals, params, request }) => {
		const outcome = await saveNarrativeForm(
			locals.db,
			locals.user!,
			params.code,
			await request.formData()
		);
		return outcome.ok ? outcome : fail(400, outcome);
	}
};
