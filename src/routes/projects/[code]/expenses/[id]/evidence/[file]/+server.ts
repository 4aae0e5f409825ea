// Thin: an evidence file of an expense's thread, byte for byte, with its SHA-256; refused if altered.
import { error } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages.js';
import { AlteredBytesError, checkedOriginal } from '$lib/server/audit/checked-download';
import { evidenceFile } from '$lib/server/control/finding-read';
import { storedSource } from '$lib/server/import/byte-source';
import { loadImportProject } from '$lib/server/import/import-project';

export async function GET({ locals, params }) {
	const project = await loadImportProject(locals.db, params.code);
	const id = Number(params.id);
	const file =
		project &&
		Number.isSafeInteger(id) &&
		(await evidenceFile(locals.db, project.id, id, params.file));
	const source = file && (await storedSource(locals.db, file.id));
	if (!file || !source) error(404);
	let body: ReadableStream<Uint8Array>;
	try {
		body = await checkedOriginal(source, file.sha256);
	} catch (failure) {
		if (failure instanceof AlteredBytesError)
			error(409, m.finding_evidence_altered({ sha256: file.sha256 }));
		throw failure;
	}
	return new Response(body, {
		headers: {
			'content-type': 'application/octet-stream',
			'content-length': String(source.size),
			'content-disposition': `attachment; filename*=UTF-8''${encodeURIComponent(file.name)}`,
			'x-content-sha256': file.sha256,
			'cache-control': 'no-store'
		}
	});
}
