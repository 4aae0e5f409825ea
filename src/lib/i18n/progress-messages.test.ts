import { describe, expect, it } from 'vitest';
import type { ProgressEstimate } from '$lib/domain/import/progress-rate';
import { describeProgress, progressLine } from './progress-messages';

const reading: ProgressEstimate = {
	phase: 'reading',
	records: 12_345,
	fraction: 0.5,
	rowsPerSecond: 4100,
	remainingMs: 130_000
};
const writing = (step?: ProgressEstimate['step']): ProgressEstimate => ({
	phase: 'writing',
	...(step ? { step } : {}),
	records: 960_014,
	fraction: 1,
	rowsPerSecond: null,
	remainingMs: null
});

describe("a running import's pace in words", () => {
	it('gives the rows read, the rate and the time left while reading', () => {
		expect(progressLine(reading, 'en')).toBe(
			'12,345 rows read · 4,100 rows/s · about 2 min 10 s left'
		);
	});

	it("names the commit's step while writing, in either language", () => {
		expect(describeProgress(writing('rows'), 'en')).toEqual({
			rows: 'Writing 960,014 rows',
			pace: 'writing the rows into the project'
		});
		expect(describeProgress(writing('finishing'), 'lv').pace).toBe(
			'pabeidz: datubāze pārbauda katru rindu'
		);
		expect(describeProgress(writing('original'), 'lv').pace).toBe('saglabā faila kopiju');
	});

	it('says only the rows while writing before the first step', () => {
		expect(describeProgress(writing(), 'en').pace).toBeNull();
	});
});
