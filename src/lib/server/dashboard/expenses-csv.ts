/**
 * A project's expense list (its live rows, as the table's filter selects them) as CSV, each row
 * with the auditor's finding (its state, the amount deducted and the eligible rest) and its source
 * file and line: the download a final report points to when its appendix would be
 * too long to print, and the rows an auditor filtered. Read in pages of 10,000 by a keyset on the
 * table's own order (`expense-rows.ts`), so a million rows stream out without being held in memory
 * at once, in the order the table shows them. Written in the
 * reader's CSV dialect and language (`csv-export.ts`), so the amounts are numbers in their Excel.
 */
import { and, eq, sql, type SQL } from 'drizzle-orm';
import {
	classificationName,
	type ClassificationEntry
} from '$lib/domain/classification/classification-name';
import { CSV_BOM, toCsv } from '$lib/domain/csv-export';
import type { Locale } from '$lib/domain/locale';
import { centsToDecimal } from '$lib/domain/money';
import { m } from '$lib/paraglide/messages.js';
import type { Queryable } from '../db';
import { expenseFindings, expenses, importBatches } from '../db/schema';
import type { FindingState } from '$lib/domain/control/finding-states';
import {
	expenseConditions,
	expenseOrder,
	sortExpression,
	SORT_KEY_TYPE,
	type ExpenseFilter
} from './expense-rows';
import type { ExpenseSort } from '$lib/domain/tables/expense-query';

const PAGE = 10_000;

interface CsvRow {
	key: string;
	id: number;
	date: string;
	document: string;
	payee: string;
	description: string;
	category: string;
	event: number | null;
	funding: string | null;
	cents: number;
	currency: string;
	state: FindingState | null;
	deducted: number | null;
	file: string;
	line: number;
}

export const EXPENSES_CSV_HEADER = [
	'date',
	'document',
	'payee',
	'description',
	'category',
	'category_name',
	'event',
	'funding',
	'amount',
	'currency',
	'finding',
	'deducted',
	'eligible',
	'file',
	'line'
] as const;

type Column = (typeof EXPENSES_CSV_HEADER)[number];

/** The column headings in the reader's language, the same words the import uses for the fields. */
function headings(locale: Locale): string[] {
	const say = { locale };
	const heading: Record<Column, () => string> = {
		date: () => m.import_field_date({}, say),
		document: () => m.import_field_documentNumber({}, say),
		payee: () => m.import_field_payee({}, say),
		description: () => m.import_field_description({}, say),
		category: () => m.import_field_category({}, say),
		category_name: () => m.csv_col_category_name({}, say),
		event: () => m.import_field_event({}, say),
		funding: () => m.import_field_fundingSource({}, say),
		amount: () => m.import_field_amount({}, say),
		currency: () => m.import_field_currency({}, say),
		finding: () => m.eligible_csv_state({}, say),
		deducted: () => m.eligible_csv_deducted({}, say),
		eligible: () => m.eligible_csv_eligible({}, say),
		file: () => m.csv_col_file({}, say),
		line: () => m.csv_col_line({}, say)
	};
	return EXPENSES_CSV_HEADER.map((column) => heading[column]());
}

/** The finding's state in the reader's words; a row with no finding is "not checked". */
function stateWord(state: FindingState | null, locale: Locale): string {
	const say = { locale };
	if (state === 'verified') return m.eligible_state_verified({}, say);
	if (state === 'queried') return m.eligible_state_queried({}, say);
	if (state === 'ineligible') return m.eligible_state_ineligible({}, say);
	return m.eligible_state_unchecked({}, say);
}

export async function* expensesCsv(
	db: Queryable,
	projectId: number,
	locale: Locale,
	options: {
		codeNames?: readonly ClassificationEntry[] | undefined;
		filter?: ExpenseFilter;
		sort?: ExpenseSort;
		/** Rows read per query; small in tests, so that the keyset is followed. */
		pageSize?: number;
	} = {}
): AsyncGenerator<string> {
	const {
		codeNames,
		filter = {},
		sort = { column: 'date', descending: false },
		pageSize = PAGE
	} = options;
	const name = (code: string) => classificationName(code, locale, codeNames) ?? '';
	yield CSV_BOM + toCsv(headings(locale), [], locale);
	const where = expenseConditions(projectId, filter);
	const key = sortExpression(sort);
	const type = sql.raw(SORT_KEY_TYPE[sort.column]);
	let after: { key: string; id: number } | null = null;
	for (;;) {
		// The next page starts after the last row sent, in the same total order (key, then id).
		const next: SQL | undefined = after
			? sort.descending
				? sql`(${key}, ${expenses.id}) < (cast(${after.key} as ${type}), cast(${after.id} as bigint))`
				: sql`(${key}, ${expenses.id}) > (cast(${after.key} as ${type}), cast(${after.id} as bigint))`
			: undefined;
		const rows: CsvRow[] = await db
			.select({
				key: sql<string>`(${key})::text`,
				id: expenses.id,
				date: expenses.date,
				document: expenses.documentNumber,
				payee: expenses.payee,
				description: expenses.description,
				category: expenses.category,
				event: expenses.eventNumber,
				funding: expenses.fundingSource,
				cents: expenses.amountCents,
				currency: expenses.currency,
				state: expenseFindings.state,
				deducted: expenseFindings.deductedCents,
				file: importBatches.fileName,
				line: expenses.line
			})
			.from(expenses)
			.innerJoin(importBatches, eq(importBatches.id, expenses.batchId))
			.leftJoin(expenseFindings, eq(expenseFindings.expenseId, expenses.id))
			.where(and(where, next))
			.orderBy(...expenseOrder(sort))
			.limit(pageSize);
		if (rows.length === 0) return;
		const body = toCsv(
			[],
			rows.map((r) => [
				r.date,
				r.document,
				r.payee,
				r.description,
				r.category,
				name(r.category),
				r.event,
				r.funding,
				Number(centsToDecimal(r.cents)),
				r.currency,
				stateWord(r.state, locale),
				Number(centsToDecimal(r.deducted ?? 0)),
				// One row's eligible part: its amount less what its finding deducts.
				Number(centsToDecimal(r.cents - (r.deducted ?? 0))),
				r.file,
				r.line
			]),
			locale
		);
		yield body + '\r\n';
		const last = rows.at(-1)!;
		after = { key: last.key, id: last.id };
	}
}
