/**
 * Runs an import for the web page and streams its progress as NDJSON: one line per progress step,
 * then the result or the reason the file was refused. The import does not stop if the browser
 * goes away mid-way: a commit is one transaction and finishes or rolls back on its own.
 */
import type { ImportFailure } from '$lib/domain/import/failures';
import type { ImportStreamEvent } from '$lib/domain/import/run-request';
import type { Database } from '../db';
import { ImportFileError } from './import-errors';
import { runImport, type ImportRequest, type ImportResult } from './run-import';

export type StreamEvent = ImportStreamEvent<ImportResult, ImportFailure>;

/** Progress lines at most this often; a large file would otherwise send thousands. */
const PROGRESS_EVERY_MS = 200;

export function streamImport(
	db: Database,
	request: Omit<ImportRequest, 'onProgress'>
): ReadableStream<Uint8Array> {
	const encoder = new TextEncoder();
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
			let last = 0;
			const run = runImport(db, {
				...request,
				onProgress: (p) => {
					const now = Date.now();
					if (now - last < PROGRESS_EVERY_MS && p.bytes < p.totalBytes) return;
					last = now;
					send({ type: 'progress', ...p });
				}
			});
			run
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
					if (open) controller.close();
					open = false;
				});
		},
		cancel() {
			open = false;
		}
	});
}
