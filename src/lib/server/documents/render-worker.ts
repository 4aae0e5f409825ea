/**
 * The entry of a render worker thread: it takes one document at a time from the main thread,
 * renders it with `renderJob` and answers with the PDF's bytes or the error, as plain values.
 * Imported on the main thread only for its own address (`workerUrl`), so that the built app
 * finds this module wherever the bundler put it; the rendering code loads in the worker alone.
 */
import { isMainThread, parentPort, workerData } from 'node:worker_threads';
import type { BudgetKind } from '$lib/domain/documents/render-budget';
import type { TemplateIssue } from '$lib/domain/documents/template-issue';
import type { RenderInput } from './render-job';

export const workerUrl = import.meta.url;

/** What the worker answers; a TemplateError keeps its fields so the main thread can rebuild it. */
export type RenderReply =
	| { ok: true; pdf: Uint8Array }
	| {
			ok: false;
			error:
				| {
						type: 'template';
						file: string;
						line: number;
						problem: string;
						budget?: { kind: BudgetKind; limit: number } | undefined;
						issue: TemplateIssue;
				  }
				| { type: 'error'; message: string };
	  };

export const WORKER_ROLE = 'cofund-render';

async function serve(port: NonNullable<typeof parentPort>): Promise<void> {
	const { yieldToReaders } = await import('./render-priority');
	yieldToReaders();
	const { renderJob } = await import('./render-job');
	const { TemplateError } = await import('$lib/domain/documents/parse-template');
	const render = async (input: RenderInput) => {
		let reply: RenderReply;
		try {
			// Copied out of pdfkit's buffer so that exactly its bytes move to the main thread.
			const pdf = new Uint8Array(await renderJob(input));
			port.postMessage({ ok: true, pdf } satisfies RenderReply, [pdf.buffer]);
			return;
		} catch (error) {
			reply = {
				ok: false,
				error:
					error instanceof TemplateError
						? {
								type: 'template',
								file: error.file,
								line: error.line,
								problem: error.problem,
								budget: error.budget,
								issue: error.issue
							}
						: { type: 'error', message: error instanceof Error ? error.message : String(error) }
			};
		}
		port.postMessage(reply);
	};
	// Messages sent while the modules above loaded wait in the port until this listener starts it.
	port.on('message', (input: RenderInput) => void render(input));
}

if (!isMainThread && parentPort && workerData === WORKER_ROLE) void serve(parentPort);
