/** An expense record judged: every field read, the problems listed, its event matched. */
import { matchEvent } from './events';
import type { ClassifyRules, ExpenseRecord, Outcome, RowProblem } from './outcome';
import {
	cell,
	eventFor,
	readAmount,
	readCountry,
	readDate,
	readEventRef,
	readText,
	SEPARATOR
} from './read-fields';
import type { SourceRecord } from './typed-cells';
import { parseFundingSource, type FundingSource } from './values';

export function classifyExpense(record: SourceRecord, line: number, rules: ClassifyRules): Outcome {
	const problems: RowProblem[] = [];
	const date = readDate(record, 'date', rules, problems, true);
	if (date && date > rules.today)
		problems.push({
			field: 'date',
			code: 'date-future',
			value: cell(record, rules.columns, 'date')
		});

	let amountCents: number | null = null;
	const amountText = cell(record, rules.columns, 'amount');
	if (amountText === '') problems.push({ field: 'amount', code: 'required', value: '' });
	else {
		const amount = readAmount(record, rules, amountText);
		if (amount.ok) amountCents = amount.cents;
		else problems.push({ field: 'amount', code: `amount-${amount.problem}`, value: amountText });
	}

	const currencyText = cell(record, rules.columns, 'currency');
	const currency =
		currencyText === '€' ? 'EUR' : currencyText.toUpperCase() || rules.project.currency;
	if (currency !== rules.project.currency) {
		problems.push({
			field: 'currency',
			code: 'currency-other',
			value: currencyText,
			expected: rules.project.currency
		});
	}

	const fundingText = cell(record, rules.columns, 'fundingSource');
	let fundingSource: FundingSource | null = null;
	if (fundingText !== '') {
		fundingSource = parseFundingSource(fundingText, rules.values.fundingSource) ?? null;
		if (!fundingSource)
			problems.push({ field: 'fundingSource', code: 'funding-unknown', value: fundingText });
	}
	const ref = readEventRef(record, rules, problems);
	const country = readCountry(record, rules, problems);
	const documentNumber = readText(
		cell(record, rules.columns, 'documentNumber'),
		'documentNumber',
		problems
	);
	const payee = readText(cell(record, rules.columns, 'payee'), 'payee', problems);
	const description = readText(cell(record, rules.columns, 'description'), 'description', problems);
	const category = readText(cell(record, rules.columns, 'category'), 'category', problems);

	if (problems.length || !date || amountCents === null) {
		return { outcome: 'rejected', line, amountCents, problems };
	}
	const event = eventFor(line, rules, () =>
		matchEvent(rules.project.events, {
			reference: ref.reference,
			country: country.code ?? undefined,
			from: date
		})
	);
	const record_: ExpenseRecord = {
		date,
		amountCents,
		currency,
		documentNumber,
		payee,
		description,
		category,
		eventNumber: event.event,
		fundingSource
	};
	// Identity is what the source says, not what cofund made of it: an event set by hand must not
	// turn the same ledger line into a new one on the next import.
	const identity = [
		date,
		amountCents,
		currency,
		documentNumber,
		payee,
		description,
		category,
		ref.text,
		fundingText,
		country.text
	].join(SEPARATOR);
	return {
		outcome: 'accepted',
		kind: 'expenses',
		line,
		amountCents,
		record: record_,
		identity,
		event,
		eventRef: ref.text
	};
}
