import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { OccurrenceCounter } from './occurrence-counter';

const key = (text: string) => createHash('sha256').update(text).digest().subarray(0, 16);

describe('the occurrence counter', () => {
	it('counts each key on its own: 1 for the first time, 2 for the second, …', () => {
		const counter = new OccurrenceCounter(4);
		expect(counter.next(key('a'))).toBe(1);
		expect(counter.next(key('b'))).toBe(1);
		expect(counter.next(key('a'))).toBe(2);
		expect(counter.next(key('a'))).toBe(3);
		expect(counter.next(key('b'))).toBe(2);
	});

	it('agrees with a plain Map over many keys, through every growth of its table', () => {
		const counter = new OccurrenceCounter(2);
		const map = new Map<string, number>();
		for (let i = 0; i < 50_000; i++) {
			const text = `row ${i % 17_000}`;
			const expected = (map.get(text) ?? 0) + 1;
			map.set(text, expected);
			expect(counter.next(key(text))).toBe(expected);
		}
	});

	it('tells apart keys that share their first words', () => {
		const counter = new OccurrenceCounter(8);
		const first = new Uint8Array(16);
		const second = new Uint8Array(16);
		second[15] = 1;
		expect(counter.next(first)).toBe(1);
		expect(counter.next(second)).toBe(1);
		expect(counter.next(first)).toBe(2);
	});
});
