/**
 * A whole draw: the population narrowed and ordered, split into strata, the size shared out to
 * them, and each stratum drawn with its own stream from the seed and the stratum's key. Pure and
 * deterministic: the same rows, seed and parameters give the same picks, in the same order.
 */
import { allocate } from './sample-allocation';
import { monetaryUnit, simpleRandom, type MusPass, type SamplePick } from './sample-methods';
import {
	inFilter,
	populationOrder,
	stratumOf,
	summarize,
	type PopulationFilter,
	type PopulationRow,
	type PopulationSummary,
	type SampleMethod,
	type SampleStrata
} from './sample-population';
import { SAMPLE_GENERATOR, seededStream, type SampleGenerator } from './sample-random';

export const MAX_SAMPLE_SIZE = 10_000;

export interface SampleParams {
	method: SampleMethod;
	strata: SampleStrata;
	size: number;
	seed: string;
	filter: PopulationFilter;
}

export interface StratumResult {
	key: string;
	rows: number;
	cents: number;
	size: number;
	/** MUS: the systematic pass after the rows taken with certainty (null when none was needed). */
	pass: MusPass | null;
}

export interface SampleResult<T extends PopulationRow = PopulationRow> {
	/** In draw order: strata in key order, and within each the order of its method. */
	picks: (SamplePick<T> & { stratum: string })[];
	population: PopulationSummary;
	/** MUS: rows of the narrowed population left out for having no positive amount. */
	excluded: { rows: number; cents: number };
	strata: StratumResult[];
	generator: SampleGenerator;
}

export type SampleProblem = 'size' | 'empty' | 'smaller' | 'seed';

/** Why a draw cannot be made; the caller words it. */
export class SampleParamsError extends Error {
	constructor(
		readonly problem: SampleProblem,
		readonly detail: { size?: number; rows?: number } = {}
	) {
		super(`sample: ${problem}`);
		this.name = 'SampleParamsError';
	}
}

function groupByStratum<T extends PopulationRow>(rows: readonly T[], strata: SampleStrata) {
	const groups = new Map<string, T[]>();
	for (const row of rows) {
		const key = stratumOf(row, strata);
		groups.set(key, [...(groups.get(key) ?? []), row]);
	}
	return [...groups.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
}

/** The rows a sample is drawn from: live rows in the filter, and for MUS only positive amounts. */
export function samplePopulation<T extends PopulationRow>(
	rows: readonly T[],
	params: { method: SampleMethod; filter: PopulationFilter }
): { population: T[]; excluded: T[] } {
	const narrowed = populationOrder(rows.filter((r) => inFilter(r, params.filter)));
	if (params.method === 'random') return { population: narrowed, excluded: [] };
	return {
		population: narrowed.filter((r) => r.amountCents > 0),
		excluded: narrowed.filter((r) => r.amountCents <= 0)
	};
}

export function drawSample<T extends PopulationRow>(
	rows: readonly T[],
	params: SampleParams
): SampleResult<T> {
	if (!Number.isInteger(params.size) || params.size < 1 || params.size > MAX_SAMPLE_SIZE)
		throw new SampleParamsError('size', { size: params.size });
	if (params.seed.trim() === '') throw new SampleParamsError('seed');
	const { population, excluded } = samplePopulation(rows, params);
	if (population.length === 0) throw new SampleParamsError('empty');
	if (params.size > population.length)
		throw new SampleParamsError('smaller', { size: params.size, rows: population.length });
	const groups = groupByStratum(population, params.strata);
	const weight = (g: T[]) =>
		params.method === 'random' ? g.length : g.reduce((sum, r) => sum + r.amountCents, 0);
	const sizes = allocate(
		groups.map(([key, g]) => ({ key, weight: weight(g), capacity: g.length })),
		params.size
	);
	const picks: SampleResult<T>['picks'] = [];
	const strata: StratumResult[] = [];
	for (const [key, group] of groups) {
		const size = sizes.get(key) ?? 0;
		const rng = seededStream(params.seed, key);
		const drawn =
			params.method === 'random'
				? { picks: simpleRandom(group, size, rng), pass: null }
				: monetaryUnit(group, size, rng);
		picks.push(...drawn.picks.map((p) => ({ ...p, stratum: key })));
		const cents = group.reduce((sum, r) => sum + r.amountCents, 0);
		strata.push({ key, rows: group.length, cents, size, pass: drawn.pass });
	}
	return {
		picks,
		population: summarize(population),
		excluded: { rows: excluded.length, cents: excluded.reduce((s, r) => s + r.amountCents, 0) },
		strata,
		generator: SAMPLE_GENERATOR
	};
}
