/** Says an import's control sums (`importBalance`) in the reader's language, for the page and the CLI alike. */
import type { ImportBalance } from '$lib/domain/import/balance';
import { formatMoney } from '$lib/domain/format';
import type { Locale } from '$lib/domain/locale';
import { m } from '$lib/paraglide/messages.js';

/** "9 accepted + 2 rejected + 5 set aside = 16 records in the file", and its parts. */
export interface EquationText {
	terms: string[];
	/** The arithmetic's own sign: a report that does not add up shows ≠, never a false =. */
	sign: '=' | '≠';
	result: string;
	text: string;
}

export interface BalanceText {
	records: EquationText;
	/** The same for the amounts; null for travel orders. */
	amounts: EquationText | null;
	/** What the amounts leave out, and why. */
	notes: string[];
	/** The file's totals line against the sum of its rows. */
	stated: { matches: boolean; text: string } | null;
}

function equation(terms: string[], holds: boolean, result: string): EquationText {
	const sign = holds ? '=' : '≠';
	return { terms, sign, result, text: `${terms.join(' + ')} ${sign} ${result}` };
}

export function describeBalance(
	balance: ImportBalance,
	locale: Locale,
	currency: string
): BalanceText {
	const say = { locale };
	const money = (cents: number) => formatMoney(cents, locale, { currency, decimals: 'always' });
	const { records, amounts, statedTotal } = balance;
	const notes: string[] = [];
	let amountsText: EquationText | null = null;
	if (amounts) {
		amountsText = equation(
			[
				m.import_balance_money_accepted({ amount: money(amounts.acceptedCents) }, say),
				m.import_balance_money_rejected({ amount: money(amounts.rejectedCents) }, say),
				m.import_balance_money_set_aside({ amount: money(amounts.setAsideCents) }, say)
			],
			amounts.holds,
			m.import_balance_money_rows({ amount: money(amounts.rowsCents) }, say)
		);
		const { rejected, setAside } = amounts.unreadable;
		if (rejected) notes.push(m.import_balance_unreadable_rejected({ count: rejected }, say));
		if (setAside) notes.push(m.import_balance_unreadable_set_aside({ count: setAside }, say));
		if (amounts.totalsLines) {
			notes.push(
				m.import_balance_totals_left_out(
					{ count: amounts.totalsLines, amount: money(amounts.totalsLinesCents) },
					say
				)
			);
		}
	}
	return {
		records: equation(
			[
				m.import_balance_term_accepted({ count: records.accepted }, say),
				m.import_balance_term_rejected({ count: records.rejected }, say),
				m.import_balance_term_set_aside({ count: records.setAside }, say)
			],
			records.holds,
			m.import_balance_term_records({ count: records.total }, say)
		),
		amounts: amountsText,
		notes,
		stated: statedTotal && {
			matches: statedTotal.matches,
			text: statedTotal.matches
				? m.import_stated_total_ok({ stated: money(statedTotal.statedCents) }, say)
				: m.import_stated_total_off(
						{
							stated: money(statedTotal.statedCents),
							computed: money(statedTotal.rowsCents),
							difference: money(statedTotal.differenceCents)
						},
						say
					)
		}
	};
}
