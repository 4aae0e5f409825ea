// Thin: the original export of one import, byte for byte, with its SHA-256.
import { storedSource } from '$lib/server/import/byte-source';
import { findImport } from '$lib/server/import/list-imports';
import { loadImportProject } from '$lib/server/import/import-project';
import { error } from '@sveltejs/kit';
import { Readable } from 'node:stream';

export async function GET({ locals, params }) {
	const project = await loadImportProject(locals.db, params.code);
	const batch = project && (await findImport(locals.db, project.id, Number(params.id)));
	const source = batch && (await storedSource(locals.db, batch.sourceFileId));
	if (!source || !batch) error(404);
	const body = Readable.toWeb(Readable.from(source.read())) as ReadableStream<Uint8Array>;
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
