// Thin: the project's document templates, the form to preview or make one, and those made so far.
import { error } from '@sveltejs/kit';
import { canOnProject } from '$lib/domain/access';
import { m } from '$lib/paraglide/messages.js';
import { isMember } from '$lib/server/auth/users';
import { listDocuments } from '$lib/server/documents/list-documents';
import { today } from '$lib/server/documents/make-document';
import { templateSummaries } from '$lib/server/documents/template-summaries';
import { loadProject } from '$lib/server/projects/load-definition';
import { readDocumentRequest } from '$lib/server/documents/document-form';

export const load = async ({ locals, params, url }) => {
	const stored = await loadProject(locals.db, params.code);
	if (!stored) error(404, m.project_not_found({ code: params.code }));
	const user = locals.user!;
	const templates = await templateSummaries(locals.db, locals.locale);
	const asked = readDocumentRequest(url.searchParams);
	const member = await isMember(locals.db, params.code, user.id);
	return {
		code: stored.definition.code,
		templates,
		preview: asked.success ? asked.data : null,
		today: today(),
		documents: await listDocuments(locals.db, stored.id),
		canMake: canOnProject(user.role, 'document:generate', member)
	};
};
