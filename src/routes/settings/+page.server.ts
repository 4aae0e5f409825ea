// Thin: the instance's letterhead (the municipality's name and logo) and the form that sets it.
import { fail } from '@sveltejs/kit';
import { loadLetterhead } from '$lib/server/settings/office';
import { saveLetterheadForm } from '$lib/server/settings/letterhead-form';

export const load = async ({ locals }) => {
	const letterhead = await loadLetterhead(locals.db);
	return {
		nameLv: letterhead?.nameLv ?? '',
		nameEn: letterhead?.nameEn ?? '',
		// Shown inline: the logo is at most 512 KB, and the page is for admins only.
		logo: letterhead?.logo
			? `data:${letterhead.logo.type};base64,${Buffer.from(letterhead.logo.bytes).toString('base64')}`
			: null,
		updatedBy: letterhead?.updatedBy ?? null,
		updatedAt: letterhead?.updatedAt.toISOString() ?? null
	};
};

export const actions = {
	default: async ({ locals, request }) => {
		const outcome = await saveLetterheadForm(locals.db, locals.user!, await request.formData());
		return outcome.ok ? { saved: true } : fail(400, { problem: outcome.problem });
	}
};
