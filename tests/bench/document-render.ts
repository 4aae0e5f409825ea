/**
 * One document rendered alone in this process, for `bench:documents`: it reads a render's input
 * (as `prepareDocument` made it) or a bare pdfmake definition from the file named on the command
 * line, renders it as the render worker does, and prints one line of JSON: time, size, SHA-256
 * and this process's peak resident memory, which so holds one document's render and Node's own
 * baseline (printed too), nothing else.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import type { TDocumentDefinitions } from 'pdfmake/interfaces';
import { renderJob, type RenderInput } from '$lib/server/documents/render-job';
import { renderPdf } from '$lib/server/documents/render-pdf';

export type RenderFile =
	{ job: RenderInput } | { definition: TDocumentDefinitions; creationDate: string };

export interface RenderResult {
	ms: number;
	bytes: number;
	sha256: string;
	baselineMb: number;
	peakMb: number;
}

const file = JSON.parse(readFileSync(process.argv[2]!, 'utf8')) as RenderFile;
const baselineMb = process.memoryUsage().rss / 1024 / 1024;
const started = performance.now();
const pdf =
	'job' in file
		? await renderJob(file.job)
		: await renderPdf({
				...file.definition,
				info: { ...file.definition.info, creationDate: new Date(file.creationDate) }
			});
const ms = performance.now() - started;
const result: RenderResult = {
	ms,
	bytes: pdf.length,
	sha256: createHash('sha256').update(pdf).digest('hex'),
	baselineMb,
	peakMb: process.resourceUsage().maxRSS / 1024
};
console.log(JSON.stringify(result));
