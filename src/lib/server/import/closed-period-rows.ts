/**
 * Which rows fall in a closed period: an import's new rows, or the live rows a revert would take
 * away; an expense by its date, a trip by its days away.
 */
import { sql } from 'drizzle-orm';
import type { Outcome } from '$lib/domain/import/classify';
import type { ImportFailure } from '$lib/domain/import/failures';
import {
	closedPeriodOf,
	closedPeriodOver,
	RowsInPeriod,
	type PeriodRecord
} from '$lib/domain/control/periods';
import { queryRows, type Transaction } from '../db';
import { closedPeriodsFor } from '../control/closed-periods';

type Accepted = Extract<Outcome, { outcome: 'accepted' }>;

/** Notes a new row (not a duplicate of a live one, which changes nothing) dated in a closed period. */
export function notePeriodRow(
	periods: readonly PeriodRecord[],
	found: RowsInPeriod,
	row: Accepted
): void {
	if (!periods.length) return;
	if (row.kind === 'expenses') {
		const period = closedPeriodOf(periods, row.record.date);
		if (period)
			found.add(period, {
				line: row.line,
				date: row.record.date,
				amountCents: row.record.amountCents
			});
		return;
	}
	const { departure, returnDate } = row.record;
	const period = closedPeriodOver(periods, { starts: departure, ends: returnDate ?? departure });
	if (period) found.add(period, { line: row.line, date: departure, amountCents: null });
}

type BatchRow = {
	id: number;
	starts: string;
	ends: string;
	line: number;
	date: string;
	cents: string | null;
};

/** A batch's live rows in closed periods, as a refusal of its revert names them (null: none). */
export async function batchRowsInPeriods(
	tx: Transaction,
	batch: { id: number; projectId: number; kind: 'expenses' | 'participation' }
): Promise<Extract<ImportFailure, { code: 'closed-period' }> | null> {
	await closedPeriodsFor(tx, batch.projectId);
	const rows = await queryRows<BatchRow>(
		tx,
		batch.kind === 'expenses'
			? sql`select p.id, p.starts::text, p.ends::text, e.line, e.date::text as date,
					e.amount_cents::text as cents
				from expenses e join closed_periods p on p.project_id = e.project_id
					and p.reopened_at is null and e.date between p.starts and p.ends
				where e.batch_id = ${batch.id} and e.reverted_at is null order by p.starts, e.line`
			: sql`select p.id, p.starts::text, p.ends::text, t.line, t.departure::text as date,
					null as cents
				from participations t join closed_periods p on p.project_id = t.project_id
					and p.reopened_at is null and t.departure <= p.ends
					and coalesce(t.return_date, t.departure) >= p.starts
				where t.batch_id = ${batch.id} and t.reverted_at is null order by p.starts, t.line`
	);
	const found = new RowsInPeriod();
	for (const row of rows) {
		const period = { id: Number(row.id), starts: row.starts, ends: row.ends, reopenedAt: null };
		const cents = row.cents === null ? null : Number(row.cents);
		found.add(period, { line: Number(row.line), date: row.date, amountCents: cents });
	}
	if (!found.period) return null;
	const { starts, ends } = found.period;
	return { code: 'closed-period', period: { starts, ends }, rows: found.rows, count: found.count };
}
