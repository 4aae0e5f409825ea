// Thin: the original export of one import, byte for byte, with its SHA-256; refused if altered.
import { m } from '$lib/paraglide/messages.js';
import { AlteredBytesError, checkedOriginal } from '$lib/server/audit/checked-download';
import { storedSource } from '$lib/server/import/byte-source';
import { findImport } from '$lib/server/import/list-imports';
import { loadImportProject } from '$lib/server/import/import-project';
import { error } from '@sveltejs/kit';

export async function GET({ locals, params }) {
	const project = await loadImportProject(locals.db, params.code);
	const batch = project && (await findImport(locals.db, project.id, Number(params.id)));
	const source = batch && (await storedSource(locals.db, batch.sourceFileId));
	if (!source || !batch) error(404);
	let body: ReadableStream<Uint8Array>;
	try {
		body = await checkedOriginal(source, batch.sha256);
	} catch (failure) {
		if (failure instanceof AlteredBytesError) {
			error(409, m.download_altered({ sha256: batch.sha256 }));
		}
		throw failure;
	}
	return new Response(body, {
		headers: {
			'content-type': 'application/octet-stream',
			'content-length': String(source.size),
			'content-disposition': `attachment; filename*=UTF-8''${encodeURIComponent(batch.fileName)}`,
			'x-content-sha256': batch.sha256,
			'cache-control': 'no-store'
		}
	});
}
