/**
 * The auditor's findings summed by month, code, event and state over the live expenses, the input
 * control-figures.ts reads. A finding on a reverted row counts nowhere: the join drops it.
 */
import { sql } from 'drizzle-orm';
import type { FindingSum } from '$lib/domain/dashboard/control-figures';
import type { FindingState } from '$lib/domain/control/finding-states';
import { queryRows, type Queryable } from '../db';

export async function findingSums(db: Queryable, projectId: number): Promise<FindingSum[]> {
	const rows = await queryRows<{
		month: string;
		category: string;
		event: number | null;
		state: FindingState;
		cents: string;
		deducted: string;
		rows: string;
	}>(
		db,
		sql`select to_char(e.date, 'YYYY-MM') as month, e.category, e.event_number as event, f.state,
				sum(e.amount_cents)::text as cents, sum(f.deducted_cents)::text as deducted,
				count(*)::text as rows
			from expense_findings f join expenses e on e.id = f.expense_id
			where e.project_id = ${projectId} and e.reverted_at is null
			group by 1, 2, 3, 4 order by 1, 2, 3, 4`
	);
	return rows.map((r) => ({
		month: r.month,
		category: r.category,
		event: r.event === null ? null : Number(r.event),
		state: r.state,
		cents: Number(r.cents),
		deducted: Number(r.deducted),
		rows: Number(r.rows)
	}));
}
