// Thin: the editor's preview: an unsaved template text made into a PDF on a project the reader may read.
import { error } from '@sveltejs/kit';
import { z } from 'zod';
import { LOCALES } from '$lib/domain/locale';
import { TemplateError } from '$lib/domain/documents/parse-template';
import { templateProblemAt } from '$lib/i18n/template-messages';
import { m } from '$lib/paraglide/messages.js';
import { mayReadProject } from '$lib/server/access/project-access';
import { documentProblem } from '$lib/server/documents/document-form';
import { previewTemplateText } from '$lib/server/documents/preview-template';

const previewForm = z.object({
	source: z.string().min(1),
	project: z.string().regex(/^[A-Za-z0-9_-]{1,40}$/),
	lang: z.enum(LOCALES)
});

/** Plain text the editor's frame may show: an error page may not be framed. */
const text = (status: number, body: string) =>
	new Response(body, {
		status,
		headers: {
			'content-type': 'text/plain; charset=utf-8',
			'x-frame-options': 'SAMEORIGIN',
			'cache-control': 'no-store'
		}
	});

export async function POST({ locals, params, request }) {
	const form = await request.formData();
	const asked = previewForm.safeParse({
		source: String(form.get('source') ?? '').replace(/\r\n/g, '\n'),
		project: form.get('project'),
		lang: form.get('lang')
	});
	if (!asked.success) error(400, 'source, project and lang are needed');
	// The same answer for a project that does not exist and one the reader may not read.
	if (!(await mayReadProject(locals.db, locals.user!, asked.data.project)))
		return text(404, m.tpl_preview_no_project({ code: asked.data.project }));
	try {
		const pdf = await previewTemplateText(locals.db, {
			templateId: params.id,
			...asked.data
		});
		return new Response(new Uint8Array(pdf), {
			headers: {
				'content-type': 'application/pdf',
				'content-disposition': 'inline',
				'x-frame-options': 'SAMEORIGIN',
				'cache-control': 'no-store'
			}
		});
	} catch (cause) {
		if (cause instanceof TemplateError)
			return text(
				422,
				m.tpl_preview_problem({
					problem: templateProblemAt(cause.line, cause.issue, locals.locale)
				})
			);
		const problem = documentProblem(cause, locals.locale);
		if (!problem) throw cause;
		return text(problem.status, m.tpl_preview_problem({ problem: problem.text }));
	}
}
