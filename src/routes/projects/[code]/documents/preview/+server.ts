// Thin: a document made for reading in the browser, not kept (Download keeps it).
import { error } from '@sveltejs/kit';
import { documentProblem, readDocumentRequest } from '$lib/server/documents/document-form';
import { makeDocument } from '$lib/server/documents/make-document';

export async function GET({ locals, params, url }) {
	const request = readDocumentRequest(url.searchParams);
	if (!request.success) error(400, 'template, lang and an optional date (YYYY-MM-DD) are needed');
	try {
		const made = await makeDocument(
			locals.db,
			{ ...request.data, project: params.code },
			{ actor: locals.user! }
		);
		return new Response(new Uint8Array(made.pdf), {
			headers: {
				'content-type': 'application/pdf',
				'content-disposition': `inline; filename*=UTF-8''${encodeURIComponent(made.fileName)}`,
				'x-frame-options': 'SAMEORIGIN',
				'cache-control': 'no-store'
			}
		});
	} catch (cause) {
		const problem = documentProblem(cause, locals.locale);
		if (!problem) throw cause;
		// Plain text the documents page's frame may show: an error page may not be framed.
		return new Response(problem.text, {
			status: problem.status,
			headers: {
				'content-type': 'text/plain; charset=utf-8',
				'x-frame-options': 'SAMEORIGIN',
				'cache-control': 'no-store'
			}
		});
	}
}
