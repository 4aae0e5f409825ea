/**
 * A project's whole expense list (its live rows) as CSV, each row with its source file and line: the download a
 * final report points to when its appendix would be too long to print. Read in pages of 10,000
 * by id, so a million rows stream out without being held in memory at once.
 */
import { and, asc, eq, gt, isNull } from 'drizzle-orm';
import {
	classificationName,
	type ClassificationEntry
} from '$lib/domain/classification/classification-name';
import { toCsv } from '$lib/domain/csv-export';
import type { Locale } from '$lib/domain/locale';
import { centsToDecimal } from '$lib/domain/money';
import type { Queryable } from '../db';
import { expenses, importBatches } from '../db/schema';

const PAGE = 10_000;

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
	'file',
	'line'
];

/** Each code's name is the reader's (`locale`), from the project's list, then cofund's. */
export async function* expensesCsv(
	db: Queryable,
	projectId: number,
	locale: Locale,
	codeNames?: readonly ClassificationEntry[]
): AsyncGenerator<string> {
	const name = (code: string) => classificationName(code, locale, codeNames) ?? '';
	yield toCsv(EXPENSES_CSV_HEADER, []).replace(/\r\n$/, '') + '\r\n';
	let after = 0;
	for (;;) {
		const rows = await db
			.select({
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
				file: importBatches.fileName,
				line: expenses.line
			})
			.from(expenses)
			.innerJoin(importBatches, eq(importBatches.id, expenses.batchId))
			.where(
				and(eq(expenses.projectId, projectId), isNull(expenses.revertedAt), gt(expenses.id, after))
			)
			.orderBy(asc(expenses.id))
			.limit(PAGE);
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
				r.file,
				r.line
			])
		);
		yield body + '\r\n';
		after = rows.at(-1)!.id;
	}
}
