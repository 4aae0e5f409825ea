// Thin: makes a document as a Word file and hands it over; not kept, the PDF is the record.
import { error } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages.js';
import { mayMakeTemplate } from '$lib/server/access/template-access';
import { documentProblem, readDocumentRequest } from '$lib/server/documents/document-form';
import { makeDocx } from '$lib/server/documents/make-document';

export async function POST({ locals, params, request }) {
	const form = readDocumentRequest(await request.formData());
	if (!form.success) error(400, 'template, lang and an optional date (YYYY-MM-DD) are needed');
	const { template } = form.data;
	if (!(await mayMakeTemplate(locals.db, locals.user!, template, params.code)))
		error(
			403,
			m.control_report_forbidden({ template, code: params.code }, { locale: locals.locale })
		);
	try {
		const made = await makeDocx(
			locals.db,
			{ ...form.data, project: params.code },
			{ actor: locals.user! }
		);
		return new Response(new Uint8Array(made.docx), {
			headers: {
				'content-type': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
				'content-disposition': `attachment; filename*=UTF-8''${encodeURIComponent(made.fileName)}`,
				'x-content-sha256': made.sha256,
				'cache-control': 'no-store'
			}
		});
	} catch (cause) {
		const problem = documentProblem(cause, locals.locale);
		if (problem) error(problem.status, problem.text);
		throw cause;
	}
}
