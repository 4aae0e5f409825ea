import { describe, expect, it } from 'vitest';
import {
	allowedActions,
	deduction,
	FINDING_ACTIONS,
	planFinding,
	type CurrentFinding,
	type FindingAction,
	type FindingPowers,
	type FindingRequest
} from './finding-rules';
import type { FindingState } from './finding-states';

const AMOUNT = 12_000;
const finding = (state: FindingState): CurrentFinding => ({
	state,
	deductedCents: state === 'ineligible' ? 2000 : 0,
	reasonCode: state === 'ineligible' ? 'other' : null,
	note: state === 'queried' ? 'Where is the ticket?' : null
});
const STATES: [string, CurrentFinding | null][] = [
	['unchecked', null],
	['verified', finding('verified')],
	['queried', finding('queried')],
	['ineligible', finding('ineligible')]
];
const POWERS: [string, FindingPowers][] = [
	['auditor', { write: true, answer: false }],
	['coordinator', { write: false, answer: true }],
	['admin', { write: true, answer: true }],
	['council', { write: false, answer: false }]
];
const EXPECTED: Record<string, FindingAction[]> = {
	'auditor unchecked': ['verify', 'query', 'deduct'],
	'auditor verified': ['query', 'deduct', 'clear'],
	'auditor queried': ['deduct', 'close', 'keep', 'clear'],
	'auditor ineligible': ['verify', 'query', 'deduct', 'clear'],
	'coordinator queried': ['answer'],
	'admin unchecked': ['verify', 'query', 'deduct'],
	'admin verified': ['query', 'deduct', 'clear'],
	'admin queried': ['deduct', 'answer', 'close', 'keep', 'clear'],
	'admin ineligible': ['verify', 'query', 'deduct', 'clear']
};

function request(action: FindingAction): FindingRequest {
	switch (action) {
		case 'deduct':
			return { action, scope: 'part', amount: '20,00', reasonCode: 'no_boarding_pass' };
		case 'answer':
			return { action, text: 'Attached', files: 1 };
		default:
			return { action, text: 'Text' };
	}
}

describe('which finding action is allowed from which state, and by whom', () => {
	for (const [who, powers] of POWERS) {
		for (const [state, current] of STATES) {
			const allowed = EXPECTED[`${who} ${state}`] ?? [];
			it(`${who} on ${state}: ${allowed.join(', ') || 'nothing'}`, () => {
				expect(allowedActions(current, powers)).toEqual(allowed);
				for (const action of FINDING_ACTIONS) {
					const result = planFinding(current, request(action), AMOUNT, powers);
					expect(result.ok, `${action}`).toBe(allowed.includes(action));
					if (!result.ok) {
						const mayAct = action === 'answer' ? powers.answer : powers.write;
						expect(result.error.code).toBe(mayAct ? 'wrong_state' : 'not_allowed');
					}
				}
			});
		}
	}
});

const auditor = { write: true, answer: false };
const coordinator = { write: false, answer: true };

describe('what a finding leaves behind', () => {
	it('deducts a part typed with a comma or a point, and the whole amount', () => {
		for (const amount of ['20,00', '20.00', ' 20 ']) {
			const result = planFinding(
				null,
				{ action: 'deduct', scope: 'part', amount, reasonCode: 'no_boarding_pass', text: 'x' },
				AMOUNT,
				auditor
			);
			expect(result.ok && result.outcome.next).toEqual({
				state: 'ineligible',
				deductedCents: 2000,
				reasonCode: 'no_boarding_pass',
				note: 'x'
			});
		}
		const full = planFinding(
			null,
			{ action: 'deduct', scope: 'full', reasonCode: 'other' },
			AMOUNT,
			auditor
		);
		expect(full.ok && full.outcome.entry).toMatchObject({
			deductedCents: AMOUNT,
			state: 'ineligible'
		});
	});

	it('refuses a part that is not money, not positive, or more than the expense', () => {
		const part = (amount: string) =>
			planFinding(
				null,
				{ action: 'deduct', scope: 'part', amount, reasonCode: 'other' },
				AMOUNT,
				auditor
			);
		expect(part('abc')).toEqual({ ok: false, error: { code: 'amount_invalid', amount: 'abc' } });
		expect(part('')).toEqual({ ok: false, error: { code: 'amount_invalid', amount: '' } });
		expect(part('0,00')).toEqual({ ok: false, error: { code: 'amount_not_positive' } });
		expect(part('-5')).toEqual({ ok: false, error: { code: 'amount_not_positive' } });
		// A credit note declares nothing to take off, in full or in part.
		for (const scope of ['full', 'part'] as const)
			expect(
				deduction({ action: 'deduct', scope, amount: '1,00', reasonCode: 'other' }, -19_000)
			).toEqual({ ok: false, error: { code: 'nothing_to_deduct' } });
		expect(part('120,01')).toEqual({ ok: false, error: { code: 'amount_over', maxCents: AMOUNT } });
		expect(part('120,00').ok).toBe(true);
	});

	it('needs a reason, a question, a follow-up, and an answer with text or a file', () => {
		const deduct = planFinding(
			null,
			{ action: 'deduct', scope: 'full', reasonCode: ' ' },
			AMOUNT,
			auditor
		);
		expect(deduct).toEqual({ ok: false, error: { code: 'reason_missing' } });
		expect(planFinding(null, { action: 'query', text: '  ' }, AMOUNT, auditor)).toEqual({
			ok: false,
			error: { code: 'question_missing' }
		});
		const queried = finding('queried');
		expect(planFinding(queried, { action: 'keep', text: '' }, AMOUNT, auditor)).toEqual({
			ok: false,
			error: { code: 'follow_up_missing' }
		});
		expect(planFinding(queried, { action: 'answer', files: 0 }, AMOUNT, coordinator)).toEqual({
			ok: false,
			error: { code: 'answer_empty' }
		});
		expect(planFinding(queried, { action: 'answer', files: 1 }, AMOUNT, coordinator).ok).toBe(true);
	});

	it('closes a query as verified, keeps it queried with the follow-up, and answers without a change', () => {
		const queried = finding('queried');
		const close = planFinding(queried, { action: 'close' }, AMOUNT, auditor);
		expect(close.ok && close.outcome.next?.state).toBe('verified');
		const keep = planFinding(queried, { action: 'keep', text: 'The stamp?' }, AMOUNT, auditor);
		expect(keep.ok && keep.outcome.next).toMatchObject({ state: 'queried', note: 'The stamp?' });
		const answer = planFinding(
			queried,
			{ action: 'answer', text: 'Here', files: 0 },
			AMOUNT,
			coordinator
		);
		expect(answer.ok && answer.outcome).toEqual({
			next: queried,
			entry: {
				action: 'answer',
				state: 'queried',
				deductedCents: 0,
				reasonCode: null,
				text: 'Here'
			}
		});
		const clear = planFinding(queried, { action: 'clear' }, AMOUNT, auditor);
		expect(clear.ok && clear.outcome).toMatchObject({ next: null, entry: { state: null } });
	});
});
