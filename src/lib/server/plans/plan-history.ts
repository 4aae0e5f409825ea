/** A project's plan history and its amendments, read and recorded for the page and the CLI. */
import { officeToday } from '$lib/domain/format';
import { amendedDefinition, type AmendingDecision } from '$lib/domain/plan/plan-amendment';
import { planHistory, type HistoryEntry } from '$lib/domain/plan/plan-history';
import { latestAdopted, sameDecision, type Decision } from '$lib/domain/plan/plan-versions';
import type { DefinitionIssue, ProjectDefinition } from '$lib/domain/project/definition';
import type { Actor } from '../audit/record-audit';
import type { Database, Queryable } from '../db';
import {
	applyProjectDefinition,
	DecisionOrderError,
	NotAnAmendmentError,
	type ApplyResult
} from '../projects/apply-definition';
import { planVersionsOf } from './plan-versions';

/** The history as on the office's `today`; null when there is no such project. */
export async function projectHistory(
	db: Queryable,
	code: string,
	today: string = officeToday()
): Promise<HistoryEntry[] | null> {
	const versions = await planVersionsOf(db, code);
	return versions && planHistory(versions, today);
}

export type AmendOutcome =
	| { ok: true; result: ApplyResult; definition: ProjectDefinition; entry: HistoryEntry }
	| { ok: false; problem: 'no-project' }
	| { ok: false; problem: 'other-project'; found: string }
	| { ok: false; problem: 'invalid'; issues: DefinitionIssue[] }
	/** The decision is the one in force, or dated before it: nothing was recorded. */
	| { ok: false; problem: 'same-decision' | 'out-of-order'; inForce: Decision };

/**
 * Records an amendment of a project's plan by a new decision: `file` (a parsed JSON value) is a
 * whole definition or just the plan part, laid over the plan in force. Anything else than an
 * amendment is refused, and then nothing is written.
 */
export async function amendPlan(
	db: Database,
	code: string,
	file: unknown,
	decision: AmendingDecision,
	options: { actor: Actor; note?: string }
): Promise<AmendOutcome> {
	const versions = await planVersionsOf(db, code);
	const inForce = versions && latestAdopted(versions);
	if (!inForce) return { ok: false, problem: 'no-project' };
	const amended = amendedDefinition(inForce.definition, file, decision);
	if (!amended.ok) return { ok: false, problem: 'invalid', issues: amended.issues };
	const definition = amended.definition;
	if (definition.code !== code)
		return { ok: false, problem: 'other-project', found: definition.code };
	let result: ApplyResult;
	try {
		result = await applyProjectDefinition(db, definition, { ...options, amendmentOnly: true });
	} catch (error) {
		if (error instanceof DecisionOrderError)
			return { ok: false, problem: 'out-of-order', inForce: error.inForce };
		if (error instanceof NotAnAmendmentError)
			return { ok: false, problem: 'same-decision', inForce: error.inForce };
		throw error;
	}
	const history = (await projectHistory(db, code)) ?? [];
	const entry = history.find((e) => sameDecision(e.decision, definition.decision));
	if (!entry) throw new Error(`Project ${code}: the amendment just recorded is not in its history`);
	return { ok: true, result, definition, entry };
}
