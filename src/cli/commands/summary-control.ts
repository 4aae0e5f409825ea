/**
 * `cofund summary`'s control part: declared, verified, queried, ineligible and eligible from
 * `figures.control` (control-figures.ts), in total and per year, code and event, as JSON with
 * money as two-decimal strings, or as lines for a person.
 */
import { formatMoney } from '$lib/domain/format';
import type { ControlAmounts, ControlFigures } from '$lib/domain/dashboard/control-figures';
import { NO_CATEGORY } from '$lib/domain/dashboard/figures';
import type { Locale } from '$lib/domain/locale';
import { centsToDecimal, type Cents } from '$lib/domain/money';
import { m } from '$lib/paraglide/messages.js';

export interface ControlAmountsJson {
	declared: string;
	verified: string;
	queried: string;
	ineligible: string;
	unchecked: string;
	eligible: string;
	rows: number;
	checkedRows: number;
}

export interface ControlJson {
	total: ControlAmountsJson;
	byYear: Record<string, ControlAmountsJson>;
	byCategory: Record<string, ControlAmountsJson>;
	/** By event number; the rows linked to no event under "none". */
	byEvent: Record<string, ControlAmountsJson>;
}

function amountsJson(a: ControlAmounts): ControlAmountsJson {
	return {
		declared: centsToDecimal(a.declared),
		verified: centsToDecimal(a.verified),
		queried: centsToDecimal(a.queried),
		ineligible: centsToDecimal(a.ineligible),
		unchecked: centsToDecimal(a.unchecked),
		eligible: centsToDecimal(a.eligible),
		rows: a.rows,
		checkedRows: a.checkedRows
	};
}

export function controlJson(control: ControlFigures): ControlJson {
	return {
		total: amountsJson(control.total),
		byYear: Object.fromEntries(control.years.map((y) => [String(y.year), amountsJson(y)])),
		byCategory: Object.fromEntries(
			control.byCategory.map((c) => [c.category || NO_CATEGORY, amountsJson(c)])
		),
		byEvent: Object.fromEntries(
			control.byEvent.map((e) => [e.event === null ? NO_CATEGORY : String(e.event), amountsJson(e)])
		)
	};
}

/** One line per total, year, code and event: declared … eligible, in the reader's money. */
export function controlLines(control: ControlFigures, locale: Locale, currency: string): string[] {
	const money = (cents: Cents) => formatMoney(cents, locale, { currency, decimals: 'always' });
	const say = { locale };
	const line = (label: string, a: ControlAmounts) =>
		`    ${label.padEnd(12)} ${m.eligible_summary_line(
			{
				declared: money(a.declared),
				verified: money(a.verified),
				queried: money(a.queried),
				ineligible: money(a.ineligible),
				eligible: money(a.eligible)
			},
			say
		)}`;
	return [
		`  ${m.eligible_summary_title({}, say)}`,
		line(m.eligible_summary_total({}, say), control.total),
		...control.years.map((y) => line(String(y.year), y)),
		...control.byCategory.map((c) => line(c.category || m.dashboard_no_category({}, say), c)),
		...control.byEvent.map((e) =>
			line(
				e.event === null
					? m.dashboard_no_event({}, say)
					: m.dashboard_event({ number: String(e.event) }, say),
				e
			)
		)
	];
}
