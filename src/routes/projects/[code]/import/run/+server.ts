// Thin: checks the request, then streams the import's id, progress and report as NDJSON.
import { importRunSchema } from '$lib/domain/import/run-request';
import { readImportLimit } from '$lib/server/config';
import { loadImportProject } from '$lib/server/import/import-project';
import { streamImport } from '$lib/server/import/stream-import';
import { error } from '@sveltejs/kit';

export async function POST({ locals, params, request }) {
	const project = await loadImportProject(locals.db, params.code);
	if (!project) error(404);
	const parsed = importRunSchema.safeParse(await request.json().catch(() => null));
	if (!parsed.success)
		error(400, parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '));
	const { fileId, kind, mode, profile, skipRejected, without, assignments } = parsed.data;
	const user = locals.user!;
	const stream = streamImport(
		locals.db,
		{
			project,
			kind,
			input: { storedFileId: fileId },
			profile,
			actor: user,
			mode,
			skipRejected,
			without,
			assignments: new Map(
				Object.entries(assignments).map(([line, event]) => [Number(line), event])
			),
			limit: readImportLimit()
		},
		{ userId: user.id }
	);
	return new Response(stream, {
		headers: { 'content-type': 'application/x-ndjson; charset=utf-8', 'cache-control': 'no-store' }
	});
}
