/**
 * Says a plan history in the reader's language: each decision by its body, date and number,
 * and what it changed as labelled field lines with money in the plan's currency, as in
 * "Līdzfinansējums (2019. gads): 670 EUR → 710,20 EUR" and "Domes līdzfinansējums: +40,20 EUR".
 * The project page and `cofund plan history` both read these lines.
 */
import {
	formatDate,
	formatDecisionDate,
	formatMoney,
	formatOfficeMoment,
	formatSignedMoney
} from '$lib/domain/format';
import type { Locale } from '$lib/domain/locale';
import type { FundingDelta, HistoryEntry, HistoryRecord } from '$lib/domain/plan/plan-history';
import type { Decision } from '$lib/domain/plan/plan-versions';
import type { ProjectDefinition } from '$lib/domain/project/definition';
import { m } from '$lib/paraglide/messages.js';
import { describePlanChange } from './plan-change-messages';

/** "Daugavpils pilsētas domes 2018.gada 22.februāra lēmums Nr.57" / "Decision No. 57 of 22 February 2018". */
export function decisionTitle(decision: Decision, locale: Locale): string {
	const say = { locale };
	if (locale === 'lv')
		return m.history_decision_lv(
			{
				body: decision.body.lvGenitive,
				date: formatDecisionDate(decision.date, locale),
				number: decision.number
			},
			say
		);
	return m.history_decision_en(
		{ number: decision.number, date: formatDecisionDate(decision.date, locale) },
		say
	);
}

/** The body in the reader's language: the English name when there is one. */
export const decisionBody = (decision: Decision, locale: Locale) =>
	locale === 'en' && decision.body.en ? decision.body.en : decision.body.lv;

export function recordedLine(record: HistoryRecord, locale: Locale): string {
	return m.history_recorded(
		{ by: record.by, at: formatOfficeMoment(new Date(record.at), locale) },
		{ locale }
	);
}

/** Every field the record changed, labelled, its values written by their kind. */
export const changeLines = (record: HistoryRecord, currency: string, locale: Locale): string[] =>
	record.changes.map((change) => describePlanChange(change, locale, currency));

function netLabel(delta: FundingDelta, locale: Locale): string {
	const say = { locale };
	if (!('year' in delta))
		return { total: m.f_total, eu: m.f_eu, council: m.f_council }[delta.figure]({}, say);
	const field =
		delta.figure === 'prefinancing' ? m.f_prefinancing({}, say) : m.f_cofinancing({}, say);
	return m.change_field_of({ field, subject: m.change_of_year({ year: delta.year }, say) }, say);
}

/** How much each funding figure moved: "Domes līdzfinansējums: +40,20 EUR". */
export const netLines = (record: HistoryRecord, currency: string, locale: Locale): string[] =>
	record.net.map((delta) =>
		m.history_net_line(
			{ field: netLabel(delta, locale), cents: formatSignedMoney(delta.cents, locale, currency) },
			{ locale }
		)
	);

/** The plan as the decision has it: "Plāns: kopā 4160 EUR (ES 1500 EUR, dome 2660 EUR)". */
export function planLine(
	funding: ProjectDefinition['funding'],
	currency: string,
	locale: Locale
): string {
	const money = (cents: number) => formatMoney(cents, locale, { currency });
	return m.history_plan(
		{ total: money(funding.total), eu: money(funding.eu), council: money(funding.council) },
		{ locale }
	);
}

/** What a record says beside its decision: its diff and net change, or that nothing changed. */
function recordText(record: HistoryRecord, currency: string, locale: Locale): string[] {
	const say = { locale };
	const lines = [`  ${recordedLine(record, locale)}`];
	if (record.note) lines.push(`  ${m.history_note({ note: record.note }, say)}`);
	const changes = changeLines(record, currency, locale);
	if (!changes.length) lines.push(`  ${m.history_no_changes({}, say)}`);
	else {
		lines.push(`  ${m.history_changes({}, say)}:`, ...changes.map((line) => `    ${line}`));
		const net = netLines(record, currency, locale);
		if (net.length) lines.push(`  ${m.history_net({}, say)}:`, ...net.map((line) => `    ${line}`));
	}
	return lines;
}

/** One decision as plain text lines, for the CLI. */
export function entryText(entry: HistoryEntry, locale: Locale): string[] {
	const say = { locale };
	const kind =
		entry.kind === 'adoption'
			? m.history_kind_adoption({}, say)
			: m.history_kind_amendment({}, say);
	const state = entry.inForce
		? ` · ${m.history_in_force({}, say)}`
		: entry.upcoming
			? ` · ${m.history_upcoming({ date: formatDate(entry.decision.date, locale) }, say)}`
			: '';
	const annex = m.annex_number({ annex: entry.decision.annex }, say);
	const lines = [
		`${decisionTitle(entry.decision, locale)} · ${annex} · ${kind}${state}`,
		...(locale === 'en' ? [`  ${decisionBody(entry.decision, locale)}`] : []),
		`  ${planLine(entry.funding, entry.currency, locale)} · ${m.history_version({ version: entry.version }, say)}`
	];
	if (entry.kind === 'adoption' && !entry.changes.length) {
		lines.push(`  ${recordedLine(entry, locale)}`);
		if (entry.note) lines.push(`  ${m.history_note({ note: entry.note }, say)}`);
	} else lines.push(...recordText(entry, entry.currency, locale));
	for (const correction of entry.corrections) {
		lines.push(`  ${m.history_correction({ version: correction.version }, say)}`);
		lines.push(...recordText(correction, entry.currency, locale).map((line) => `  ${line}`));
	}
	return lines;
}
