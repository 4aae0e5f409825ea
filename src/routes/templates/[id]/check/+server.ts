// Thin: the editor's lint: every problem of an unsaved template text, each at its line, in the reader's language.
import { json } from '@sveltejs/kit';
import { templateIssueText } from '$lib/i18n/template-messages';
import { checkTemplateText } from '$lib/server/documents/preview-template';

export async function POST({ locals, params, request }) {
	const source = String((await request.formData()).get('source') ?? '').replace(/\r\n/g, '\n');
	const check = checkTemplateText(params.id, source);
	return json(
		check.ok
			? { problems: [] }
			: {
					problems: check.problems.map(({ line, issue }) => ({
						line,
						message: templateIssueText(issue, locals.locale)
					}))
				},
		{ headers: { 'cache-control': 'no-store' } }
	);
}
