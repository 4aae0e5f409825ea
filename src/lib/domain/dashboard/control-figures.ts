/**
 * Eligible against declared: per year, classification code and event, the amounts declared (the
 * live expenses), verified, under query and deducted as ineligible, and the eligible amount that
 * results. It is the one computation of these figures; projectFigures carries it, so that the
 * dashboard, the portfolio, the CSVs, the documents and `cofund summary` show the same amounts.
 */
import type { FindingState } from '../control/finding-states';
import type { Cents } from '../money';

/** The findings of expenses that share a month, code and event and a state, summed. */
export interface FindingSum {
	/** YYYY-MM */
	month: string;
	/** The classification code ('' for none), as in SpendRow. */
	category: string;
	event: number | null;
	state: FindingState;
	/** The expenses' declared amounts. */
	cents: Cents;
	/** What the findings take off (only an ineligible finding takes anything). */
	deducted: Cents;
	rows: number;
}

export interface ControlAmounts {
	declared: Cents;
	/** Declared amounts of expenses the auditor verified. */
	verified: Cents;
	/** Declared amounts of expenses under an open query. */
	queried: Cents;
	/** What was deducted as ineligible (the whole of an expense, or the part named). */
	ineligible: Cents;
	/** Declared amounts of expenses with no finding yet. */
	unchecked: Cents;
	/** declared − ineligible: what the project may claim as the control stands. */
	eligible: Cents;
	/** How many expense rows are declared, and how many of them have a finding. */
	rows: number;
	checkedRows: number;
}

export interface ControlFigures {
	total: ControlAmounts;
	years: (ControlAmounts & { year: number })[];
	/** By code, in code order ('' last). */
	byCategory: (ControlAmounts & { category: string })[];
	/** By event number, no event (null) last. */
	byEvent: (ControlAmounts & { event: number | null })[];
}

/** A declared sum, as SpendRow has it (only what this computation reads). */
export interface DeclaredSum {
	month: string;
	category: string;
	event: number | null;
	cents: Cents;
	rows: number;
}

interface Tally {
	declared: Cents;
	verified: Cents;
	queried: Cents;
	ineligible: Cents;
	/** Declared amounts of the rows with a finding of any state. */
	checked: Cents;
	rows: number;
	checkedRows: number;
}

const emptyTally = (): Tally => ({
	declared: 0,
	verified: 0,
	queried: 0,
	ineligible: 0,
	checked: 0,
	rows: 0,
	checkedRows: 0
});

function amounts(t: Tally): ControlAmounts {
	return {
		declared: t.declared,
		verified: t.verified,
		queried: t.queried,
		ineligible: t.ineligible,
		unchecked: t.declared - t.checked,
		eligible: t.declared - t.ineligible,
		rows: t.rows,
		checkedRows: t.checkedRows
	};
}

class Tallies<K> {
	readonly map = new Map<K, Tally>();
	of(key: K): Tally {
		let tally = this.map.get(key);
		if (!tally) this.map.set(key, (tally = emptyTally()));
		return tally;
	}
}

function addFinding(t: Tally, f: FindingSum) {
	t.checked += f.cents;
	t.checkedRows += f.rows;
	if (f.state === 'verified') t.verified += f.cents;
	if (f.state === 'queried') t.queried += f.cents;
	t.ineligible += f.deducted;
}

const codeOrder = (a: string, b: string) =>
	a === '' || b === '' ? (a === '' ? 1 : 0) - (b === '' ? 1 : 0) : a.localeCompare(b, 'en');

export function controlFigures(
	declared: readonly DeclaredSum[],
	findings: readonly FindingSum[]
): ControlFigures {
	const total = emptyTally();
	const years = new Tallies<number>();
	const codes = new Tallies<string>();
	const events = new Tallies<number | null>();
	const each = (row: { month: string; category: string; event: number | null }) => [
		total,
		years.of(Number(row.month.slice(0, 4))),
		codes.of(row.category),
		events.of(row.event)
	];
	for (const row of declared)
		for (const t of each(row)) {
			t.declared += row.cents;
			t.rows += row.rows;
		}
	for (const finding of findings) for (const t of each(finding)) addFinding(t, finding);
	return {
		total: amounts(total),
		years: [...years.map].sort(([a], [b]) => a - b).map(([year, t]) => ({ year, ...amounts(t) })),
		byCategory: [...codes.map]
			.sort(([a], [b]) => codeOrder(a, b))
			.map(([category, t]) => ({ category, ...amounts(t) })),
		byEvent: [...events.map]
			.sort(([a], [b]) => (a ?? Infinity) - (b ?? Infinity))
			.map(([event, t]) => ({ event, ...amounts(t) }))
	};
}
