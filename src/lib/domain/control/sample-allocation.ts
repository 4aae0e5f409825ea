/**
 * Shares a sample's size out to its strata in proportion to a weight (the row count for random
 * sampling, the amount for monetary-unit sampling), by largest remainder, in integers only.
 */

export interface StratumWeight {
	key: string;
	/** Rows (random) or cents (MUS); > 0 for a stratum that can be drawn from. */
	weight: number;
	/** The most rows the stratum can give. */
	capacity: number;
}

/**
 * The rule, so it can be stated in a report:
 * 1. When the size allows (size ≥ number of non-empty strata), each non-empty stratum gets one
 *    first, so that none goes unexamined.
 * 2. The rest is shared in proportion to the weights of the strata that still have room: each
 *    gets the whole part of its quota, then the ones left go to the largest remainders (ties to
 *    the stratum whose key sorts first).
 * 3. A stratum is never given more than its capacity; what it cannot take is shared again by the
 *    same rule among the others, until the size is met or no stratum has room.
 * Strata are taken in key order, so the result never depends on the order they were found in.
 */
export function allocate(strata: readonly StratumWeight[], size: number): Map<string, number> {
	const open = [...strata]
		.filter((s) => s.weight > 0 && s.capacity > 0)
		.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
	const given = new Map(strata.map((s) => [s.key, 0]));
	let left = size;
	if (size >= open.length) {
		for (const s of open) given.set(s.key, 1);
		left -= open.length;
	}
	for (;;) {
		const room = open.filter((s) => given.get(s.key)! < s.capacity);
		if (left <= 0 || room.length === 0) return given;
		const total = room.reduce((sum, s) => sum + s.weight, 0);
		const shares = room.map((s) => ({
			s,
			whole: Math.floor((left * s.weight) / total),
			remainder: (left * s.weight) % total
		}));
		let extra = left - shares.reduce((sum, x) => sum + x.whole, 0);
		const byRemainder = shares
			.map((_, i) => i)
			.sort((a, b) => shares[b]!.remainder - shares[a]!.remainder || a - b);
		for (const i of byRemainder) if (extra-- > 0) shares[i]!.whole += 1;
		for (const x of shares) {
			const had = given.get(x.s.key)!;
			const now = Math.min(x.s.capacity, had + x.whole);
			given.set(x.s.key, now);
			left -= now - had;
		}
	}
}
