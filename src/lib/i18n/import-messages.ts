/** Says an import's outcome in the reader's language: refused files, rejected rows, reasons and fields. */
import { formatDate, formatDecimal, formatMoney } from '$lib/domain/format';
import { periodLabel } from '$lib/domain/control/periods';
import type { Locale } from '$lib/domain/locale';
import type { RowProblem, SetAsideReason } from '$lib/domain/import/classify';
import type { ColumnWarning } from '$lib/domain/import/column-warnings';
import type { ImportField } from '$lib/domain/import/fields';
import type { HeaderProblem } from '$lib/domain/import/headers';
import type { UnmatchedRow } from '$lib/domain/import/report';
import type { ImportFailure } from '$lib/domain/import/failures';
import type { SheetRead } from '$lib/domain/import/result';
import { m } from '$lib/paraglide/messages.js';

type Say = { locale: Locale };

export function fieldLabel(field: ImportField, locale: Locale): string {
	const say = { locale };
	const labels: Record<ImportField, () => string> = {
		date: () => m.import_field_date({}, say),
		amount: () => m.import_field_amount({}, say),
		currency: () => m.import_field_currency({}, say),
		documentNumber: () => m.import_field_documentNumber({}, say),
		payee: () => m.import_field_payee({}, say),
		description: () => m.import_field_description({}, say),
		category: () => m.import_field_category({}, say),
		projectCode: () => m.import_field_projectCode({}, say),
		event: () => m.import_field_event({}, say),
		fundingSource: () => m.import_field_fundingSource({}, say),
		country: () => m.import_field_country({}, say),
		person: () => m.import_field_person({}, say),
		position: () => m.import_field_position({}, say),
		city: () => m.import_field_city({}, say),
		departure: () => m.import_field_departure({}, say),
		return: () => m.import_field_return({}, say),
		orderNumber: () => m.import_field_orderNumber({}, say),
		status: () => m.import_field_status({}, say)
	};
	return labels[field]();
}

/** "Category (classification code), Event": fields as a list to read. */
export function fieldList(fields: readonly ImportField[], locale: Locale): string {
	return fields.map((field) => fieldLabel(field, locale)).join(', ');
}

/** 52428800 → "50 MB", 4130 → "4 KB": sizes as a person reads them. */
export function formatBytes(bytes: number, locale: Locale): string {
	const kb = bytes / 1024;
	const [value, unit] = kb < 1024 ? [kb, 'KB'] : [kb / 1024, 'MB'];
	return `${formatDecimal(value, locale, value < 10 ? 1 : 0)} ${unit}`;
}

export function describeHeaderProblem(problem: HeaderProblem, locale: Locale): string {
	const say: Say = { locale };
	switch (problem.code) {
		case 'no-header':
			return m.import_header_none({}, say);
		case 'missing-field':
			return m.import_header_missing(
				{
					field: fieldLabel(problem.field, locale),
					headers: problem.headers.filter(Boolean).join(', ') || '—'
				},
				say
			);
		case 'duplicate-column':
			return m.import_header_duplicate(
				{
					field: fieldLabel(problem.field, locale),
					header: problem.header,
					columns: problem.columns.join(', ')
				},
				say
			);
		case 'mapped-column-absent':
			return m.import_header_absent(
				{ field: fieldLabel(problem.field, locale), column: String(problem.column) },
				say
			);
		case 'ambiguous-column':
			return m.import_header_ambiguous(
				{
					column: problem.column,
					header: problem.header,
					fields: fieldList(problem.fields, locale)
				},
				say
			);
	}
}

/** What a missing column means for the rows, said after naming it. */
function consequence(field: ImportField, currency: string, say: Say): string {
	switch (field) {
		case 'category':
			return m.import_warn_lost_category({}, say);
		case 'event':
			return m.import_warn_lost_event({}, say);
		case 'fundingSource':
			return m.import_warn_lost_fundingSource({}, say);
		case 'currency':
			return m.import_warn_assumed_currency({ currency }, say);
		case 'status':
			return m.import_warn_assumed_status({}, say);
		default:
			return '';
	}
}

/** One warning of a check as a sentence: the field or column named, and what would follow. */
export function describeWarning(warning: ColumnWarning, locale: Locale, currency: string): string {
	const say: Say = { locale };
	if (warning.code === 'ambiguous-column') {
		return m.import_warn_ambiguous(
			{
				column: warning.column,
				header: warning.header,
				fields: fieldList(warning.fields, locale)
			},
			say
		);
	}
	const named = m.import_warn_missing({ field: fieldLabel(warning.field, locale) }, say);
	return `${named} ${consequence(warning.field, currency, say)}`.trim();
}

/** A refused file, as lines: the first says what is wrong, any more list the details. */
export function describeFailure(failure: ImportFailure, locale: Locale): string[] {
	const say: Say = { locale };
	switch (failure.code) {
		case 'empty':
			return [m.import_fail_empty({}, say)];
		case 'binary':
			return [m.import_fail_binary({}, say)];
		case 'utf-16':
			return [m.import_fail_utf16({}, say)];
		case 'encrypted-workbook':
			return [m.import_xlsx_fail_encrypted({}, say)];
		case 'old-excel':
			return [m.import_xlsx_fail_old_excel({}, say)];
		case 'not-a-workbook':
			return [m.import_xlsx_fail_not_workbook({}, say)];
		case 'ods':
			return [m.import_xlsx_fail_ods({}, say)];
		case 'no-such-sheet':
			return [
				m.import_xlsx_fail_no_sheet(
					{ sheet: failure.sheet, sheets: failure.sheets.map((s) => `“${s}”`).join(', ') || '—' },
					say
				)
			];
		case 'too-large':
			return [m.import_fail_too_large({ limit: formatBytes(failure.limit, locale) }, say)];
		case 'encoding-mismatch':
			return [m.import_fail_encoding({ encoding: failure.encoding, line: failure.line }, say)];
		case 'header':
			return [
				m.import_fail_header({}, say),
				...failure.problems.map((p) => describeHeaderProblem(p, locale))
			];
		case 'no-records':
			return [m.import_fail_no_records({}, say)];
		case 'unterminated-quote':
			return [m.import_fail_unterminated_quote({ line: failure.line }, say)];
		case 'has-rejected':
			return [m.import_fail_has_rejected({ rejected: failure.rejected }, say)];
		case 'missing-columns':
			return [m.import_fail_missing_columns({ fields: fieldList(failure.fields, locale) }, say)];
		case 'nothing-to-commit':
			return [m.import_fail_nothing({}, say)];
		case 'connection-lost':
			return [m.import_fail_connection_lost({}, say)];
		case 'internal':
			return [m.import_fail_internal({}, say)];
		case 'not-found':
			return [m.import_fail_not_found({}, say)];
		case 'cancelled':
			return [m.import_fail_cancelled({}, say)];
		case 'closed-period':
			return closedPeriodLines(failure, locale);
	}
}

/** The period, then each named row (line, date, amount), then how many more there are. */
function closedPeriodLines(
	failure: Extract<ImportFailure, { code: 'closed-period' }>,
	locale: Locale
): string[] {
	const say: Say = { locale };
	const period = periodLabel(failure.period, locale);
	const rows = failure.rows.map(({ line, date, amountCents }) =>
		amountCents === null
			? m.period_row_trip({ line, date: formatDate(date, locale) }, say)
			: m.period_row_expense(
					{
						line,
						date: formatDate(date, locale),
						amount: formatMoney(amountCents, locale, { decimals: 'always' })
					},
					say
				)
	);
	const more = failure.count - failure.rows.length;
	return [
		m.period_import_refused({ period, count: failure.count }, say),
		...rows,
		...(more > 0 ? [m.period_rows_more({ more }, say)] : [])
	];
}

export function describeProblem(problem: RowProblem, locale: Locale): string {
	const say: Say = { locale };
	const p = { value: problem.value, expected: problem.expected ?? '' };
	const reasons: Record<RowProblem['code'], () => string> = {
		'field-count': () => m.import_reject_field_count(p, say),
		required: () => m.import_reject_required({}, say),
		'too-long': () => m.import_reject_too_long({}, say),
		'date-invalid': () => m.import_reject_date_invalid(p, say),
		'date-ambiguous': () => m.import_reject_date_ambiguous(p, say),
		'date-no-such-day': () => m.import_reject_date_no_such_day(p, say),
		'date-future': () => m.import_reject_date_future(p, say),
		'amount-invalid': () => m.import_reject_amount_invalid(p, say),
		'amount-decimals': () => m.import_reject_amount_decimals(p, say),
		'amount-too-large': () => m.import_reject_amount_too_large(p, say),
		'currency-other': () => m.import_reject_currency_other(p, say),
		'funding-unknown': () => m.import_reject_funding_unknown(p, say),
		'status-unknown': () => m.import_reject_status_unknown(p, say),
		'country-unknown': () => m.import_reject_country_unknown(p, say),
		'event-invalid': () => m.import_reject_event_invalid(p, say),
		'return-before-departure': () => m.import_reject_return_before_departure(p, say)
	};
	return reasons[problem.code]();
}

/** "Line 12, Amount: “12,3x” is not an amount" */
export function describeRejectedLine(line: number, problem: RowProblem, locale: Locale): string {
	const reason = describeProblem(problem, locale);
	return problem.field
		? m.import_reject_line({ line, field: fieldLabel(problem.field, locale), reason }, { locale })
		: m.import_reject_line_whole({ line, reason }, { locale });
}

export function asideLabel(reason: SetAsideReason, locale: Locale): string {
	const say: Say = { locale };
	const labels: Record<SetAsideReason, () => string> = {
		blank: () => m.import_aside_blank({}, say),
		totals: () => m.import_aside_totals({}, say),
		'other-project': () => m.import_aside_other_project({}, say),
		duplicate: () => m.import_aside_duplicate({}, say)
	};
	return labels[reason]();
}

export function describeUnmatched(row: UnmatchedRow, locale: Locale): string {
	const say: Say = { locale };
	switch (row.problem) {
		case 'unknown-event':
			return m.import_unmatched_unknown_event({ reference: row.reference }, say);
		case 'no-event-fits':
			return m.import_unmatched_no_event_fits({}, say);
		case 'several-fit':
			return m.import_unmatched_several_fit({}, say);
	}
}

/** What reading a workbook sheet leaves the user to know, one sentence each; none for a CSV. */
export function describeSheetNotes(sheet: SheetRead | undefined, locale: Locale): string[] {
	if (!sheet) return [];
	const say: Say = { locale };
	const { formulas, mergedHeader, emptyHeader } = sheet;
	const more = formulas.count > formulas.cells.length ? ', …' : '';
	return [
		...(formulas.count
			? [
					m.import_xlsx_formulas(
						{ count: formulas.count, cells: formulas.cells.join(', ') + more },
						say
					)
				]
			: []),
		...(mergedHeader.length
			? [m.import_xlsx_merged_header({ cells: mergedHeader.join(', ') }, say)]
			: []),
		...(emptyHeader.length
			? [m.import_xlsx_empty_header({ cells: emptyHeader.join(', ') }, say)]
			: [])
	];
}
