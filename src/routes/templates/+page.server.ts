// Thin: the document templates, their newest versions, and who may edit them.
import { can } from '$lib/domain/access';
import { textIn } from '$lib/domain/documents/parse-template';
import { currentTemplate, listTemplates } from '$lib/server/documents/template-store';

export const load = async ({ locals }) => {
	const templates = await Promise.all(
		(await listTemplates(locals.db)).map(async ({ id }) => {
			try {
				const t = await currentTemplate(locals.db, id);
				return {
					id,
					name: textIn(t.parsed.definition.name, locals.locale) ?? id,
					version: t.version,
					origin: t.origin,
					createdBy: t.createdBy,
					createdAt: t.createdAt,
					problem: null
				};
			} catch (cause) {
				return {
					id,
					name: id,
					version: 0,
					origin: 'file' as const,
					createdBy: '',
					createdAt: null,
					problem: (cause as Error).message
				};
			}
		})
	);
	return { templates, canEdit: can(locals.user!.role, 'template:edit') };
};
