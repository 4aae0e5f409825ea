// Thin: the user's drafts of new projects; keep one (from the editor), or discard one.
import { DRAFT_MAX_BYTES } from '$lib/domain/project/editor-draft';
import { discardDraft, draftId, keepDraft, listDrafts } from '$lib/server/projects/drafts';
import { fail } from '@sveltejs/kit';

export const load = async ({ locals }) => ({
	drafts: await listDrafts(locals.db, locals.user!.id)
});

function parsed(text: FormDataEntryValue | null): unknown {
	if (typeof text !== 'string' || text.length > DRAFT_MAX_BYTES) return undefined;
	try {
		return JSON.parse(text);
	} catch {
		return undefined;
	}
}

export const actions = {
	keep: async ({ locals, request }) => {
		const form = await request.formData();
		const id = draftId(form.get('draftId'));
		const kept = await keepDraft(locals.db, locals.user!, parsed(form.get('draft')), id);
		return kept === null ? fail(400, { kept: null }) : { kept };
	},
	discard: async ({ locals, request }) => {
		const id = draftId((await request.formData()).get('draftId'));
		if (id === undefined || !(await discardDraft(locals.db, locals.user!, id)))
			return fail(404, { discarded: false });
		return { discarded: true };
	}
};
