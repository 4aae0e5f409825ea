/** The words for a sample's method, strata and a row's finding state, on the page and in the CLI. */
import type { ControlState } from '$lib/domain/control/finding-states';
import type { SampleMethod, SampleStrata } from '$lib/domain/control/sample-population';
import type { Locale } from '$lib/domain/locale';
import { m } from '$lib/paraglide/messages.js';

export function methodLabel(method: SampleMethod, locale: Locale): string {
	const say = { locale };
	return method === 'mus' ? m.sample_method_mus({}, say) : m.sample_method_random({}, say);
}

export function strataLabel(strata: SampleStrata, locale: Locale): string {
	const labels: Record<SampleStrata, typeof m.sample_strata_none> = {
		none: m.sample_strata_none,
		year: m.sample_strata_year,
		category: m.sample_strata_category,
		event: m.sample_strata_event
	};
	return labels[strata]({}, { locale });
}

export function stateLabel(state: ControlState, locale: Locale): string {
	const labels: Record<ControlState, typeof m.sample_state_unchecked> = {
		unchecked: m.sample_state_unchecked,
		verified: m.sample_state_verified,
		queried: m.sample_state_queried,
		ineligible: m.sample_state_ineligible
	};
	return labels[state]({}, { locale });
}
