/**
 * Bulk writes of accepted rows: one statement per batch of thousands, the columns passed as
 * arrays and spread by unnest. The unique identity keys decide what is new; ON CONFLICT DO
 * NOTHING makes two instances importing the same rows at once agree without any JavaScript check.
 * The keys are partial indexes over the live rows (`where reverted_at is null`), and each ON
 * CONFLICT names that predicate, so a row whose import was reverted is taken again.
 */
import { sql, type SQL } from 'drizzle-orm';
import { queryRows, type Transaction } from '../db';
import type { ExpenseRecord, ParticipationRecord } from '$lib/domain/import/classify';

/** A PostgreSQL array literal: sent as one text parameter, so no batch hits the parameter limit. */
export function pgArray(values: readonly (string | number | null)[]): string {
	let out = '{';
	for (let i = 0; i < values.length; i++) {
		const value = values[i] ?? null;
		if (i) out += ',';
		if (value === null) out += 'NULL';
		else if (typeof value === 'number') out += value;
		else if (value.includes('"') || value.includes('\\'))
			out += '"' + value.replace(/\\/g, '\\\\').replace(/"/g, '\\"') + '"';
		else out += '"' + value + '"';
	}
	return out + '}';
}

interface Keyed {
	line: number;
	rowKey: string;
}

export type ExpenseRow = Keyed & { occurrence: number; record: ExpenseRecord };
export type ParticipationRow = Keyed & { record: ParticipationRecord };

async function insertedLines(tx: Transaction, query: SQL): Promise<Set<number>> {
	const rows = await queryRows<{ line: number }>(tx, query);
	return new Set(rows.map((row) => Number(row.line)));
}

/** Returns the lines actually inserted; the others were in the project already. */
export function insertExpenses(
	tx: Transaction,
	target: { projectId: number; batchId: number },
	rows: readonly ExpenseRow[]
): Promise<Set<number>> {
	const col = <T extends string | number | null>(pick: (row: ExpenseRow) => T) =>
		pgArray(rows.map(pick));
	return insertedLines(
		tx,
		sql`insert into expenses (project_id, batch_id, line, row_key, occurrence, date, amount_cents,
			currency, document_number, payee, description, category, event_number, funding_source)
		select ${target.projectId}::int, ${target.batchId}::int, r.* from unnest(
			${col((r) => r.line)}::int[], ${col((r) => r.rowKey)}::text[],
			${col((r) => r.occurrence)}::int[], ${col((r) => r.record.date)}::date[],
			${col((r) => r.record.amountCents)}::bigint[], ${col((r) => r.record.currency)}::text[],
			${col((r) => r.record.documentNumber)}::text[], ${col((r) => r.record.payee)}::text[],
			${col((r) => r.record.description)}::text[], ${col((r) => r.record.category)}::text[],
			${col((r) => r.record.eventNumber)}::int[],
			${col((r) => r.record.fundingSource)}::funding_source[]) as r
		on conflict (project_id, row_key, occurrence) where reverted_at is null do nothing
		returning line`
	);
}

export function insertParticipations(
	tx: Transaction,
	target: { projectId: number; batchId: number },
	rows: readonly ParticipationRow[]
): Promise<Set<number>> {
	const col = <T extends string | number | null>(pick: (row: ParticipationRow) => T) =>
		pgArray(rows.map(pick));
	return insertedLines(
		tx,
		sql`insert into participations (project_id, batch_id, line, row_key, person, position,
			event_number, city, country, departure, return_date, order_number, status)
		select ${target.projectId}::int, ${target.batchId}::int, r.* from unnest(
			${col((r) => r.line)}::int[], ${col((r) => r.rowKey)}::text[],
			${col((r) => r.record.person)}::text[], ${col((r) => r.record.position)}::text[],
			${col((r) => r.record.eventNumber)}::int[], ${col((r) => r.record.city)}::text[],
			${col((r) => r.record.country)}::text[], ${col((r) => r.record.departure)}::date[],
			${col((r) => r.record.returnDate)}::date[], ${col((r) => r.record.orderNumber)}::text[],
			${col((r) => r.record.status)}::participation_status[]) as r
		on conflict (project_id, row_key) where reverted_at is null do nothing
		returning line`
	);
}
