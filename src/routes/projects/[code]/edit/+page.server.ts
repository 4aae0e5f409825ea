// Thin: load a project into the editor; save what it posts.
import { toDefinitionInput } from '$lib/domain/project/definition-input';
import { toEditorInput } from '$lib/domain/project/editor-input';
import { m } from '$lib/paraglide/messages.js';
import { loadProject } from '$lib/server/projects/load-definition';
import { saveFromEditor } from '$lib/server/projects/save-from-editor';
import { error, fail, redirect } from '@sveltejs/kit';

export const load = async ({ locals, params }) => {
	const stored = await loadProject(locals.db, params.code);
	if (!stored) error(404, m.project_not_found({ code: params.code }));
	const input = toEditorInput(toDefinitionInput(stored.definition), {
		decimalComma: locals.locale === 'lv'
	});
	return { input, version: stored.version };
};

export const actions = {
	default: async ({ locals, params, request }) => {
		const form = await request.formData();
		const target = { mode: 'update', code: params.code } as const;
		const outcome = await saveFromEditor(locals.db, form, target, locals.user!);
		if (!outcome.ok) return fail(outcome.httpStatus, { failure: outcome.failure });
		redirect(303, `/projects/${outcome.code}?saved=${outcome.status}`);
	}
};
