// Thin: a blank editor, or a kept draft reopened; saving creates the project, never overwrites
// one, and ends the draft it continued. Keeping a draft posts to /projects/drafts.
import { emptyEditorInput } from '$lib/domain/project/editor-input';
import { m } from '$lib/paraglide/messages.js';
import { discardDraft, draftId, loadDraft } from '$lib/server/projects/drafts';
import { saveFromEditor } from '$lib/server/projects/save-from-editor';
import { error, fail, redirect } from '@sveltejs/kit';

export const load = async ({ locals, url }) => {
	const draft = draftId(url.searchParams.get('draft'));
	if (draft === undefined) return { input: emptyEditorInput(), draft };
	const input = await loadDraft(locals.db, locals.user!.id, draft);
	if (!input) error(404, m.st_draft_not_found());
	return { input, draft };
};

export const actions = {
	default: async ({ locals, request }) => {
		const form = await request.formData();
		const outcome = await saveFromEditor(locals.db, form, { mode: 'create' }, locals.user!);
		if (!outcome.ok) return fail(outcome.httpStatus, { failure: outcome.failure });
		const draft = draftId(form.get('draftId'));
		if (draft !== undefined) await discardDraft(locals.db, locals.user!, draft);
		redirect(303, `/projects/${outcome.code}?saved=${outcome.status}`);
	}
};
