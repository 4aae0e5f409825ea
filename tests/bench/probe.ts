/**
 * The app's responsiveness while an import runs: an open-loop probe that issues a read request
 * every interval through the same `db` handle, whether or not the last one has answered, and
 * measures each request's latency from its scheduled start (so a blocked event loop or a held
 * connection counts against it, as it would for a user waiting on a page).
 */
import { performance } from 'node:perf_hooks';

export interface ProbeStats {
	count: number;
	failed: number;
	p50: number;
	p95: number;
	p99: number;
	max: number;
}

export interface Probed<T> {
	value: T;
	stats: ProbeStats;
}

/** Nearest-rank percentile of sorted milliseconds. */
const percentile = (sorted: readonly number[], q: number) =>
	sorted.length ? sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)]! : 0;

/**
 * Runs `work`, and from its start until it ends issues `requests[i % requests.length]` every
 * `intervalMs`. Requests still out when the work ends are waited for and counted.
 */
export async function probeWhile<T>(
	work: () => Promise<T>,
	requests: readonly (() => Promise<unknown>)[],
	intervalMs = 250
): Promise<Probed<T>> {
	const latencies: number[] = [];
	const outstanding = new Set<Promise<void>>();
	let failed = 0;
	let issued = 0;
	let running = true;
	const started = performance.now();
	let timer: NodeJS.Timeout | undefined;

	const issue = (scheduled: number) => {
		const request = requests[issued % requests.length]!;
		issued++;
		const done = request().then(
			() => {
				latencies.push(performance.now() - scheduled);
			},
			() => {
				failed++;
				latencies.push(performance.now() - scheduled);
			}
		);
		const tracked = done.finally(() => outstanding.delete(tracked));
		outstanding.add(tracked);
	};
	// Every request whose time has come is issued, late ones at once: the schedule is fixed.
	const tick = () => {
		if (!running) return;
		const now = performance.now();
		while (started + issued * intervalMs <= now) issue(started + issued * intervalMs);
		timer = setTimeout(tick, Math.max(0, started + issued * intervalMs - performance.now()));
	};
	timer = setTimeout(tick, intervalMs);
	try {
		const value = await work();
		return { value, stats: await finish() };
	} catch (error) {
		await finish();
		throw error;
	}

	async function finish(): Promise<ProbeStats> {
		running = false;
		clearTimeout(timer);
		while (outstanding.size) await Promise.all([...outstanding]);
		const sorted = [...latencies].sort((a, b) => a - b);
		return {
			count: sorted.length,
			failed,
			p50: percentile(sorted, 0.5),
			p95: percentile(sorted, 0.95),
			p99: percentile(sorted, 0.99),
			max: sorted.at(-1) ?? 0
		};
	}
}
