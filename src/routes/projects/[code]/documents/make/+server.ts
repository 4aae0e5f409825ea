// Thin: makes a document, keeps it with its fingerprint, and hands it over as a download.
import { error } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages.js';
import { mayMakeTemplate } from '$lib/server/access/template-access';
import { documentProblem, readDocumentRequest } from '$lib/server/documents/document-form';
import { makeDocument } from '$lib/server/documents/make-document';
import { storeDocument } from '$lib/server/documents/store-document';

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
		const made = await makeDocument(
			locals.db,
			{ ...form.data, project: params.code },
			{ actor: locals.user! }
		);
		const stored = await storeDocument(locals.db, made, locals.user!);
		return new Response(new Uint8Array(made.pdf), {
			headers: {
				'content-type': 'application/pdf',
				'content-disposition': `attachment; filename*=UTF-8''${encodeURIComponent(made.fileName)}`,
				'x-content-sha256': made.sha256,
				'x-document-id': String(stored.id),
				'cache-control': 'no-store'
			}
		});
	} catch (cause) {
		const problem = documentProblem(cause, locals.locale);
		if (problem) error(problem.status, problem.text);
		throw cause;
	}
}
