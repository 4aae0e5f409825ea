/**
 * One field of a record as the judge reads it: its text tidied, a typed workbook cell taken as it
 * is, and a problem noted when it does not read.
 */
import { parseAmount, type AmountResult } from './amounts';
import { parseDate } from './dates';
import type { EventMatch } from './events';
import type { ImportField } from './fields';
import { tidy } from './fold';
import type { ColumnMap } from './headers';
import type { ClassifyRules, RowProblem } from './outcome';
import { centsOfNumber, type SourceRecord } from './typed-cells';
import { parseCountry, parseEventRef } from './values';

/** Longest text kept in one field; longer is a broken export rather than a description. */
const MAX_TEXT = 2000;

/** Between the fields of a row's identity: a control character no export writes. */
export const SEPARATOR = '\u001f';

/** Reads a field by its column; fields the export lacks read as empty. */
export function cell(record: string[], columns: ColumnMap, field: ImportField): string {
	const index = columns[field];
	return index === undefined ? '' : tidy(record[index] ?? '');
}

/** A field's amount: a number cell as it is, text by the file's decimal mark. */
export function readAmount(record: SourceRecord, rules: ClassifyRules, text: string): AmountResult {
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

/** A date field: a workbook's date cell as it is, else its text by the file's date rules. */
export function readDate(
	record: SourceRecord,
	field: ImportField,
	rules: ClassifyRules,
	problems: RowProblem[],
	required: boolean
): string | null {
	const typed = record.typed && typedDate(record, rules, field);
	if (typed !== undefined) return typed;
	const value = cell(record, rules.columns, field);
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

export function readText(value: string, field: ImportField, problems: RowProblem[]): string {
	if (value.length > MAX_TEXT)
		problems.push({ field, code: 'too-long', value: value.slice(0, 80) });
	return value;
}

export function eventFor(line: number, rules: ClassifyRules, match: () => EventMatch): EventMatch {
	const byHand = rules.assignments?.get(line);
	if (byHand === undefined) return match();
	return byHand === null ? { event: null, how: 'by-hand' } : { event: byHand, how: 'by-hand' };
}

export function readEventRef(record: string[], rules: ClassifyRules, problems: RowProblem[]) {
	const text = cell(record, rules.columns, 'event');
	if (text === '') return { text, reference: undefined };
	const reference = parseEventRef(text);
	if (reference === undefined)
		problems.push({ field: 'event', code: 'event-invalid', value: text });
	return { text, reference };
}

export function readCountry(record: string[], rules: ClassifyRules, problems: RowProblem[]) {
	const text = cell(record, rules.columns, 'country');
	if (text === '') return { text, code: null };
	const code = parseCountry(text, rules.values.country) ?? null;
	if (!code) problems.push({ field: 'country', code: 'country-unknown', value: text });
	return { text, code };
}
