// Thin: the template's name in the reader's language, for the breadcrumbs above its page.
import { textIn } from '$lib/domain/documents/parse-template';
import { usableTemplate } from '$lib/server/documents/template-failures';

export const load = async ({ locals, params }) => {
	try {
		const { template } = await usableTemplate(locals.db, params.id);
		return { templateName: textIn(template.parsed.definition.name, locals.locale) ?? params.id };
	} catch {
		// A template that does not parse (or is not there) is named by its id; the page says why.
		return { templateName: params.id };
	}
};
