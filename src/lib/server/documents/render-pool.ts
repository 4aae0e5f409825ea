/**
 * Renders documents off the main event loop: each render runs in a worker thread with a memory
 * cap (`resourceLimits`) and a time cap, so a template that exhausts either fails only its own
 * request and the server keeps answering. Idle workers are kept a while for the next render and
 * never keep the process alive; at most `RENDER_WORKERS` renders run at once, the rest queue.
 *
 * The worker's entry is `render-worker.ts`. In the built app it is a module of its own in the
 * server bundle, found by the address it reports; from the sources (Vitest, the CLI, `vite dev`)
 * the worker first registers tsx with the project's tsconfig, as the CLI does, then loads it.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { TemplateError } from '$lib/domain/documents/parse-template';
import { fromPackageRoot } from '../package-root';
import type { RenderInput } from './render-job';
import type { RenderReply } from './render-worker';

export interface WorkerLimits {
	/** The worker's heap (V8 old generation), in MB. */
	memoryMb: number;
	/** The whole render (template, charts, PDF layout), in milliseconds. */
	timeoutMs: number;
}

/**
 * Well above what the largest report allowed needs: laid out a part at a time (`pdf-parts`), the
 * final report with 20,000 expense rows is made within a 192 MB heap, in 19 s on the 2-core
 * development machine; the time cap is some ten times that.
 */
export const WORKER_LIMITS: WorkerLimits = { memoryMb: 512, timeoutMs: 180_000 };
export const RENDER_WORKERS = 2;
const IDLE_MS = 60_000;

export type RenderFailureKind = 'memory' | 'timeout' | 'crashed';

/** The worker, not the template's text, stopped: out of memory, out of time, or it died. */
export class DocumentRenderError extends Error {
	constructor(
		readonly kind: RenderFailureKind,
		/** MB for memory, ms for time, none for a crash. */
		readonly limit: number | null,
		detail = ''
	) {
		super(
			kind === 'memory'
				? `the render needed more than ${limit} MB of memory and was stopped`
				: kind === 'timeout'
					? `the render took more than ${(limit ?? 0) / 1000} s and was stopped`
					: `the render stopped unexpectedly${detail ? `: ${detail}` : ''}`
		);
		this.name = 'DocumentRenderError';
	}
}

let entry: Promise<{ url: string; eval: boolean; code: string }> | undefined;

/** tsx's programmatic API, found through tsx's own exports map. */
function tsxApi(): string {
	const manifestPath = createRequire(import.meta.url).resolve('tsx/package.json');
	const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as {
		exports: Record<string, { import: { default: string } }>;
	};
	return pathToFileURL(join(dirname(manifestPath), manifest.exports['./esm/api']!.import.default))
		.href;
}

function workerEntry() {
	entry ??= import('./render-worker').then(({ workerUrl }) => {
		if (!workerUrl.endsWith('.ts')) return { url: workerUrl, eval: false, code: '' };
		const tsconfig = fromPackageRoot('tsconfig.json');
		const code = `(async () => {
			const { register } = await import(${JSON.stringify(tsxApi())});
			register({ tsconfig: ${JSON.stringify(tsconfig)} });
			await import(${JSON.stringify(workerUrl)});
		})();`;
		return { url: workerUrl, eval: true, code };
	});
	return entry;
}

interface Idle {
	worker: Worker;
	memoryMb: number;
	timer: NodeJS.Timeout;
}
const idle: Idle[] = [];
let running = 0;
const queue: (() => void)[] = [];

async function spawn(limits: WorkerLimits): Promise<Worker> {
	const { WORKER_ROLE } = await import('./render-worker');
	const found = await workerEntry();
	const worker = new Worker(found.eval ? found.code : new URL(found.url), {
		eval: found.eval,
		workerData: WORKER_ROLE,
		execArgv: [],
		resourceLimits: { maxOldGenerationSizeMb: limits.memoryMb }
	});
	// A worker that dies while idle is forgotten; its error must not become the process's.
	worker.on('error', () => {});
	worker.on('exit', () => forget(worker));
	return worker;
}

function forget(worker: Worker): void {
	const at = idle.findIndex((w) => w.worker === worker);
	if (at < 0) return;
	clearTimeout(idle[at]!.timer);
	idle.splice(at, 1);
}

async function takeWorker(limits: WorkerLimits): Promise<Worker> {
	const at = idle.findIndex((w) => w.memoryMb === limits.memoryMb);
	if (at < 0) return spawn(limits);
	const [kept] = idle.splice(at, 1);
	clearTimeout(kept!.timer);
	return kept!.worker;
}

function keep(worker: Worker, limits: WorkerLimits): void {
	worker.unref();
	const timer = setTimeout(() => {
		forget(worker);
		void worker.terminate();
	}, IDLE_MS);
	timer.unref();
	idle.push({ worker, memoryMb: limits.memoryMb, timer });
}

function rebuild(reply: Extract<RenderReply, { ok: false }>['error']): Error {
	return reply.type === 'template'
		? new TemplateError(reply.file, reply.line, reply.problem, reply.budget, reply.issue)
		: new DocumentRenderError('crashed', null, reply.message);
}

function run(worker: Worker, input: RenderInput, limits: WorkerLimits): Promise<Buffer> {
	return new Promise<Buffer>((resolve, reject) => {
		const done = (outcome: () => void) => {
			clearTimeout(timer);
			worker.off('message', onMessage);
			worker.off('error', onError);
			worker.off('exit', onExit);
			outcome();
		};
		const onMessage = (reply: RenderReply) =>
			done(() => {
				keep(worker, limits);
				if (reply.ok)
					resolve(Buffer.from(reply.pdf.buffer, reply.pdf.byteOffset, reply.pdf.length));
				else reject(rebuild(reply.error));
			});
		const onError = (error: Error & { code?: string }) =>
			done(() => {
				void worker.terminate();
				reject(
					error.code === 'ERR_WORKER_OUT_OF_MEMORY'
						? new DocumentRenderError('memory', limits.memoryMb)
						: new DocumentRenderError('crashed', null, error.message)
				);
			});
		const onExit = (code: number) =>
			done(() => reject(new DocumentRenderError('crashed', null, `exit code ${code}`)));
		const timer = setTimeout(
			() =>
				done(() => {
					void worker.terminate();
					reject(new DocumentRenderError('timeout', limits.timeoutMs));
				}),
			limits.timeoutMs
		);
		worker.on('message', onMessage);
		worker.on('error', onError);
		worker.on('exit', onExit);
		worker.ref();
		worker.postMessage(input);
	});
}

async function slot(): Promise<void> {
	if (running < RENDER_WORKERS) {
		running++;
		return;
	}
	await new Promise<void>((resolve) => queue.push(resolve));
}

function release(): void {
	const next = queue.shift();
	if (next) next();
	else running--;
}

/** Renders one document in a worker; the caps may be lowered (tests) but hold whatever it asks. */
export async function renderInWorker(
	input: RenderInput,
	limits: WorkerLimits = WORKER_LIMITS
): Promise<Buffer> {
	await slot();
	try {
		return await run(await takeWorker(limits), input, limits);
	} finally {
		release();
	}
}
