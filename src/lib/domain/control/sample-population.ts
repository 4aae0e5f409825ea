/**
 * The population a sample is drawn from: a project's live expenses, narrowed by the auditor's
 * filter, in one stable order (by expense id), with a SHA-256 over its rows so that a later reader
 * can tell whether it changed since the draw.
 */
import { sha256Hex } from './sample-random';

export const SAMPLE_METHODS = ['random', 'mus'] as const;
export type SampleMethod = (typeof SAMPLE_METHODS)[number];

/** Strata by year, classification code (stored as `category`) or event; 'none' is one stratum. */
export const SAMPLE_STRATA = ['none', 'year', 'category', 'event'] as const;
export type SampleStrata = (typeof SAMPLE_STRATA)[number];

/** What a draw needs of an expense. */
export interface PopulationRow {
	id: number;
	date: string;
	amountCents: number;
	category: string;
	eventNumber: number | null;
}

/** The auditor's narrowing of the population; every part is optional, and all parts must hold. */
export interface PopulationFilter {
	/** YYYY-MM-DD, both days included. */
	from?: string;
	to?: string;
	years?: number[];
	codes?: string[];
	events?: number[];
}

export function inFilter(row: PopulationRow, filter: PopulationFilter): boolean {
	if (filter.from && row.date < filter.from) return false;
	if (filter.to && row.date > filter.to) return false;
	if (filter.years?.length && !filter.years.includes(Number(row.date.slice(0, 4)))) return false;
	if (filter.codes?.length && !filter.codes.includes(row.category)) return false;
	if (
		filter.events?.length &&
		(row.eventNumber === null || !filter.events.includes(row.eventNumber))
	)
		return false;
	return true;
}

/** The rows in the population's order: by expense id, which never changes for a live row. */
export function populationOrder<T extends PopulationRow>(rows: readonly T[]): T[] {
	return [...rows].sort((a, b) => a.id - b.id);
}

/**
 * SHA-256 of the population: one line `id;date;amount in cents` per row, in id order, each ended
 * by a line feed. Any row added, removed, re-dated or changed in amount changes it.
 */
export function populationSha256(rows: readonly PopulationRow[]): string {
	return sha256Hex(
		populationOrder(rows)
			.map((r) => `${r.id};${r.date};${r.amountCents}\n`)
			.join('')
	);
}

/** The stratum a row falls in: '' when not stratified, and '' for a row of no event. */
export function stratumOf(row: PopulationRow, strata: SampleStrata): string {
	switch (strata) {
		case 'none':
			return '';
		case 'year':
			return row.date.slice(0, 4);
		case 'category':
			return row.category;
		case 'event':
			return row.eventNumber === null ? '' : String(row.eventNumber);
	}
}

export interface PopulationSummary {
	rows: number;
	cents: number;
	sha256: string;
}

export function summarize(rows: readonly PopulationRow[]): PopulationSummary {
	return {
		rows: rows.length,
		cents: rows.reduce((sum, r) => sum + r.amountCents, 0),
		sha256: populationSha256(rows)
	};
}
