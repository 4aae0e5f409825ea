/**
 * Where a request's time goes, in the stages a slow page is looked for in: the session lookup,
 * the access check, the page's database queries, and the rest of the page (its load code, the
 * serialisation of its data and the rendering of its HTML). Answered as a `Server-Timing` header
 * when COFUND_SERVER_TIMING=1, so that a load benchmark, or a browser's network panel, can tell
 * which stage holds a slow page; off, nothing is measured and the header is not sent.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import { performance } from 'node:perf_hooks';

/** The stages, in the order a request passes them. */
export const STAGES = ['session', 'access', 'queries', 'rendering'] as const;
export type Stage = (typeof STAGES)[number];

export const serverTimingOn = (env: NodeJS.ProcessEnv = process.env) =>
	env.COFUND_SERVER_TIMING?.trim() === '1';

/** Milliseconds as the header carries them, to a hundredth: for tools, not people. */
const duration = (ms: number) => String(Math.round(ms * 100) / 100);

export class RequestTiming {
	private readonly started = performance.now();
	private readonly spent = new Map<Stage, number>();
	private inFlight = 0;
	private since = 0;
	/** Wall time with at least one query in flight: queries run side by side count once. */
	private queryMs = 0;

	queryStarted(): void {
		if (this.inFlight++ === 0) this.since = performance.now();
	}

	queryEnded(): void {
		if (--this.inFlight === 0) this.queryMs += performance.now() - this.since;
	}

	private add(stage: Stage, ms: number): void {
		this.spent.set(stage, (this.spent.get(stage) ?? 0) + ms);
	}

	/** A stage before the page: its queries are its own (a session lookup is one). */
	async measure<T>(stage: 'session' | 'access', work: () => T | Promise<T>): Promise<T> {
		const started = performance.now();
		try {
			return await work();
		} finally {
			this.add(stage, performance.now() - started);
		}
	}

	/** The page itself: its queries, and everything else it does, which is rendering. */
	async page<T>(work: () => T | Promise<T>): Promise<T> {
		const started = performance.now();
		const queriesBefore = this.queryMs;
		try {
			return await work();
		} finally {
			const queries = this.queryMs - queriesBefore;
			this.add('queries', queries);
			this.add('rendering', performance.now() - started - queries);
		}
	}

	/** `session;dur=0.8, access;dur=0.2, queries;dur=3.1, rendering;dur=4.0, total;dur=8.4` */
	header(): string {
		const total = performance.now() - this.started;
		const parts = STAGES.filter((s) => this.spent.has(s)).map(
			(s) => `${s};dur=${duration(this.spent.get(s)!)}`
		);
		return [...parts, `total;dur=${duration(total)}`].join(', ');
	}
}

const current = new AsyncLocalStorage<RequestTiming>();

export const runTimed = <T>(timing: RequestTiming, work: () => T): T => current.run(timing, work);

/** The timing of the request this code runs for, if it is being timed. */
export const currentTiming = (): RequestTiming | undefined => current.getStore();

/** Times one query for the request it runs for (none outside a timed request). */
export function timeQuery<T>(query: PromiseLike<T>): PromiseLike<T> {
	const timing = currentTiming();
	if (!timing) return query;
	timing.queryStarted();
	return query.then(
		(value) => {
			timing.queryEnded();
			return value;
		},
		(error: unknown) => {
			timing.queryEnded();
			throw error;
		}
	);
}

/** Parses a `Server-Timing` header back into milliseconds per name. */
export function readServerTiming(header: string | null | undefined): Record<string, number> {
	const out: Record<string, number> = {};
	for (const part of (header ?? '').split(',')) {
		const [name, ...params] = part.trim().split(';');
		const dur = params.map((p) => p.trim()).find((p) => p.startsWith('dur='));
		if (name && dur) out[name] = Number(dur.slice(4));
	}
	return out;
}
