/**
 * The random streams a sample is drawn with: xoroshiro128+ from pure-rand, seeded through SHA-256,
 * so the same seed text gives the same numbers on any machine and in any language.
 *
 * Why this generator: pure-rand is a small, kept, dependency-free library (it is what fast-check
 * draws with); xoroshiro128+ is a published algorithm (Blackman & Vigna) with 128 bits of state,
 * defined on 32-bit integer operations, so its output does not depend on floating point. Its whole
 * state is set from the seed's SHA-256 digest, instead of pure-rand's 32-bit seed, so every bit of
 * the auditor's seed counts. Integers in a range are made here, by rejection (below), rather than
 * with the library's distributions, so the method is stated completely in this file.
 */
import { sha256 } from '@noble/hashes/sha2.js';
import { xoroshiro128plusFromState } from 'pure-rand/generator/xoroshiro128plus';
import type { RandomGenerator } from 'pure-rand/types/RandomGenerator';

/** What a report names so that anyone can draw the sample again. */
export const SAMPLE_GENERATOR = {
	algorithm: 'xoroshiro128+',
	library: 'pure-rand',
	libraryVersion: '8.4.2',
	seeding: 'SHA-256(UTF-8 seed, 0x00, UTF-8 stream); first 16 bytes, big-endian, as 4 × int32',
	integers: '53 bits from two outputs (high 21, low 32), rejection below the largest multiple',
	version: 1
} as const;

export type SampleGenerator = typeof SAMPLE_GENERATOR;

const encoder = new TextEncoder();

export function sha256Hex(text: string): string {
	return Array.from(sha256(encoder.encode(text)), (b) => b.toString(16).padStart(2, '0')).join('');
}

/**
 * The stream for one part of a draw: '' for an unstratified sample, the stratum's key otherwise.
 * The zero byte keeps "seed" + "1" apart from "seed1" + "".
 */
export function seededStream(seed: string, stream: string): RandomGenerator {
	const seedBytes = encoder.encode(seed);
	const streamBytes = encoder.encode(stream);
	const input = new Uint8Array(seedBytes.length + 1 + streamBytes.length);
	input.set(seedBytes, 0);
	input.set(streamBytes, seedBytes.length + 1);
	const digest = sha256(input);
	const view = new DataView(digest.buffer, digest.byteOffset, 16);
	const state: number[] = [0, 4, 8, 12].map((at) => view.getInt32(at, false));
	// An all-zero state would give zeros forever; a digest of 128 zero bits never occurs in practice.
	if (!state.some((word) => word !== 0)) state[3] = 1;
	return xoroshiro128plusFromState(state);
}

const TWO_53 = 2 ** 53;

/** An integer in [0, bound), uniformly, for 1 ≤ bound ≤ 2^53. */
export function randomBelow(rng: RandomGenerator, bound: number): number {
	if (!Number.isSafeInteger(bound) || bound < 1 || bound > TWO_53) {
		throw new RangeError(`randomBelow: bound ${bound} is outside 1 … 2^53`);
	}
	// Values at or above the largest multiple of bound are drawn again, so no value is favoured.
	const limit = TWO_53 - (TWO_53 % bound);
	for (;;) {
		const high = (rng.next() >>> 0) >>> 11;
		const low = rng.next() >>> 0;
		const value = high * 2 ** 32 + low;
		if (value < limit) return value % bound;
	}
}
