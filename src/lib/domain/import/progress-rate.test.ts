import { describe, expect, it } from 'vitest';
import { NBSP } from '../format';
import {
	estimate,
	formatDuration,
	formatRate,
	nextRate,
	rateOf,
	type ProgressRate
} from './progress-rate';
import type { ImportProgress } from './result';

const MB = 1_000_000;

/** A run reading `bytesPerSecond` and `rowsPerSecond` steadily, sampled every `everyMs`. */
function steady(
	seconds: number,
	{ bytesPerSecond = MB, rowsPerSecond = 10_000, everyMs = 200, totalBytes = 100 * MB } = {}
): ImportProgress[] {
	const samples: ImportProgress[] = [];
	for (let t = everyMs; t <= seconds * 1000; t += everyMs) {
		samples.push({
			phase: 'reading',
			bytes: Math.min(totalBytes, (bytesPerSecond * t) / 1000),
			totalBytes,
			records: Math.round((rowsPerSecond * t) / 1000),
			elapsedMs: t
		});
	}
	return samples;
}

describe('progress rate', () => {
	it('gives no estimate at first, then the steady rate and the bytes left', () => {
		const samples = steady(10);
		expect(estimate(rateOf(samples.slice(0, 2))!)).toMatchObject({
			rowsPerSecond: null,
			remainingMs: null
		});
		// One sample, however late, has the start-up in its rate: no estimate from it alone.
		expect(estimate(rateOf([samples[20]!])!).rowsPerSecond).toBeNull();
		const settled = estimate(rateOf(samples)!);
		expect(settled.rowsPerSecond).toBeCloseTo(10_000, 0);
		// 90 MB left at 1 MB/s.
		expect(settled.remainingMs).toBeCloseTo(90_000, -2);
		expect(settled.fraction).toBeCloseTo(0.1, 5);
		expect(settled.records).toBe(100_000);
	});

	it('moves only a little when one interval is much slower', () => {
		const samples = steady(10);
		const before = rateOf(samples)!;
		const last = samples.at(-1)!;
		// One 200 ms interval in which nothing was read (a write batch, say).
		const stalled = nextRate(before, { ...last, elapsedMs: last.elapsedMs + 200 });
		const a = estimate(before).remainingMs!;
		const b = estimate(stalled).remainingMs!;
		expect(b).toBeGreaterThan(a);
		expect(b / a).toBeLessThan(1.1);
		// An unsmoothed estimate would be infinite here.
		expect(estimate(stalled).rowsPerSecond!).toBeGreaterThan(9000);
	});

	it('follows a lasting change of pace within a few time constants', () => {
		const fast = steady(10);
		const last = fast.at(-1)!;
		let rate: ProgressRate = rateOf(fast)!;
		// The pace halves for 15 seconds.
		for (let t = 200; t <= 15_000; t += 200) {
			rate = nextRate(rate, {
				...last,
				bytes: last.bytes + (MB / 2) * (t / 1000),
				records: last.records + 5000 * (t / 1000),
				elapsedMs: last.elapsedMs + t
			});
		}
		expect(estimate(rate).rowsPerSecond).toBeCloseTo(5000, -2);
	});

	it('says nothing of the time while the rows are written, only how many', () => {
		const rate = rateOf([
			...steady(5),
			{
				phase: 'writing',
				step: 'rows',
				bytes: 5 * MB,
				totalBytes: 100 * MB,
				records: 50_000,
				elapsedMs: 5200
			}
		])!;
		expect(estimate(rate)).toMatchObject({
			phase: 'writing',
			step: 'rows',
			records: 50_000,
			rowsPerSecond: null,
			remainingMs: null
		});
	});

	it('has no time remaining for a file of unknown size, and ignores a repeated moment', () => {
		const samples = steady(3, { totalBytes: 0 }).map((s) => ({ ...s, bytes: s.bytes }));
		const rate = rateOf([...samples, samples.at(-1)!])!;
		expect(rate.samples).toBe(samples.length + 1);
		const shown = estimate(rate);
		expect(shown.fraction).toBeNull();
		expect(shown.remainingMs).toBeNull();
		expect(shown.rowsPerSecond).toBeCloseTo(10_000, 0);
	});

	it('names no time left once the file is read, only the rate', () => {
		const samples = steady(12, { totalBytes: 10 * MB });
		expect(estimate(rateOf(samples)!)).toMatchObject({ fraction: 1, remainingMs: null });
		expect(estimate(rateOf(samples)!).rowsPerSecond).toBeGreaterThan(0);
	});
});

describe('durations and rates for people', () => {
	it('rounds the time remaining up, in both languages alike', () => {
		for (const locale of ['lv', 'en'] as const) {
			expect(formatDuration(0, locale)).toBe('5 s');
			expect(formatDuration(41_000, locale)).toBe('45 s');
			expect(formatDuration(60_000, locale)).toBe('1 min');
			expect(formatDuration(192_000, locale)).toBe('3 min 20 s');
			expect(formatDuration(599_500, locale)).toBe('10 min');
			expect(formatDuration(12 * 60_000 - 1, locale)).toBe('12 min');
			expect(formatDuration(65 * 60_000, locale)).toBe('1 h 05 min');
		}
	});

	it('groups rows per second as the locale groups integers', () => {
		expect(formatRate(1234.4, 'lv')).toBe('1234');
		expect(formatRate(12_345, 'lv')).toBe(`12${NBSP}345`);
		expect(formatRate(12_345, 'en')).toBe('12,345');
		expect(formatRate(1234, 'en')).toBe('1,234');
	});
});
