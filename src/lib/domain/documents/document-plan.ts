/**
 * Which plan version a document is made from: one asked for by number, the record of a decision
 * asked for by its number, or else the plan in force now. And, for a decision draft, where that
 * version stands among the decisions: the first adoption, or an amendment of it.
 */
import {
	adoptedInOrder,
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
}

export type ChosenVersion =
	| { found: PlanVersion }
	| { missing: 'plan'; plan: number }
	| { missing: 'decision'; decision: string }
	| { missing: 'none' };

export function chooseVersion(versions: readonly PlanVersion[], choice: PlanChoice): ChosenVersion {
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
