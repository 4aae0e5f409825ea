// Thin: the project's document templates, the form to preview or make one, and those made so far.
import { error } from '@sveltejs/kit';
import { documentSort, readDocumentQuery } from '$lib/domain/tables/history-query';
import { m } from '$lib/paraglide/messages.js';
import { makeableTemplates } from '$lib/server/access/template-access';
import { DOCUMENTS_PER_PAGE, listDocuments } from '$lib/server/documents/list-documents';
import { today } from '$lib/server/documents/make-document';
import { templateSummaries } from '$lib/server/documents/template-summaries';
import { loadProject } from '$lib/server/projects/load-definition';
import { readDocumentRequest } from '$lib/server/documents/document-form';
import { planOptions } from '$lib/domain/documents/document-plan';
import { listPlanVersions } from '$lib/server/plans/plan-versions';

export const load = async ({ locals, params, url }) => {
	const stored = await loadProject(locals.db, params.code);
	if (!stored) error(404, m.project_not_found({ code: params.code }));
	const user = locals.user!;
	const templates = await templateSummaries(locals.db, locals.locale);
	const asked = readDocumentRequest(url.searchParams);
	const query = readDocumentQuery(url.searchParams);
	const [made, makeable, versions] = await Promise.all([
		listDocuments(locals.db, stored.id, query, query.page, documentSort(query)),
		makeableTemplates(
			locals.db,
			user,
			templates.map((t) => t.id),
			params.code
		),
		listPlanVersions(locals.db, stored.id)
	]);
	return {
		code: stored.definition.code,
		templates,
		preview: asked.success ? asked.data : null,
		today: today(),
		query,
		...made,
		pages: Math.max(1, Math.ceil(made.count / DOCUMENTS_PER_PAGE)),
		makeable,
		plans: planOptions(versions)
	};
};
