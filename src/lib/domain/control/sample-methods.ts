/**
 * The two ways rows are picked within one stratum: simple random sampling without replacement,
 * and monetary-unit sampling. Each takes the stratum's rows in population order (by id) and a
 * random stream of its own, and returns the rows in the order they were drawn.
 */
import type { RandomGenerator } from 'pure-rand/types/RandomGenerator';
import { randomBelow } from './sample-random';
import type { PopulationRow } from './sample-population';

export interface SamplePick<T extends PopulationRow = PopulationRow> {
	row: T;
	/**
	 * MUS: how many selections of the interval the row covers. A row at least as large as the
	 * interval is taken with certainty, once, and this says how many selections its amount holds
	 * (its amount ÷ the interval, rounded down). 1 for every other row and for random sampling.
	 */
	selections: number;
	/** MUS: the row was taken with certainty for its size rather than by the random start. */
	certain: boolean;
}

/**
 * Simple random sampling without replacement: a partial Fisher–Yates shuffle of the rows. For
 * the i-th pick (i = 0, 1, …) an index j is drawn in [i, N) and rows i and j swap places; row i
 * is then the pick. Every set of n rows is equally likely, and the order is the draw order.
 */
export function simpleRandom<T extends PopulationRow>(
	rows: readonly T[],
	size: number,
	rng: RandomGenerator
): SamplePick<T>[] {
	const pool = [...rows];
	const picks: SamplePick<T>[] = [];
	for (let i = 0; i < Math.min(size, pool.length); i++) {
		const j = i + randomBelow(rng, pool.length - i);
		[pool[i], pool[j]] = [pool[j]!, pool[i]!];
		picks.push({ row: pool[i]!, selections: 1, certain: false });
	}
	return picks;
}

export interface MusPass {
	/** The cents left after the rows taken with certainty, and the selections left for them. */
	cents: number;
	selections: number;
	/** The random start, in units of 1/selections cent: the start in cents is start ÷ selections. */
	start: number;
}

/**
 * Systematic selection over cumulative amounts, in integers: with m selections over a total of
 * R cents the interval is R/m cents; scaling every amount by m makes it exactly R, so the points
 * are start + k·R (k = 0 … m−1) for a start in [0, R), and row i holds the points in
 * [m·C(i−1), m·C(i)), C being the running total. Every row here is smaller than the interval, so
 * no two points fall in one row and exactly m rows are picked, in order of their points.
 */
export function musSystematic<T extends PopulationRow>(
	rows: readonly T[],
	selections: number,
	start: number
): T[] {
	const total = rows.reduce((sum, r) => sum + r.amountCents, 0);
	const picked: T[] = [];
	let before = 0;
	let k = 0;
	for (const row of rows) {
		const after = before + row.amountCents;
		while (k < selections && start + k * total < after * selections) {
			if (start + k * total >= before * selections) picked.push(row);
			k++;
		}
		before = after;
	}
	return picked;
}

/**
 * Monetary-unit sampling of `size` rows. Only rows with a positive amount belong to it (a credit
 * or a zero row has no monetary units; the caller says how many were left out). A row at least
 * as large as the interval (total ÷ selections left) would be hit by more than one point: it is
 * taken with certainty, its cents and one selection leave the pass, and the interval is worked
 * out again, until no row left reaches it. The rest are picked systematically from one random
 * start, so a sample of n rows from a population of n or more positive rows has n rows.
 */
export function monetaryUnit<T extends PopulationRow>(
	rows: readonly T[],
	size: number,
	rng: RandomGenerator
): { picks: SamplePick<T>[]; pass: MusPass | null } {
	let rest = rows.filter((r) => r.amountCents > 0);
	if (size >= rest.length) {
		return { picks: rest.map((row) => ({ row, selections: 1, certain: true })), pass: null };
	}
	const certain: SamplePick<T>[] = [];
	let selections = size;
	for (;;) {
		const total = rest.reduce((sum, r) => sum + r.amountCents, 0);
		const large = rest.filter((r) => r.amountCents * selections >= total);
		if (large.length === 0 || selections === 0) break;
		// The largest first (ties by id), one at a time, as each changes the interval.
		const top = large.reduce((a, b) => (b.amountCents > a.amountCents ? b : a));
		certain.push({
			row: top,
			selections: Math.floor((top.amountCents * selections) / total),
			certain: true
		});
		rest = rest.filter((r) => r !== top);
		selections -= 1;
	}
	if (selections === 0) return { picks: certain, pass: null };
	const cents = rest.reduce((sum, r) => sum + r.amountCents, 0);
	const start = randomBelow(rng, cents);
	const systematic = musSystematic(rest, selections, start).map((row) => ({
		row,
		selections: 1,
		certain: false
	}));
	return { picks: [...certain, ...systematic], pass: { cents, selections, start } };
}
