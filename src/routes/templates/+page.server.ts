// Thin: the document templates, their newest versions, and who may edit them.
import { can } from '$lib/domain/access';
import { templateSummaries } from '$lib/server/documents/template-summaries';

export const load = async ({ locals }) => ({
	templates: await templateSummaries(locals.db, locals.locale),
	canEdit: can(locals.user!.role, 'template:edit')
});
