// Thin: what the import page needs, and saving a mapping profile.
import { mappingProfileSchema } from '$lib/domain/import/profile';
import { IMPORT_KINDS, type ImportKind } from '$lib/domain/import/fields';
import { countryName } from '$lib/domain/countries';
import { formatMonth } from '$lib/domain/format';
import { m } from '$lib/paraglide/messages.js';
import { readImportLimit } from '$lib/server/config';
import { listProfiles, saveProfile } from '$lib/server/import/mapping-profiles';
import { loadProject } from '$lib/server/projects/load-definition';
import { error, fail } from '@sveltejs/kit';

export const load = async ({ locals, params }) => {
	const stored = await loadProject(locals.db, params.code);
	if (!stored) error(404, m.project_not_found({ code: params.code }));
	const { code, currency, title, events } = stored.definition;
	const locale = locals.locale;
	return {
		code,
		currency,
		title,
		events: events.map((e) => ({
			number: e.number,
			label: `${e.number}. ${countryName(e.country, locale, e.countryName)}, ${formatMonth(e.month, locale)}`
		})),
		profiles: await listProfiles(locals.db),
		limit: readImportLimit()
	};
};

export const actions = {
	saveProfile: async ({ locals, request }) => {
		const form = await request.formData();
		const name = String(form.get('name') ?? '').trim();
		const kind = String(form.get('kind') ?? '') as ImportKind;
		let profile: unknown;
		try {
			profile = JSON.parse(String(form.get('profile') ?? '{}'));
		} catch {
			profile = null;
		}
		const parsed = mappingProfileSchema.safeParse(profile);
		if (!name || !IMPORT_KINDS.includes(kind) || !parsed.success) {
			const detail = parsed.success ? m.issue_required() : (parsed.error.issues[0]?.message ?? '');
			return fail(400, { profileError: m.import_profile_invalid({ detail }) });
		}
		await saveProfile(locals.db, { name, kind, profile: parsed.data }, locals.user!);
		return { profileSaved: name };
	}
};
