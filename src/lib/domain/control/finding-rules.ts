/**
 * The finding rules: which action may be taken on an expense's finding from which state, by whom,
 * and what it leaves behind (the finding's new state and the thread's new entry). Pure: the
 * server applies the outcome in one transaction.
 */
import { parseMoney, type Cents } from '../money';
import type { FindingState } from './finding-states';

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

/** The current finding, or null when the expense is not checked. */
export interface CurrentFinding {
	state: FindingState;
	deductedCents: Cents;
	reasonCode: string | null;
	note: string | null;
}

/** What the reader may do: `control:write` decides, `control:answer` answers an open query. */
export interface FindingPowers {
	write: boolean;
	answer: boolean;
}

export type FindingRequest =
	| { action: 'verify' | 'clear' | 'close'; text?: string | undefined }
	| { action: 'query' | 'keep'; text: string }
	| {
			action: 'deduct';
			scope: 'full' | 'part';
			/** The part deducted, as typed ("20,00" or "20.00"); ignored for a full deduction. */
			amount?: string | undefined;
			reasonCode: string;
			text?: string | undefined;
	  }
	| { action: 'answer'; text?: string | undefined; files: number };

export type FindingError =
	| { code: 'not_allowed'; action: FindingAction }
	| { code: 'wrong_state'; action: FindingAction; state: FindingState | 'unchecked' }
	| { code: 'amount_invalid'; amount: string }
	| { code: 'amount_not_positive' }
	/** A credit note or a zero row declares nothing to take off. */
	| { code: 'nothing_to_deduct' }
	| { code: 'amount_over'; maxCents: Cents }
	| { code: 'reason_missing' }
	| { code: 'question_missing' }
	| { code: 'follow_up_missing' }
	| { code: 'answer_empty' };

/** The entry the thread gets, and the finding after it (null: not checked, its row removed). */
export interface FindingOutcome {
	next: CurrentFinding | null;
	entry: {
		action: FindingAction;
		state: FindingState | null;
		deductedCents: Cents;
		reasonCode: string | null;
		text: string | null;
	};
}

export type FindingResult =
	{ ok: true; outcome: FindingOutcome } | { ok: false; error: FindingError };

type StateName = FindingState | 'unchecked';

/** The auditor's actions from each state; the coordinator's one action is answering a query. */
const DECISIONS: Record<StateName, readonly FindingAction[]> = {
	unchecked: ['verify', 'query', 'deduct'],
	verified: ['query', 'deduct', 'clear'],
	queried: ['close', 'keep', 'deduct', 'clear'],
	ineligible: ['verify', 'query', 'deduct', 'clear']
};

const stateOf = (current: CurrentFinding | null): StateName => current?.state ?? 'unchecked';

/** The actions this reader may take on a finding in this state, in the order forms show them. */
export function allowedActions(
	current: CurrentFinding | null,
	powers: FindingPowers
): FindingAction[] {
	const state = stateOf(current);
	const actions: FindingAction[] = powers.write ? [...DECISIONS[state]] : [];
	if (powers.answer && state === 'queried') actions.push('answer');
	return FINDING_ACTIONS.filter((a) => actions.includes(a));
}

const clean = (text: string | undefined): string | null => text?.trim() || null;

function permitted(action: FindingAction, powers: FindingPowers): boolean {
	return action === 'answer' ? powers.answer : powers.write;
}

/** The amount a deduction takes off: the whole expense, or a part in (0, amount]. */
export function deduction(
	request: Extract<FindingRequest, { action: 'deduct' }>,
	amountCents: Cents
): { ok: true; cents: Cents } | { ok: false; error: FindingError } {
	if (amountCents <= 0) return { ok: false, error: { code: 'nothing_to_deduct' } };
	if (request.scope === 'full') return { ok: true, cents: amountCents };
	const typed = request.amount?.trim() ?? '';
	const cents = parseMoney(typed);
	if (cents === null) return { ok: false, error: { code: 'amount_invalid', amount: typed } };
	if (cents <= 0) return { ok: false, error: { code: 'amount_not_positive' } };
	if (cents > amountCents)
		return { ok: false, error: { code: 'amount_over', maxCents: amountCents } };
	return { ok: true, cents };
}

/** What `request` does to the finding on an expense of `amountCents`, or why it may not. */
export function planFinding(
	current: CurrentFinding | null,
	request: FindingRequest,
	amountCents: Cents,
	powers: FindingPowers
): FindingResult {
	const { action } = request;
	if (!permitted(action, powers)) return { ok: false, error: { code: 'not_allowed', action } };
	if (!allowedActions(current, powers).includes(action)) {
		return { ok: false, error: { code: 'wrong_state', action, state: stateOf(current) } };
	}
	const text = clean(request.text);
	const entry = (next: CurrentFinding | null, said: string | null) => ({
		ok: true as const,
		outcome: {
			next,
			entry: {
				action,
				state: next?.state ?? null,
				deductedCents: next?.deductedCents ?? 0,
				reasonCode: next?.reasonCode ?? null,
				text: said
			}
		}
	});
	const settled = (state: FindingState): CurrentFinding => ({
		state,
		deductedCents: 0,
		reasonCode: null,
		note: null
	});
	switch (request.action) {
		case 'verify':
		case 'close':
			return entry(settled('verified'), text);
		case 'clear':
			return entry(null, text);
		case 'query':
		case 'keep':
			if (!text) {
				const code = action === 'query' ? 'question_missing' : 'follow_up_missing';
				return { ok: false, error: { code } };
			}
			return entry({ ...settled('queried'), note: text }, text);
		case 'answer':
			if (!text && request.files === 0) return { ok: false, error: { code: 'answer_empty' } };
			return entry(current, text);
		case 'deduct': {
			const taken = deduction(request, amountCents);
			if (!taken.ok) return taken;
			if (!request.reasonCode.trim()) return { ok: false, error: { code: 'reason_missing' } };
			const next = {
				state: 'ineligible' as const,
				deductedCents: taken.cents,
				reasonCode: request.reasonCode.trim(),
				note: text
			};
			return entry(next, text);
		}
	}
}
