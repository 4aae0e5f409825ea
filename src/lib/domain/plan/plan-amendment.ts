/**
 * The definition an amendment records: a whole definition, or just the plan part (funding,
 * events, planned mobilities) laid over the plan in force, under the amending decision.
 */
import {
	parseProjectDefinition,
	type DefinitionResult,
	type ProjectDefinition
} from '../project/definition';
import { toDefinitionInput } from '../project/definition-input';
import { changeKind, type ChangeKind } from './plan-versions';

/** The parts of a definition that a council decision on co-financing adopts. */
export const PLAN_PARTS = ['funding', 'events', 'plannedMobilities'] as const;

export interface AmendingDecision {
	date: string;
	number: string;
	/** The annex number; kept from the decision in force when not given. */
	annex?: number;
}

const isObject = (v: unknown): v is Record<string, unknown> =>
	typeof v === 'object' && v !== null && !Array.isArray(v);

/** A file with a project code is a whole definition; one without is a plan part. */
export const isWholeDefinition = (value: unknown) => isObject(value) && 'code' in value;

/**
 * The amended definition, checked by the schema (its issues name paths in the whole definition).
 * The decision's body is kept from the decision in force: an amendment comes from the same council.
 */
export function amendedDefinition(
	inForce: ProjectDefinition,
	file: unknown,
	decision: AmendingDecision
): DefinitionResult {
	if (!isObject(file))
		return {
			ok: false,
			issues: [{ path: '', key: 'invalid_type', params: { expected: 'object' } }]
		};
	let base: Record<string, unknown>;
	if (isWholeDefinition(file)) base = { ...file };
	else {
		const unknown = Object.keys(file).filter(
			(key) => key !== '$schema' && !(PLAN_PARTS as readonly string[]).includes(key)
		);
		if (unknown.length)
			return {
				ok: false,
				issues: [{ path: '', key: 'unrecognized_keys', params: { keys: unknown.join(', ') } }]
			};
		if (!('funding' in file))
			return { ok: false, issues: [{ path: 'funding', key: 'required', params: {} }] };
		// The file is in the definition's input form (money in EUR), so the plan in force is too.
		base = { ...toDefinitionInput(inForce), ...file };
	}
	return parseProjectDefinition({
		...base,
		decision: {
			body: { ...inForce.decision.body },
			date: decision.date,
			number: decision.number,
			annex: decision.annex ?? inForce.decision.annex
		}
	});
}

/**
 * Why an amendment cannot be recorded over the decision in force, or null when it can: the same
 * decision would only correct its record, and one dated before it cannot amend what followed.
 */
export function amendmentRefusal(
	inForce: ProjectDefinition['decision'],
	next: Pick<ProjectDefinition['decision'], 'date' | 'number'>
): Exclude<ChangeKind, { kind: 'amendment' }> | null {
	const kind = changeKind(inForce, { ...inForce, ...next });
	return kind.kind === 'amendment' ? null : kind;
}
