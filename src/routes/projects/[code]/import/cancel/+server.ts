// Thin: cancels an import run that this user (or, for an admin, anyone) started on the project.
import { importCancelSchema } from '$lib/domain/import/run-request';
import { loadImportProject } from '$lib/server/import/import-project';
import { cancelRun } from '$lib/server/import/import-runs';
import { error, json } from '@sveltejs/kit';

export async function POST({ locals, params, request }) {
	const project = await loadImportProject(locals.db, params.code);
	if (!project) error(404);
	const parsed = importCancelSchema.safeParse(await request.json().catch(() => null));
	if (!parsed.success) error(400, 'runId');
	const outcome = cancelRun(parsed.data.runId, project.id, locals.user!);
	if (outcome === 'not-found') error(404);
	if (outcome === 'forbidden') error(403);
	return json({ cancelled: true });
}
