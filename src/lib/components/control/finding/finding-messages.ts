/** A finding's states, actions and refusals in the reader's language. */
import type { FindingAction } from '$lib/domain/control/finding-rules';
import type { ControlState } from '$lib/domain/control/finding-states';
import { formatMoney } from '$lib/domain/format';
import type { Locale } from '$lib/domain/locale';
import { formatBytes } from '$lib/i18n/import-messages';
import { m } from '$lib/paraglide/messages.js';
import type { FindingFailure } from '$lib/server/control/finding-record';

export function stateName(state: ControlState): string {
	return {
		unchecked: m.finding_state_unchecked,
		verified: m.finding_state_verified,
		queried: m.finding_state_queried,
		ineligible: m.finding_state_ineligible
	}[state]();
}

/** The badge class of a state: settled green, open amber, deducted red. */
export const stateTone: Record<ControlState, string> = {
	unchecked: '',
	verified: 'ok',
	queried: 'warning',
	ineligible: 'error'
};

export function actionName(action: FindingAction): string {
	return {
		verify: m.finding_action_verify,
		query: m.finding_action_query,
		deduct: m.finding_action_deduct,
		answer: m.finding_action_answer,
		close: m.finding_action_close,
		keep: m.finding_action_keep,
		clear: m.finding_action_clear
	}[action]();
}

export function failureText(failure: FindingFailure, locale: Locale, currency: string): string {
	switch (failure.code) {
		case 'not_allowed':
			return m.finding_error_not_allowed();
		case 'wrong_state':
			return m.finding_error_wrong_state({ state: stateName(failure.state) });
		case 'amount_invalid':
			return m.finding_error_amount_invalid({ amount: failure.amount });
		case 'amount_not_positive':
			return m.finding_error_amount_not_positive();
		case 'nothing_to_deduct':
			return m.finding_error_nothing_to_deduct();
		case 'amount_over':
			return m.finding_error_amount_over({
				amount: formatMoney(failure.maxCents, locale, { currency, decimals: 'always' })
			});
		case 'reason_missing':
			return m.finding_error_reason_missing();
		case 'reason_unknown':
			return m.finding_error_reason_unknown();
		case 'question_missing':
			return m.finding_error_question_missing();
		case 'follow_up_missing':
			return m.finding_error_follow_up_missing();
		case 'answer_empty':
			return m.finding_error_answer_empty();
		case 'not_found':
			return m.finding_error_not_found();
		case 'stale':
			return m.finding_error_stale();
		case 'file_too_large':
			return m.finding_error_file_too_large({ size: formatBytes(failure.limit, locale) });
	}
}
