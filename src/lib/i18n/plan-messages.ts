/** Says a plan finding in words, with its numbers in the reader's language. */
import { formatMoney, formatMonth, formatPeriod } from '$lib/domain/format';
import type { Locale } from '$lib/domain/locale';
import type { PlanFinding } from '$lib/domain/project/plan-checks';
import { m } from '$lib/paraglide/messages.js';

export function describeFinding(finding: PlanFinding, locale: Locale, currency = 'EUR'): string {
	const money = (cents: number) => formatMoney(cents, locale, { currency });
	const options = { locale };
	switch (finding.rule) {
		case 'period-order':
			return m.rule_period_order({ start: finding.start, end: finding.end }, options);
		case 'parts-sum':
			return m.rule_parts_sum(
				{
					eu: money(finding.eu),
					council: money(finding.council),
					sum: money(finding.sum),
					total: money(finding.total)
				},
				options
			);
		case 'prefinancing-over-eu':
			return m.rule_prefinancing_over_eu(
				{ prefinancing: money(finding.prefinancing), eu: money(finding.eu) },
				options
			);
		case 'prefinancing-under-eu':
			return m.rule_prefinancing_under_eu(
				{ prefinancing: money(finding.prefinancing), eu: money(finding.eu) },
				options
			);
		case 'cofinancing-sum':
			return m.rule_cofinancing_sum(
				{ cofinancing: money(finding.cofinancing), council: money(finding.council) },
				options
			);
		case 'year-outside-period':
			return m.rule_year_outside_period(
				{ year: finding.year, period: period(finding, locale) },
				options
			);
		case 'event-outside-period':
			return m.rule_event_outside_period(
				{
					event: finding.event,
					month: monthOrRaw(finding.month, locale),
					period: period(finding, locale)
				},
				options
			);
		case 'mobilities-sum':
			return m.rule_mobilities_sum({ planned: finding.planned, events: finding.events }, options);
	}
}

function period(finding: { start: string; end: string }, locale: Locale): string {
	return formatPeriod(finding.start, finding.end, locale);
}

function monthOrRaw(month: string, locale: Locale): string {
	try {
		return formatMonth(month, locale);
	} catch {
		return month;
	}
}
