/**
 * Which plan version a document is made from: one asked for by number, the record of a decision
 * asked for by its number, or else the plan in force now. And, for a decision draft, where that
 * version stands among the decisions: the first adoption, or an amendment of it.
 */
import {
	adoptedInOrder,
	decisionRecords,
	isAdopted,
	latestAdopted,
	recordOfDecision,
	sameDecision,
	type PlanVersion
} from '../plan/plan-versions';
import type { VersionData } from './document-data';

/** What a request names: a version number, a decision number, or neither (the plan in force). */
export interface PlanChoice {
	plan?: number | undefined;
	decision?: string | undefined;
	/**
	 * What a kept document made from this version is checked against now: its decision's last
	 * record (a correction of that record is a change; another decision's amendment is not),
	 * or, for a draft, the draft as it stands.
	 */
	recordOf?: number | undefined;
}

export type ChosenVersion =
	| { found: PlanVersion }
	| { missing: 'plan'; plan: number }
	| { missing: 'decision'; decision: string }
	| { missing: 'none' };

export function chooseVersion(versions: readonly PlanVersion[], choice: PlanChoice): ChosenVersion {
	if (choice.recordOf !== undefined) {
		const made = versions.find((v) => v.number === choice.recordOf);
		if (!made) return { missing: 'plan', plan: choice.recordOf };
		const record = isAdopted(made)
			? recordOfDecision(versions, made.decision.number, made.decision.date)
			: null;
		return { found: record ?? made };
	}
	if (choice.plan !== undefined) {
		const found = versions.find((v) => v.number === choice.plan);
		return found ? { found } : { missing: 'plan', plan: choice.plan };
	}
	if (choice.decision !== undefined) {
		const found = recordOfDecision(versions, choice.decision);
		return found ? { found } : { missing: 'decision', decision: choice.decision };
	}
	const found = latestAdopted(versions);
	return found ? { found } : { missing: 'none' };
}

/**
 * The version's place among the decisions. An adopted version belongs to its decision (a
 * correction to the decision whose record it corrects); a draft is the next decision's. The
 * plan before is the last record of the decisions before it; an amendment amends the first.
 */
export function versionData(versions: readonly PlanVersion[], version: PlanVersion): VersionData {
	const adopted = adoptedInOrder(versions);
	const own = version.status === 'adopted' ? version.definition.decision : null;
	const earlier = adopted.filter((v) =>
		own
			? v.decision.date < own.date ||
				(v.decision.date === own.date &&
					!sameDecision(v.decision, own) &&
					v.number < version.number)
			: v.number !== version.number
	);
	const first = adopted[0];
	const before = earlier.at(-1);
	const amends =
		first && before && (!own || !sameDecision(first.decision, own))
			? {
					decision: first.decision,
					title: first.definition.title,
					before: { decision: before.decision, funding: before.definition.funding }
				}
			: null;
	return {
		number: version.number,
		status: version.status,
		kind: amends ? 'amendment' : 'adoption',
		amends
	};
}

/** A plan a reader may make a document from: the one in force, a decision's, or a draft. */
export interface PlanOption {
	/** The version number to ask for; null: the plan in force at the time of asking. */
	plan: number | null;
	kind: 'in_force' | 'decision' | 'draft' | 'submitted';
	version: number;
	/** The decision's number and date (a draft's: as proposed so far). */
	number: string;
	date: string;
}

/** The plan in force first, then each decision's record, newest first, then the drafts. */
export function planOptions(versions: readonly PlanVersion[]): PlanOption[] {
	const option = (v: PlanVersion, kind: PlanOption['kind'], plan: number | null) => ({
		plan,
		kind,
		version: v.number,
		number: v.definition.decision.number,
		date: v.definition.decision.date
	});
	const inForce = latestAdopted(versions);
	const decisions = decisionRecords(versions)
		.reverse()
		.map((v) => option(v, 'decision', v.number));
	const drafts = versions
		.filter((v) => v.status !== 'adopted')
		.map((v) => option(v, v.status === 'submitted' ? 'submitted' : 'draft', v.number));
	return [...(inForce ? [option(inForce, 'in_force', null)] : []), ...decisions, ...drafts];
}
