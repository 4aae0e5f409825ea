// Thin: a blank editor; saving creates the project, never overwrites one.
import { emptyEditorInput } from '$lib/domain/project/editor-input';
import { saveFromEditor } from '$lib/server/projects/save-from-editor';
import { fail, redirect } from '@sveltejs/kit';

export const load = () => ({ input: emptyEditorInput() });

export const actions = {
	default: async ({ locals, request }) => {
		const form = await request.formData();
		const outcome = await saveFromEditor(locals.db, form, { mode: 'create' }, locals.user!);
		if (!outcome.ok) return fail(outcome.httpStatus, { failure: outcome.failure });
		redirect(303, `/projects/${outcome.code}?saved=${outcome.status}`);
	}
};
