// Thin: streams the uploaded export into the database, within the import's size limit.
import { formatBytes } from '$lib/i18n/import-messages';
import { cleanFileName, decodeHeaderName } from '$lib/domain/import/file-name';
import { m } from '$lib/paraglide/messages.js';
import { readImportLimit } from '$lib/server/config';
import { loadImportProject } from '$lib/server/import/import-project';
import { FileTooLargeError } from '$lib/server/import/store-source';
import { storeUpload } from '$lib/server/import/store-upload';
import { error, json } from '@sveltejs/kit';

export async function POST({ locals, params, request }) {
	const project = await loadImportProject(locals.db, params.code);
	if (!project) error(404);
	const name = cleanFileName(decodeHeaderName(request.headers.get('x-file-name') ?? ''));
	const limit = readImportLimit();
	try {
		const file = await storeUpload(locals.db, {
			name,
			// An empty file comes with no body at all; it is kept, and the check then says it is empty.
			body: request.body ?? new Blob([]).stream(),
			projectId: project.id,
			uploadedBy: locals.user!.email,
			limit
		});
		return json(file);
	} catch (e) {
		if (e instanceof FileTooLargeError) {
			error(413, m.import_fail_too_large({ limit: formatBytes(limit, locals.locale) }));
		}
		throw e;
	}
}
