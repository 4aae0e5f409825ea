/**
 * One page under load: every reader is its own autocannon client with one connection and its own
 * session, asking again as soon as it is answered, all for the same seconds. Latencies are taken
 * from every response (autocannon's own summary has no p95), and the app's `Server-Timing` is
 * summed per stage; `queued` is the time a request spent outside the app's handler: waiting for
 * the event loop, and on the wire.
 */
import autocannon from 'autocannon';
import { readServerTiming } from '$lib/server/timing/request-timing';

export interface PageResult {
	page: string;
	/** What the errors were, e.g. `1 × HTTP 502`; empty without errors. */
	errorKinds: string;
	rps: number;
	p50: number;
	p95: number;
	p99: number;
	errors: number;
	/** Mean milliseconds per request: each Server-Timing stage, `total` in the app and `queued`. */
	stages: Record<string, number>;
}

interface Page {
	name: string;
	path: (reader: number) => string;
}

const at = (sorted: number[], q: number) =>
	sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))] ?? 0;

/** Reader r asks `origins[r % origins.length]`: instances taken in turn, or the one origin. */
export async function loadPage(
	origins: string[],
	page: Page,
	cookies: string[],
	seconds: number
): Promise<PageResult> {
	const latencies: number[] = [];
	const sums: Record<string, number> = {};
	let timed = 0;
	const readers = cookies.map(
		(cookie, reader) =>
			new Promise<autocannon.Result>((resolve, reject) => {
				const instance = autocannon(
					{
						url: origins[reader % origins.length]!,
						connections: 1,
						duration: seconds,
						timeout: 30,
						// As a browser asks: a page, compressed if the server will.
						headers: { cookie, accept: 'text/html', 'accept-encoding': 'gzip, deflate, br, zstd' },
						requests: [
							{
								method: 'GET',
								path: page.path(reader),
								onResponse: (_status, _body, _context, headers) => {
									const stages = readServerTiming(headers?.['server-timing'] as string | undefined);
									if (!('total' in stages)) return;
									timed++;
									for (const [name, ms] of Object.entries(stages))
										sums[name] = (sums[name] ?? 0) + ms;
								}
							}
						]
					},
					(error: unknown, result: autocannon.Result) =>
						error ? reject(error as Error) : resolve(result)
				);
				instance.on('response', (_client: unknown, _status: number, _bytes: number, ms: number) =>
					latencies.push(ms)
				);
			})
	);
	const results = await Promise.all(readers);
	latencies.sort((a, b) => a - b);
	const requests = results.reduce((n, r) => n + r.requests.total, 0);
	const errors = results.reduce((n, r) => n + r.errors + r.timeouts + r.non2xx, 0);
	// What the errors were: timeouts, broken connections, and each status other than 2xx.
	const kinds = new Map<string, number>();
	const count = (kind: string, n = 0) => {
		if (n > 0) kinds.set(kind, (kinds.get(kind) ?? 0) + n);
	};
	for (const r of results) {
		count('timeout', r.timeouts);
		count('connection', r.errors - r.timeouts);
		for (const [status, { count: n }] of Object.entries(r.statusCodeStats ?? {}))
			if (!status.startsWith('2')) count(`HTTP ${status}`, n);
	}
	const stages = Object.fromEntries(
		Object.entries(sums).map(([name, ms]) => [name, timed ? ms / timed : 0])
	);
	const mean = latencies.reduce((s, v) => s + v, 0) / Math.max(1, latencies.length);
	stages.queued = Math.max(0, mean - (stages.total ?? 0));
	return {
		page: page.name,
		rps: requests / seconds,
		p50: at(latencies, 0.5),
		p95: at(latencies, 0.95),
		p99: at(latencies, 0.99),
		errors,
		errorKinds: [...kinds].map(([kind, n]) => `${n} × ${kind}`).join(', '),
		stages
	};
}
