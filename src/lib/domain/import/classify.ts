/**
 * One record of an export, judged: accepted as an Expense or a Participation, rejected with the
 * field and the reason, or set aside (blank, totals, another project's row). Pure and per record,
 * so the same file always gives the same judgement, whatever the chunking.
 */
import { parseAmount, type AmountResult, type DecimalMark } from './amounts';
import { parseDate, type DateOrder } from './dates';
import { matchEvent, type EventMatch, type EventTarget } from './events';
import type { ImportField, ImportKind } from './fields';
import { fold, tidy } from './fold';
import type { ColumnMap } from './headers';
import type { MappingProfile } from './profile';
import { centsOfNumber, type SourceRecord } from './typed-cells';
import {
	parseCountry,
	parseEventRef,
	parseFundingSource,
	parseStatus,
	type FundingSource,
	type ParticipationStatus
} from './values';

export interface ImportProject {
	code: string;
	currency: string;
	events: readonly EventTarget[];
}

export interface ClassifyRules {
	kind: ImportKind;
	columns: ColumnMap;
	/** Fields in the header row; a record with other non-empty fields is ragged. */
	width: number;
	decimal: DecimalMark;
	dateOrder: DateOrder | null;
	/** ISO date; an expense dated after it is refused. */
	today: string;
	project: ImportProject;
	values: NonNullable<MappingProfile['values']>;
	/** Events set by hand for a line: a number, or null for "no event". */
	assignments?: ReadonlyMap<number, number | null>;
}

export interface ExpenseRecord {
	date: string;
	amountCents: number;
	currency: string;
	documentNumber: string;
	payee: string;
	description: string;
	category: string;
	eventNumber: number | null;
	fundingSource: FundingSource | null;
}

export interface ParticipationRecord {
	person: string;
	position: string;
	eventNumber: number | null;
	city: string;
	country: string | null;
	departure: string;
	returnDate: string | null;
	orderNumber: string;
	status: ParticipationStatus;
}

export type RejectCode =
	| 'field-count'
	| 'required'
	| 'too-long'
	| 'date-invalid'
	| 'date-ambiguous'
	| 'date-no-such-day'
	| 'date-future'
	| 'amount-invalid'
	| 'amount-decimals'
	| 'amount-too-large'
	| 'currency-other'
	| 'funding-unknown'
	| 'status-unknown'
	| 'country-unknown'
	| 'event-invalid'
	| 'return-before-departure';

export interface RowProblem {
	field: ImportField | null;
	code: RejectCode;
	value: string;
	expected?: string;
}

export type SetAsideReason = 'blank' | 'totals' | 'other-project' | 'duplicate';

interface Base {
	line: number;
	/** The record's amount when it has a readable one, for the control totals. */
	amountCents: number | null;
}

export type Outcome =
	| (Base & {
			outcome: 'accepted';
			kind: 'expenses';
			record: ExpenseRecord;
			identity: string;
			event: EventMatch;
			/** The event reference as the file writes it, empty when it has none. */
			eventRef: string;
	  })
	| (Base & {
			outcome: 'accepted';
			kind: 'participation';
			record: ParticipationRecord;
			identity: string;
			event: EventMatch;
			/** The event reference as the file writes it, empty when it has none. */
			eventRef: string;
	  })
	| (Base & { outcome: 'rejected'; problems: RowProblem[] })
	| (Base & { outcome: 'set-aside'; reason: SetAsideReason; detail: string });

/** Longest text kept in one field; longer is a broken export rather than a description. */
const MAX_TEXT = 2000;
/** Folded text starting with a totals word; the word ends at a space, since \b knows no Cyrillic. */
const TOTALS_WORDS =
	/^(?:kopa|kopsumma|pavisam|summa kopa|kopa summa|total|totals|grand total|subtotal|sum|starpsumma|itogo|итого)(?: |$)/;

const SEPARATOR = '\u001f';

/** Reads a field by its column; fields the export lacks read as empty. */
function cell(record: string[], columns: ColumnMap, field: ImportField): string {
	const index = columns[field];
	return index === undefined ? '' : tidy(record[index] ?? '');
}

/** A field's amount: a number cell as it is, text by the file's decimal mark. */
function readAmount(record: SourceRecord, rules: ClassifyRules, text: string): AmountResult {
	const index = rules.columns.amount;
	const typed = index === undefined ? undefined : record.typed?.[index];
	return typed?.kind === 'number' ? centsOfNumber(typed.value) : parseAmount(text, rules.decimal);
}

/** A field's day: a date cell as it is, text by the file's date rules. */
function typedDate(record: SourceRecord, rules: ClassifyRules, field: ImportField) {
	const index = rules.columns[field];
	const typed = index === undefined ? undefined : record.typed?.[index];
	return typed?.kind === 'date' ? typed.iso : undefined;
}

function isTotalsLine(record: SourceRecord, rules: ClassifyRules): boolean {
	const dateField = rules.kind === 'expenses' ? 'date' : 'departure';
	const date = cell(record, rules.columns, dateField);
	// Ledgers print "Kopā" in their first column, which is often the date's. A cell starting with a
	// digit is a date (or a broken one), never that word: the common case skips the folding.
	if (date !== '' && !/^\d/.test(date) && TOTALS_WORDS.test(fold(date))) return true;
	// A dated row, or one with a document or a person, is a record, whatever its text says: a
	// payee called "Total Energies" must not make a real expense vanish as a totals line.
	const owner = cell(
		record,
		rules.columns,
		rules.kind === 'expenses' ? 'documentNumber' : 'person'
	);
	if (date !== '' || (owner !== '' && !TOTALS_WORDS.test(fold(owner)))) return false;
	const filled = record.map(tidy).filter((value) => value !== '');
	if (filled.length === 0) return false;
	// The words lead the line ("Kopā", "Total:"), before any amount.
	if (TOTALS_WORDS.test(fold(filled[0]!))) return true;
	if (rules.kind !== 'expenses') return false;
	// No words and no date: a line holding only amounts is a sum the export added.
	const typed = record.typed;
	if (typed)
		return record.every(
			(value, i) =>
				typed[i]?.kind === 'number' || tidy(value) === '' || parseAmount(value, rules.decimal).ok
		);
	return filled.every((value) => parseAmount(value, rules.decimal).ok);
}

function belongsElsewhere(record: string[], rules: ClassifyRules, own: Set<string>) {
	if (rules.columns.projectCode === undefined) return null;
	const value = cell(record, rules.columns, 'projectCode');
	// Most rows write the code exactly as the project does; only the others need folding.
	return value === rules.project.code || own.has(fold(value)) ? null : value;
}

const ownCodesCache = new WeakMap<ClassifyRules, Set<string>>();
function ownCodes(rules: ClassifyRules): Set<string> {
	let codes = ownCodesCache.get(rules);
	if (!codes) {
		codes = new Set([rules.project.code, ...(rules.values.projectCode ?? [])].map(fold));
		ownCodesCache.set(rules, codes);
	}
	return codes;
}

function readDate(
	value: string,
	field: ImportField,
	rules: ClassifyRules,
	problems: RowProblem[],
	required: boolean,
	typed?: string
): string | null {
	if (typed !== undefined) return typed;
	if (value === '') {
		if (required) problems.push({ field, code: 'required', value });
		return null;
	}
	const parsed = parseDate(value, rules.dateOrder);
	if (!parsed.ok) {
		problems.push({ field, code: `date-${parsed.problem}`, value });
		return null;
	}
	return parsed.iso;
}

function readText(value: string, field: ImportField, problems: RowProblem[]): string {
	if (value.length > MAX_TEXT)
		problems.push({ field, code: 'too-long', value: value.slice(0, 80) });
	return value;
}

function eventFor(line: number, rules: ClassifyRules, match: () => EventMatch): EventMatch {
	const byHand = rules.assignments?.get(line);
	if (byHand === undefined) return match();
	return byHand === null ? { event: null, how: 'by-hand' } : { event: byHand, how: 'by-hand' };
}

function readEventRef(record: string[], rules: ClassifyRules, problems: RowProblem[]) {
	const text = cell(record, rules.columns, 'event');
	if (text === '') return { text, reference: undefined };
	const reference = parseEventRef(text);
	if (reference === undefined)
		problems.push({ field: 'event', code: 'event-invalid', value: text });
	return { text, reference };
}

function readCountry(record: string[], rules: ClassifyRules, problems: RowProblem[]) {
	const text = cell(record, rules.columns, 'country');
	if (text === '') return { text, code: null };
	const code = parseCountry(text, rules.values.country) ?? null;
	if (!code) problems.push({ field: 'country', code: 'country-unknown', value: text });
	return { text, code };
}

function classifyExpense(record: SourceRecord, line: number, rules: ClassifyRules): Outcome {
	const problems: RowProblem[] = [];
	const date = readDate(
		cell(record, rules.columns, 'date'),
		'date',
		rules,
		problems,
		true,
		record.typed && typedDate(record, rules, 'date')
	);
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

function classifyParticipation(record: SourceRecord, line: number, rules: ClassifyRules): Outcome {
	const problems: RowProblem[] = [];
	const person = readText(cell(record, rules.columns, 'person'), 'person', problems);
	if (person === '') problems.push({ field: 'person', code: 'required', value: '' });
	const departure = readDate(
		cell(record, rules.columns, 'departure'),
		'departure',
		rules,
		problems,
		true,
		record.typed && typedDate(record, rules, 'departure')
	);
	const returnDate = readDate(
		cell(record, rules.columns, 'return'),
		'return',
		rules,
		problems,
		false,
		record.typed && typedDate(record, rules, 'return')
	);
	if (departure && returnDate && returnDate < departure) {
		problems.push({
			field: 'return',
			code: 'return-before-departure',
			value: cell(record, rules.columns, 'return')
		});
	}
	let status: ParticipationStatus = 'done';
	if (rules.columns.status !== undefined) {
		const parsed = parseStatus(cell(record, rules.columns, 'status'), rules.values.status);
		if (parsed) status = parsed;
		else if (cell(record, rules.columns, 'status') === '')
			problems.push({ field: 'status', code: 'required', value: '' });
		else
			problems.push({
				field: 'status',
				code: 'status-unknown',
				value: cell(record, rules.columns, 'status')
			});
	}
	const ref = readEventRef(record, rules, problems);
	const country = readCountry(record, rules, problems);
	const position = readText(cell(record, rules.columns, 'position'), 'position', problems);
	const city = readText(cell(record, rules.columns, 'city'), 'city', problems);
	const orderNumber = readText(cell(record, rules.columns, 'orderNumber'), 'orderNumber', problems);

	if (problems.length || !departure)
		return { outcome: 'rejected', line, amountCents: null, problems };
	const event = eventFor(line, rules, () => {
		const found = matchEvent(rules.project.events, {
			reference: ref.reference,
			country: country.code ?? undefined,
			from: departure,
			to: returnDate ?? undefined
		});
		// A trip is always for some event: one that cannot be placed is listed for the coordinator.
		return found.how === 'none'
			? { event: null, how: 'unmatched', problem: 'no-event-fits' }
			: found;
	});
	return {
		outcome: 'accepted',
		kind: 'participation',
		line,
		amountCents: null,
		record: {
			person,
			position,
			eventNumber: event.event,
			city,
			country: country.code,
			departure,
			returnDate,
			orderNumber,
			status
		},
		identity: [fold(person), orderNumber, departure].join(SEPARATOR),
		eventRef: ref.text,
		event
	};
}

/**
 * A workbook's record may carry typed cells (`SourceRecord`): a date cell in a date column and a
 * number cell in the amount column are read as they are, any other cell by its text.
 */
export function classifyRecord(record: SourceRecord, line: number, rules: ClassifyRules): Outcome {
	if (record.every((value) => tidy(value) === '')) {
		return { outcome: 'set-aside', line, amountCents: null, reason: 'blank', detail: '' };
	}
	const amountOf = () => {
		const parsed = readAmount(record, rules, cell(record, rules.columns, 'amount'));
		return rules.kind === 'expenses' && parsed.ok ? parsed.cents : null;
	};
	if (isTotalsLine(record, rules)) {
		return { outcome: 'set-aside', line, amountCents: amountOf(), reason: 'totals', detail: '' };
	}
	const extra = record.slice(rules.width);
	if (record.length < rules.width || extra.some((value) => tidy(value) !== '')) {
		return {
			outcome: 'rejected',
			line,
			amountCents: null,
			problems: [
				{
					field: null,
					code: 'field-count',
					value: String(record.length),
					expected: String(rules.width)
				}
			]
		};
	}
	const elsewhere = belongsElsewhere(record, rules, ownCodes(rules));
	if (elsewhere !== null) {
		return {
			outcome: 'set-aside',
			line,
			amountCents: amountOf(),
			reason: 'other-project',
			detail: elsewhere
		};
	}
	return rules.kind === 'expenses'
		? classifyExpense(record, line, rules)
		: classifyParticipation(record, line, rules);
}
