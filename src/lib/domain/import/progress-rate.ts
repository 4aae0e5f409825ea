/**
 * An import's pace from its progress samples: rows per second and the time remaining, smoothed so
 * that neither jumps from one sample to the next, and the LV/EN text of a duration.
 *
 * The time remaining is estimated from bytes, not rows: the file's size is known from the start,
 * its number of rows is not. Both rates are exponentially weighted by time (a time constant of a
 * few seconds), so a pause for a write batch or a garbage collection moves the estimate a little,
 * not to "9 hours" and back. While the rows are written in one go ('writing'), there is no
 * honest estimate: the text then says how many rows are being written instead.
 */
import type { Locale } from '../locale';
import { formatInteger } from '../format';
import type { ImportProgress } from './result';

/** How fast the smoothed rates follow the measured ones: about this long to catch up. */
const TIME_CONSTANT_MS = 3000;
/** No estimate before the run has gone on this long: the first samples include the start-up. */
const WARM_UP_MS = 1000;
/** Nor before a second sample: the first one's rate has the start-up in it. */
const WARM_UP_SAMPLES = 2;

export interface ProgressRate {
	/** The last sample, to measure the next one against. */
	last: ImportProgress;
	samples: number;
	/** Smoothed bytes and records per second; null until the first interval is measured. */
	bytesPerSecond: number | null;
	rowsPerSecond: number | null;
}

export interface ProgressEstimate {
	phase: ImportProgress['phase'];
	step?: ImportProgress['step'];
	records: number;
	/** The share of the file read, 0..1; null when the size is unknown. */
	fraction: number | null;
	/** Null until the estimate has warmed up, and while writing. */
	rowsPerSecond: number | null;
	remainingMs: number | null;
}

/** Blends `measured` into `smoothed` by how long the interval was. */
function blend(smoothed: number | null, measured: number, intervalMs: number): number {
	if (smoothed === null) return measured;
	const weight = 1 - Math.exp(-intervalMs / TIME_CONSTANT_MS);
	return smoothed + (measured - smoothed) * weight;
}

/** The state after one more sample; `previous` is null for the first sample of a run. */
export function nextRate(previous: ProgressRate | null, sample: ImportProgress): ProgressRate {
	if (!previous) {
		// From the start of the run: the start-up is in it, which the blending soon outweighs.
		const seconds = sample.elapsedMs / 1000;
		return {
			last: sample,
			samples: 1,
			bytesPerSecond: seconds > 0 ? sample.bytes / seconds : null,
			rowsPerSecond: seconds > 0 ? sample.records / seconds : null
		};
	}
	const intervalMs = sample.elapsedMs - previous.last.elapsedMs;
	// A sample out of order, or at the same moment, says nothing about the pace.
	if (!(intervalMs > 0)) return { ...previous, last: sample, samples: previous.samples + 1 };
	const bytes = Math.max(0, sample.bytes - previous.last.bytes);
	const records = Math.max(0, sample.records - previous.last.records);
	const seconds = intervalMs / 1000;
	return {
		last: sample,
		samples: previous.samples + 1,
		bytesPerSecond: blend(previous.bytesPerSecond, bytes / seconds, intervalMs),
		rowsPerSecond: blend(previous.rowsPerSecond, records / seconds, intervalMs)
	};
}

/** Folds a run's samples, in order, into its rate. */
export function rateOf(samples: readonly ImportProgress[]): ProgressRate | null {
	return samples.reduce<ProgressRate | null>(nextRate, null);
}

/** What to show for the rate: the rows, the share read, rows per second and the time left. */
export function estimate(rate: ProgressRate): ProgressEstimate {
	const { last } = rate;
	const fraction = last.totalBytes > 0 ? Math.min(1, last.bytes / last.totalBytes) : null;
	const warm = rate.samples >= WARM_UP_SAMPLES && last.elapsedMs >= WARM_UP_MS;
	if (last.phase === 'writing' || !warm) {
		return {
			phase: last.phase,
			...(last.step ? { step: last.step } : {}),
			records: last.records,
			fraction,
			rowsPerSecond: null,
			remainingMs: null
		};
	}
	const left = Math.max(0, last.totalBytes - last.bytes);
	// Nothing left to read: the last rows are being judged, which bytes cannot time.
	const remainingMs =
		fraction !== null && left > 0 && rate.bytesPerSecond && rate.bytesPerSecond > 0
			? (left / rate.bytesPerSecond) * 1000
			: null;
	return {
		phase: last.phase,
		records: last.records,
		fraction,
		rowsPerSecond: rate.rowsPerSecond,
		remainingMs
	};
}

/** SI symbols: Latvian writes `h`, `min` and `s` as English does. */
const u = { h: 'h', min: 'min', s: 's' } as const;

/**
 * A time remaining, rounded up so that it never promises too little: `5 s`, `45 s` (to 5 s below
 * a minute), `3 min 20 s` (to 10 s below ten minutes), `12 min`, `1 h 05 min`. The numbers are
 * the locale's integers (`1 h 05 min` keeps its minutes two-digit, as a clock does).
 */
export function formatDuration(ms: number, locale: Locale): string {
	const seconds = Math.max(0, ms / 1000);
	if (seconds < 60)
		return `${formatInteger(Math.max(5, Math.ceil(seconds / 5) * 5), locale)} ${u.s}`;
	if (seconds < 600) {
		const rounded = Math.ceil(seconds / 10) * 10;
		const min = Math.floor(rounded / 60);
		const sec = rounded % 60;
		return sec ? `${min} ${u.min} ${sec} ${u.s}` : `${min} ${u.min}`;
	}
	const minutes = Math.ceil(seconds / 60);
	if (minutes < 60) return `${minutes} ${u.min}`;
	const hours = Math.floor(minutes / 60);
	return `${formatInteger(hours, locale)} ${u.h} ${String(minutes % 60).padStart(2, '0')} ${u.min}`;
}

/** Rows per second as a whole number with the locale's grouping (`12 345`, `12,345`). */
export function formatRate(rowsPerSecond: number, locale: Locale): string {
	return formatInteger(Math.round(rowsPerSecond), locale);
}
