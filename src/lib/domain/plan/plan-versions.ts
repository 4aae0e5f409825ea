/**
 * Plan versions and the decisions that adopt them: how adopted versions are ordered, which one is
 * in force on a date, and what a change of definition is (an amendment under a new decision, or a
 * correction of the record of the decision in force).
 */
import type { ProjectDefinition } from '../project/definition';

export type PlanVersionStatus = 'draft' | 'submitted' | 'adopted';
export type PlanVersionKind = 'adoption' | 'amendment' | 'correction';
export type Decision = ProjectDefinition['decision'];

export interface PlanVersion {
	/** 1, 2, … in the order recorded, per project. */
	number: number;
	status: PlanVersionStatus;
	kind: PlanVersionKind;
	/** The whole definition as adopted (a draft: as proposed so far). */
	definition: ProjectDefinition;
	/** The adopting decision (a correction: the decision it corrects the record of); null: a draft. */
	decision: Decision | null;
	basedOn: number | null;
	note: string | null;
	createdBy: string;
	/** ISO timestamp. */
	createdAt: string;
	adoptedBy: string | null;
	adoptedAt: string | null;
}

/** A version that a decision has adopted. */
export type AdoptedVersion = PlanVersion & { status: 'adopted'; decision: Decision };

/** Decisions are told apart by date and number; body and annex number describe the same one. */
export const sameDecision = (
	a: Pick<Decision, 'date' | 'number'>,
	b: Pick<Decision, 'date' | 'number'>
) => a.date === b.date && a.number.trim() === b.number.trim();

export const isAdopted = (v: PlanVersion): v is AdoptedVersion =>
	v.status === 'adopted' && v.decision !== null;

/**
 * Adopted versions in the order they took effect: by decision date, then as recorded (so a
 * correction of a decision's record follows the record it corrects).
 */
export function adoptedInOrder(versions: readonly PlanVersion[]): AdoptedVersion[] {
	return versions
		.filter(isAdopted)
		.sort((a, b) => a.decision.date.localeCompare(b.decision.date) || a.number - b.number);
}

/**
 * The plan in force on a date (YYYY-MM-DD): the last version adopted by a decision dated on or
 * before it. Before the first decision, the first adopted plan: a project spends from its start,
 * and what it is measured against then is the plan the council went on to adopt. Null: none.
 */
export function planInForce(versions: readonly PlanVersion[], date: string): AdoptedVersion | null {
	const adopted = adoptedInOrder(versions);
	let inForce = adopted[0] ?? null;
	for (const version of adopted) if (version.decision.date <= date) inForce = version;
	return inForce;
}

/** The plan in force now and from here on: the last adopted version. */
export function latestAdopted(versions: readonly PlanVersion[]): AdoptedVersion | null {
	return adoptedInOrder(versions).at(-1) ?? null;
}

/**
 * Where the plan changed: each adopted version after the first whose decision took effect, with
 * the date it did. A correction takes effect from its decision's date, as the record always meant.
 */
export interface PlanStep {
	from: string;
	version: AdoptedVersion;
}

export function planSteps(versions: readonly PlanVersion[]): PlanStep[] {
	return adoptedInOrder(versions).map((version) => ({ from: version.decision.date, version }));
}

/**
 * The version each decision stands at: the last record of it (its adoption or amendment, or the
 * latest correction of that record). These are the decisions a history and a register list.
 */
export function decisionRecords(versions: readonly PlanVersion[]): AdoptedVersion[] {
	const last = new Map<string, AdoptedVersion>();
	for (const version of adoptedInOrder(versions))
		last.set(`${version.decision.date} ${version.decision.number.trim()}`, version);
	return [...last.values()];
}

/** The record of one decision, by its number (and date, when two decisions share a number). */
export function recordOfDecision(
	versions: readonly PlanVersion[],
	number: string,
	date?: string
): AdoptedVersion | null {
	const matches = decisionRecords(versions).filter(
		(v) =>
			v.decision.number.trim() === number.trim() && (date === undefined || v.decision.date === date)
	);
	return matches.at(-1) ?? null;
}

export type ChangeKind =
	| { kind: 'amendment' }
	| { kind: 'correction' }
	/** A new decision dated before the one in force: it cannot amend what came after it. */
	| { kind: 'out-of-order'; inForce: Decision };

/** What recording `next` over the plan in force is: an amendment by a new decision, or a correction. */
export function changeKind(inForce: Decision, next: Decision): ChangeKind {
	if (sameDecision(inForce, next)) return { kind: 'correction' };
	if (next.date < inForce.date) return { kind: 'out-of-order', inForce };
	return { kind: 'amendment' };
}
