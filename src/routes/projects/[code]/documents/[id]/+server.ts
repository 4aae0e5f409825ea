// Thin: a kept document, byte for byte, with its SHA-256.
import { error } from '@sveltejs/kit';
import { storedPdf } from '$lib/server/documents/list-documents';
import { loadProject } from '$lib/server/projects/load-definition';

export async function GET({ locals, params }) {
	const project = await loadProject(locals.db, params.code);
	const id = /^\d{1,9}$/.test(params.id) ? Number(params.id) : null;
	const stored = project && id !== null && (await storedPdf(locals.db, project.id, id));
	if (!stored) error(404);
	return new Response(new Uint8Array(stored.pdf), {
		headers: {
			'content-type': 'application/pdf',
			'content-disposition': `attachment; filename*=UTF-8''${encodeURIComponent(stored.fileName)}`,
			'x-content-sha256': stored.sha256,
			'cache-control': 'no-store'
		}
	});
}
