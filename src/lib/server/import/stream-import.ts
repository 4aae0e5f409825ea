/**
 * Runs an import for the web page and streams its progress as NDJSON: first the run's id, by
 * which its user can cancel it, then one line per progress step, then the result or the reason the
 * file was refused (a cancelled run ends with the 'cancelled' failure).
 *
 * When the browser goes away mid-way, a commit goes on: it is one transaction that finishes or
 * rolls back on its own, and the user who closed the tab may well expect it saved. A check, whose
 * only product is the report to the reader who left, is cancelled instead: on the embedded
 * database it would otherwise hold the one connection for nobody.
 */
import type { ImportFailure } from '$lib/domain/import/failures';
import type { ImportStreamEvent } from '$lib/domain/import/run-request';
import type { Database } from '../db';
import { ImportFileError } from './import-errors';
import { startRun } from './import-runs';
import { runImport, type ImportRequest, type ImportResult } from './run-import';

export type StreamEvent = ImportStreamEvent<ImportResult, ImportFailure>;

/** Progress lines at most this often; a large file would otherwise send thousands. */
const PROGRESS_EVERY_MS = 200;

export function streamImport(
	db: Database,
	request: Omit<ImportRequest, 'onProgress' | 'signal'>,
	owner: { userId: string }
): ReadableStream<Uint8Array> {
	const encoder = new TextEncoder();
	const run = startRun({ userId: owner.userId, projectId: request.project.id });
	let open = true;
	return new ReadableStream<Uint8Array>({
		start(controller) {
			const send = (event: StreamEvent) => {
				if (!open) return;
				try {
					controller.enqueue(encoder.encode(`${JSON.stringify(event)}\n`));
				} catch {
					open = false;
				}
			};
			send({ type: 'started', runId: run.id });
			let last = 0;
			runImport(db, {
				...request,
				signal: run.signal,
				onProgress: (p) => {
					const now = Date.now();
					if (now - last < PROGRESS_EVERY_MS && p.bytes < p.totalBytes) return;
					last = now;
					send({ type: 'progress', ...p });
				}
			})
				.then((result) => send({ type: 'result', result }))
				.catch((error: unknown) => {
					if (error instanceof ImportFileError) {
						send({ type: 'failure', failure: error.failure, result: error.result });
					} else {
						console.error('cofund: import failed', error);
						send({ type: 'failure', failure: { code: 'internal' } });
					}
				})
				.finally(() => {
					run.end();
					if (open) controller.close();
					open = false;
				});
		},
		cancel() {
			open = false;
			if (request.mode === 'dry-run') run.abort();
		}
	});
}
