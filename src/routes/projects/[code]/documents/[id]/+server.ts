// Thin: a kept document, byte for byte, with its SHA-256; refused if its bytes were altered.
import { error } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages.js';
import { sha256Of } from '$lib/server/audit/checked-download';
import { storedPdf } from '$lib/server/documents/list-documents';
import { loadProject } from '$lib/server/projects/load-definition';

export async function GET({ locals, params }) {
	const project = await loadProject(locals.db, params.code);
	const id = /^\d{1,9}$/.test(params.id) ? Number(params.id) : null;
	const stored = project && id !== null && (await storedPdf(locals.db, project.id, id));
	if (!stored) error(404);
	// The PDF is read whole from its row anyway, so it is checked before a byte is sent.
	if (sha256Of(stored.pdf) !== stored.sha256) {
		error(409, m.download_altered({ sha256: stored.sha256 }));
	}
	return new Response(new Uint8Array(stored.pdf), {
		headers: {
			'content-type': 'application/pdf',
			'content-disposition': `attachment; filename*=UTF-8''${encodeURIComponent(stored.fileName)}`,
			'x-content-sha256': stored.sha256,
			'cache-control': 'no-store'
		}
	});
}
