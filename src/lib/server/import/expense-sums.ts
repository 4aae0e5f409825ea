/**
 * Keeps the dashboards' expense sums in step with the live rows: a committed import adds its
 * batch's sums, a revert takes exactly them away, each inside the caller's transaction. Keys are locked in one
 * order, so two imports updating the same sums queue instead of deadlocking.
 */
import { sql } from 'drizzle-orm';
import type { Transaction } from '../db';

export async function addBatchSums(tx: Transaction, batchId: number): Promise<void> {
	await tx.execute(sql`
		insert into expense_sums (project_id, month, category, event, cents, rows)
		select project_id, to_char(date, 'YYYY-MM'), category, coalesce(event_number, 0),
			sum(amount_cents), count(*)
		from expenses where batch_id = ${batchId} and reverted_at is null
		group by 1, 2, 3, 4 order by 1, 2, 3, 4
		on conflict (project_id, month, category, event) do update
			set cents = expense_sums.cents + excluded.cents, rows = expense_sums.rows + excluded.rows`);
}

/** Run before the batch's rows are marked reverted: it subtracts the rows still live. */
export async function subtractBatchSums(tx: Transaction, batchId: number): Promise<void> {
	// The sums this batch touches are locked first, in key order: an UPDATE … FROM would lock them
	// in whatever order its join reads them.
	await tx.execute(sql`
		select from expense_sums
		where (project_id, month, category, event) in (
			select project_id, to_char(date, 'YYYY-MM'), category, coalesce(event_number, 0)
			from expenses where batch_id = ${batchId} and reverted_at is null
		)
		order by project_id, month, category, event
		for update`);
	await tx.execute(sql`
		update expense_sums s set cents = s.cents - b.cents, rows = s.rows - b.rows
		from (
			select project_id, to_char(date, 'YYYY-MM') as month, category,
				coalesce(event_number, 0) as event, sum(amount_cents) as cents, count(*) as rows
			from expenses where batch_id = ${batchId} and reverted_at is null
			group by 1, 2, 3, 4 order by 1, 2, 3, 4
		) b
		where s.project_id = b.project_id and s.month = b.month and s.category = b.category
			and s.event = b.event`);
	await tx.execute(sql`delete from expense_sums where rows = 0`);
}
