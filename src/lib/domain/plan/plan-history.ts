/**
 * A project's plan history: the council's decisions in the order they took effect, each with
 * what it changed against the decision before it, the corrections of its record, and which one
 * is in force on a date.
 */
import { planDiff } from '../documents/data-changes';
import type { Cents } from '../money';
import type { ProjectDefinition } from '../project/definition';
import {
	adoptedInOrder,
	decisionRecords,
	planInForce,
	sameDecision,
	type AdoptedVersion,
	type Decision,
	type PlanVersion
} from './plan-versions';

export interface PlanChange {
	/** A plan path, as `planDiff` names it (`funding.years[year=2019].cofinancing`). */
	field: string;
	before: unknown;
	after: unknown;
}

/** How much one funding figure moved: the plan's parts, or one year's pre- or co-financing. */
export type FundingDelta =
	| { figure: 'total' | 'eu' | 'council'; cents: Cents }
	| { figure: 'prefinancing' | 'cofinancing'; year: number; cents: Cents };

/** One record of a decision: its adoption or amendment, or a correction of that record. */
export interface HistoryRecord {
	/** The plan version it is. */
	version: number;
	/** Who recorded it (an email, or 'system'), and when (ISO timestamp). */
	by: string;
	at: string;
	note: string | null;
	/** What it changed against the record before it; empty for the first adoption. */
	changes: PlanChange[];
	/** The funding figures that moved, in the plan's order; only those that did. */
	net: FundingDelta[];
}

export interface HistoryEntry extends HistoryRecord {
	/** The decision as its last record has it (a correction may have fixed its body or annex). */
	decision: Decision;
	kind: 'adoption' | 'amendment';
	/** The plan as the decision stands now, after its corrections. */
	funding: ProjectDefinition['funding'];
	currency: string;
	corrections: HistoryRecord[];
	/** The decision whose plan is in force on the date asked about. */
	inForce: boolean;
	/** Dated after that date: adopted, but not yet in effect. */
	upcoming: boolean;
}

/**
 * The decision's date and number name the entry itself, so they are not listed as its changes;
 * a correction cannot change them (it would be another decision).
 */
const NAMES_THE_DECISION = new Set(['decision.date', 'decision.number']);

function changesBetween(before: ProjectDefinition, after: ProjectDefinition): PlanChange[] {
	return planDiff(before, after)
		.filter((c) => !NAMES_THE_DECISION.has(c.field))
		.map(({ field, before, after }) => ({ field, before, after }));
}

/** Each funding figure after minus before, in the plan's order: parts, then years as planned. */
export function fundingNet(
	before: ProjectDefinition['funding'],
	after: ProjectDefinition['funding']
): FundingDelta[] {
	const out: FundingDelta[] = [];
	for (const figure of ['total', 'eu', 'council'] as const) {
		const cents = after[figure] - before[figure];
		if (cents) out.push({ figure, cents });
	}
	const years = [...new Set([...before.years, ...after.years].map((y) => y.year))].sort(
		(a, b) => a - b
	);
	for (const year of years) {
		const was = before.years.find((y) => y.year === year);
		const now = after.years.find((y) => y.year === year);
		for (const figure of ['prefinancing', 'cofinancing'] as const) {
			const cents = (now?.[figure] ?? 0) - (was?.[figure] ?? 0);
			if (cents) out.push({ figure, year, cents });
		}
	}
	return out;
}

function record(version: AdoptedVersion, previous: AdoptedVersion | null): HistoryRecord {
	const before = previous?.definition;
	const after = version.definition;
	return {
		version: version.number,
		by: version.adoptedBy ?? version.createdBy,
		at: version.adoptedAt ?? version.createdAt,
		note: version.note,
		changes: before ? changesBetween(before, after) : [],
		net: before ? fundingNet(before.funding, after.funding) : []
	};
}

/**
 * The history, oldest decision first: an amendment reads against the decision it amends, as
 * the list of amendments under a consolidated act does. `date` (YYYY-MM-DD, the office's
 * today) decides which decision is in force.
 */
export function planHistory(versions: readonly PlanVersion[], date: string): HistoryEntry[] {
	const inForce = planInForce(versions, date);
	const last = decisionRecords(versions);
	const entries: HistoryEntry[] = [];
	let previous: AdoptedVersion | null = null;
	for (const version of adoptedInOrder(versions)) {
		const current = entries.at(-1);
		const shown = record(version, previous);
		previous = version;
		// A correction follows the record it corrects (adoptedInOrder), so it joins that entry.
		if (current && sameDecision(current.decision, version.decision)) {
			current.corrections.push(shown);
			continue;
		}
		const final = last.find((v) => sameDecision(v.decision, version.decision)) ?? version;
		entries.push({
			...shown,
			decision: final.decision,
			// The first decision adopts the plan, whatever its record says; every later one amends it.
			kind: entries.length === 0 ? 'adoption' : 'amendment',
			funding: final.definition.funding,
			currency: final.definition.currency,
			corrections: [],
			inForce: inForce !== null && sameDecision(inForce.decision, version.decision),
			upcoming: version.decision.date > date
		});
	}
	return entries;
}
