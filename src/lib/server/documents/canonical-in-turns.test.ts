import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { DocumentData } from '$lib/domain/documents/document-data';
import {
	canonicalData,
	canonicalDataInTurns,
	fingerprintInTurns,
	fingerprintOf
} from './load-document-data';

/** Document data as far as canonical JSON cares: any JSON values, long lists among them. */
const dataLike = fc.dictionary(
	fc.string({ unit: 'grapheme', maxLength: 6 }),
	fc.oneof(
		fc.jsonValue({ maxDepth: 3 }),
		fc.array(
			fc.record(
				{ key: fc.string(), cents: fc.integer(), note: fc.option(fc.string(), { nil: undefined }) },
				{ requiredKeys: ['key', 'cents'] }
			),
			{ maxLength: 60 }
		)
	)
);

describe('canonical JSON worked out in turns', () => {
	it('is the very text canonicalize writes, whatever the data and the turn length', async () => {
		await fc.assert(
			fc.asyncProperty(dataLike, fc.integer({ min: 1, max: 25 }), async (data, every) => {
				const asData = data as unknown as DocumentData;
				expect(await canonicalDataInTurns(asData, every)).toBe(canonicalData(asData));
			}),
			{ numRuns: 200 }
		);
	});

	it('gives a 10,000-row list the same fingerprint as at once', async () => {
		const expenses = Array.from({ length: 10_000 }, (_, i) => ({
			key: `row-${i}#1`,
			date: `2018-${String((i % 12) + 1).padStart(2, '0')}-01`,
			cents: i * 7,
			description: i % 3 ? 'Lidojums Rīga–Sofija' : undefined
		}));
		const data = { plan: { code: 'SOLID', title: 'ē' }, expenses } as unknown as DocumentData;
		expect(await fingerprintInTurns(data)).toEqual(fingerprintOf(data));
	});
});
