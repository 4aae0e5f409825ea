/** Says an amendment proposal in the reader's language: each year's change, and the whole as a note. */
import type { AmendmentProposal, YearChange } from '$lib/domain/plan/amendment-proposal';
import { formatMoney, formatSignedMoney } from '$lib/domain/format';
import type { Locale } from '$lib/domain/locale';
import { m } from '$lib/paraglide/messages.js';

const money = (cents: number, locale: Locale, currency: string) =>
	formatMoney(cents, locale, { currency, decimals: 'auto' });

/** "2019, the council's co-financing: +40,20 EUR (670 EUR → 710,20 EUR)". */
export function changeText(change: YearChange, locale: Locale, currency = 'EUR'): string {
	const say = { locale };
	const source =
		change.source === 'cofinancing'
			? m.proposal_source_cofinancing({}, say)
			: m.proposal_source_prefinancing({}, say);
	return m.proposal_change(
		{
			year: change.year,
			source,
			amount: formatSignedMoney(change.amount, locale, currency),
			before: money(change.before, locale, currency),
			after: money(change.after, locale, currency)
		},
		say
	);
}

/** The proposal in words, as a draft accepted from it keeps it as its note. */
export function proposalNote(
	proposal: AmendmentProposal,
	locale: Locale,
	currency = 'EUR'
): string {
	return m.proposal_note(
		{
			changes: proposal.years
				.flatMap((y) => y.changes)
				.map((c) => changeText(c, locale, currency))
				.join('; '),
			council: money(proposal.after.council, locale, currency),
			total: money(proposal.after.total, locale, currency)
		},
		{ locale }
	);
}
