/**
 * The `control` part of a document's data: the auditor's findings with their threads and
 * evidence, the samples with their items, and the expenses, reasons and people they name, as
 * plain JSON. It is fingerprinted with the rest, so a further finding changes the fingerprint.
 */
import type { FindingState } from '../control/finding-states';

export const FINDING_ACTIONS = [
	'verify',
	'query',
	'deduct',
	'answer',
	'close',
	'keep',
	'clear'
] as const;
export type FindingAction = (typeof FINDING_ACTIONS)[number];

/** An expense a finding or a sample names, with its source; `reverted` once its import is. */
export interface ControlExpense {
	key: string;
	date: string;
	cents: number;
	currency: string;
	category: string;
	event: number | null;
	document: string;
	payee: string;
	description: string;
	file: string;
	line: number;
	reverted: boolean;
}

export interface EvidenceRecord {
	name: string;
	size: number;
	sha256: string;
}

/** One entry of a finding's thread, as written. */
export interface EntryRecord {
	action: FindingAction;
	/** The state the entry left the finding in; null: not checked. */
	state: FindingState | null;
	deducted: number;
	reason: string | null;
	text: string | null;
	/** Who wrote it (an e-mail address; `people` names them). */
	by: string;
	/** ISO timestamp. */
	at: string;
	evidence: EvidenceRecord[];
}

/** The finding on one expense: its state now (null: not checked, after a clear) and its thread. */
export interface FindingRecord {
	expense: string;
	state: FindingState | null;
	deducted: number;
	reason: string | null;
	note: string | null;
	entries: EntryRecord[];
}

export interface SampleRecord {
	number: number;
	method: 'random' | 'mus';
	strata: 'none' | 'year' | 'category' | 'event';
	size: number;
	seed: string;
	/** Every other parameter of the draw, as the sample recorded it (generator, filter, …). */
	params: unknown;
	population: { rows: number; cents: number; sha256: string };
	drawnBy: string;
	drawnAt: string;
	items: { position: number; expense: string; stratum: string }[];
}

export interface ReasonRecord {
	code: string;
	lv: string;
	en: string;
}

export interface PersonRecord {
	email: string;
	name: string;
	role: string;
}

export interface ControlData {
	/** By date, file and line. */
	expenses: ControlExpense[];
	/** In the expenses' order. */
	findings: FindingRecord[];
	/** By number. */
	samples: SampleRecord[];
	/** The reasons named, by code. */
	reasons: ReasonRecord[];
	/** The people named, by e-mail. */
	people: PersonRecord[];
}
