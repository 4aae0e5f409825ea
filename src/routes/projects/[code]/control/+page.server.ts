// Thin: the samples drawn on a project with their progress, and the form that draws one.
import { m } from '$lib/paraglide/messages.js';
import { mayUse } from '$lib/server/access/offered-actions';
import { drawAction, samplesOverview, suggestSeed } from '$lib/server/control/sample-form';
import { projectIdOf } from '$lib/server/control/samples';
import { error } from '@sveltejs/kit';

const DRAW = { route: '/projects/[code]/control', method: 'POST', search: '?/draw' } as const;

async function project(db: App.Locals['db'], code: string) {
	const id = await projectIdOf(db, code);
	if (id === null) error(404, m.project_not_found({ code }));
	return id;
}

export const load = async ({ locals, params }) => ({
	code: params.code,
	samples: await samplesOverview(locals.db, await project(locals.db, params.code)),
	canDraw: await mayUse(locals.db, locals.user!, DRAW, params.code),
	seed: suggestSeed()
});

export const actions = {
	draw: async ({ locals, params, request }) =>
		drawAction(locals, params.code, await project(locals.db, params.code), request)
};
