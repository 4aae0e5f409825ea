import { describe, expect, it } from 'vitest';
import { allocate } from './sample-allocation';
import { drawSample, SampleParamsError, type SampleParams } from './sample-draw';
import { musSystematic, simpleRandom } from './sample-methods';
import { populationSha256, type PopulationRow } from './sample-population';
import { randomBelow, seededStream } from './sample-random';

const row = (id: number, cents: number, date = '2018-03-01', category = '2122'): PopulationRow => ({
	id,
	date,
	amountCents: cents,
	category,
	eventNumber: (id % 3) + 1
});

/** 60 rows over two years and two codes, amounts from 1,00 to 600,00 EUR, and two credits. */
const rows: PopulationRow[] = Array.from({ length: 60 }, (_, i) =>
	row(i + 1, (i + 1) * 1000, i % 2 ? '2019-05-01' : '2018-05-01', i % 3 ? '2121' : '2122')
).concat([row(61, -19000), row(62, 0)]);

const params = (change: Partial<SampleParams> = {}): SampleParams => ({
	method: 'mus',
	strata: 'none',
	size: 10,
	seed: 'SOLID 2026',
	filter: {},
	...change
});
const ids = (p: SampleParams) => drawSample(rows, p).picks.map((x) => x.row.id);

describe('the random stream', () => {
	it('is fixed by the seed text and the stream name', () => {
		const a = seededStream('seed', '');
		const numbers = Array.from({ length: 5 }, () => randomBelow(a, 1000));
		const b = seededStream('seed', '');
		expect(Array.from({ length: 5 }, () => randomBelow(b, 1000))).toEqual(numbers);
		const c = seededStream('seed', '2018');
		expect(Array.from({ length: 5 }, () => randomBelow(c, 1000))).not.toEqual(numbers);
	});

	it('gives the same first numbers on every machine (the reference values of this version)', () => {
		const rng = seededStream('SOLID 2026', '');
		expect(Array.from({ length: 4 }, () => randomBelow(rng, 1_000_000))).toEqual([
			655442, 212302, 792189, 458546
		]);
	});
});

describe('a draw', () => {
	it('gives the same rows for the same seed and parameters, others for another seed', () => {
		for (const method of ['mus', 'random'] as const) {
			const first = ids(params({ method }));
			expect(first).toHaveLength(10);
			expect(new Set(first).size).toBe(10);
			expect(ids(params({ method }))).toEqual(first);
			expect(ids(params({ method, seed: 'another seed' }))).not.toEqual(first);
		}
	});

	it('takes with certainty in MUS a row as large as the interval', () => {
		const big = [...rows, row(63, 5_000_000)];
		for (const seed of ['a', 'b', 'c', 'd']) {
			const result = drawSample(big, params({ seed }));
			const first = result.picks[0]!;
			expect(first.row.id).toBe(63);
			expect(first.certain).toBe(true);
			// 50 000 EUR of 68 300 EUR at 10 selections: it holds 7 of them.
			expect(first.selections).toBe(7);
			expect(result.picks).toHaveLength(10);
		}
	});

	it('leaves credits and zero rows out of a MUS population, and says so', () => {
		const result = drawSample(rows, params());
		expect(result.excluded).toEqual({ rows: 2, cents: -19000 });
		expect(result.population.rows).toBe(60);
		expect(result.population.cents).toBe(1_830_000);
		expect(drawSample(rows, params({ method: 'random' })).population.rows).toBe(62);
	});

	it('shares a stratified sample out so that it adds up to the size', () => {
		for (const strata of ['year', 'category', 'event'] as const) {
			for (const method of ['mus', 'random'] as const) {
				const result = drawSample(rows, params({ strata, method, size: 7 }));
				expect(result.strata.reduce((s, x) => s + x.size, 0)).toBe(7);
				expect(result.picks).toHaveLength(7);
				for (const s of result.strata) expect(s.size).toBeGreaterThanOrEqual(1);
				for (const p of result.picks) expect(p.stratum).not.toBe(undefined);
			}
		}
	});

	it('narrows the population by dates, years, codes and events', () => {
		const result = drawSample(rows, params({ filter: { from: '2019-01-01', codes: ['2121'] } }));
		expect(result.population.rows).toBe(20);
		for (const p of result.picks) {
			expect(p.row.date >= '2019-01-01' && p.row.category === '2121').toBe(true);
		}
	});

	it('refuses a size it cannot draw, in words the caller can say', () => {
		expect(() => drawSample(rows, params({ size: 0 }))).toThrow(SampleParamsError);
		expect(() => drawSample(rows, params({ size: 61 }))).toThrow(
			expect.objectContaining({ problem: 'smaller', detail: { size: 61, rows: 60 } })
		);
		expect(() => drawSample(rows, params({ filter: { years: [2030] } }))).toThrow(
			expect.objectContaining({ problem: 'empty' })
		);
	});
});

describe('small cases worked by hand', () => {
	it('MUS: 100, 200, 300, 400 with 2 selections and a start of 75 cents picks rows 1 and 3', () => {
		// Interval 500; scaled by 2 the rows span [0,200) [200,600) [600,1200) [1200,2000);
		// start 150 (75 cents × 2) and 150 + 1000 = 1150 fall in rows 1 and 3.
		const four = [row(1, 100), row(2, 200), row(3, 300), row(4, 400)];
		expect(musSystematic(four, 2, 150).map((r) => r.id)).toEqual([1, 3]);
		expect(musSystematic(four, 2, 999).map((r) => r.id)).toEqual([3, 4]);
	});

	it('random: a stream of zeros keeps every row in place, so it picks the first rows', () => {
		const three = [row(1, 1), row(2, 2), row(3, 3)];
		const zeros = { next: () => 0, clone: () => zeros, getState: () => [] };
		expect(simpleRandom(three, 2, zeros).map((p) => p.row.id)).toEqual([1, 2]);
	});

	it('largest remainder: 10 over weights 5, 3, 2 is 5, 3, 2; 4 over 1, 1, 98 keeps one each', () => {
		const strata = (w: number[]) => w.map((weight, i) => ({ key: `s${i}`, weight, capacity: 99 }));
		expect([...allocate(strata([5, 3, 2]), 10).values()]).toEqual([5, 3, 2]);
		expect([...allocate(strata([1, 1, 98]), 4).values()]).toEqual([1, 1, 2]);
		expect([...allocate(strata([1, 1, 1]), 2).values()]).toEqual([1, 1, 0]);
		const capped = [
			{ key: 'a', weight: 90, capacity: 2 },
			{ key: 'b', weight: 10, capacity: 50 }
		];
		expect([...allocate(capped, 10).values()]).toEqual([2, 8]);
	});

	it('hashes the population by id, date and amount', () => {
		const two = [row(2, 500), row(1, 100)];
		expect(populationSha256(two)).toBe(populationSha256([...two].reverse()));
		expect(populationSha256(two)).not.toBe(populationSha256([row(2, 501), row(1, 100)]));
	});
});
