// Thin: one sample as the list the auditor works through, and the check of drawing it again.
import { m } from '$lib/paraglide/messages.js';
import { redrawAction, sampleDetail } from '$lib/server/control/sample-form';
import { projectIdOf } from '$lib/server/control/samples';
import { error } from '@sveltejs/kit';

async function sampleOf(db: App.Locals['db'], code: string, number: string) {
	const id = await projectIdOf(db, code);
	if (id === null) error(404, m.project_not_found({ code }));
	if (!/^[1-9]\d{0,8}$/.test(number)) error(404, m.sample_not_found({ code, number }));
	return { id, number: Number(number) };
}

export const load = async ({ locals, params }) => {
	const { id, number } = await sampleOf(locals.db, params.code, params.number);
	const sample = await sampleDetail(locals.db, id, number, locals.locale);
	if (!sample) error(404, m.sample_not_found({ code: params.code, number: params.number }));
	return { code: params.code, sample };
};

export const actions = {
	redraw: async ({ locals, params }) => {
		const { id, number } = await sampleOf(locals.db, params.code, params.number);
		const checked = await redrawAction(locals.db, id, number, locals.locale);
		if (!checked) error(404, m.sample_not_found({ code: params.code, number: params.number }));
		return checked;
	}
};
