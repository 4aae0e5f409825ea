// Thin: the project's document templates, the form to preview or make one, and those made so far.
import { error } from '@sveltejs/kit';
import { canOnProject } from '$lib/domain/access';
import { pick } from '$lib/domain/locale';
import { textIn } from '$lib/domain/documents/parse-template';
import { m } from '$lib/paraglide/messages.js';
import { isMember } from '$lib/server/auth/users';
import { listDocuments } from '$lib/server/documents/list-documents';
import { today } from '$lib/server/documents/make-document';
import { currentTemplate, listTemplates } from '$lib/server/documents/template-store';
import { loadProject } from '$lib/server/projects/load-definition';
import { readDocumentRequest } from '$lib/server/documents/document-form';

export const load = async ({ locals, params, url }) => {
	const stored = await loadProject(locals.db, params.code);
	if (!stored) error(404, m.project_not_found({ code: params.code }));
	const user = locals.user!;
	const locale = locals.locale;
	const templates = await Promise.all(
		(await listTemplates(locals.db)).map(async ({ id }) => {
			try {
				const t = await currentTemplate(locals.db, id);
				const { definition } = t.parsed;
				return {
					id,
					version: t.version,
					name: textIn(definition.name, locale) ?? id,
					description: definition.description ? (textIn(definition.description, locale) ?? '') : '',
					languages: definition.languages,
					problem: null
				};
			} catch (cause) {
				return {
					id,
					version: 0,
					name: id,
					description: '',
					languages: [],
					problem: String((cause as Error).message)
				};
			}
		})
	);
	const asked = readDocumentRequest(url.searchParams);
	const member = await isMember(locals.db, params.code, user.id);
	return {
		code: stored.definition.code,
		title: pick(stored.definition.title, locale),
		templates,
		preview: asked.success ? asked.data : null,
		today: today(),
		documents: await listDocuments(locals.db, stored.id),
		canMake: canOnProject(user.role, 'document:generate', member)
	};
};
