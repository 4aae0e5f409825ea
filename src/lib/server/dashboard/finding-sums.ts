/**
 * The auditor's findings summed by month, code, event and state over the live expenses, the input
 * control-figures.ts reads (and, for the portfolio, the declared sums beside them, several projects
 * at once). A finding on a reverted row counts nowhere: the join drops it.
 */
import { sql } from 'drizzle-orm';
import type { DeclaredSum, FindingSum } from '$lib/domain/dashboard/control-figures';
import type { FindingState } from '$lib/domain/control/finding-states';
import { queryRows, type Queryable } from '../db';

type SumRow = {
	month: string;
	category: string;
	event: number | null;
	cents: string;
	rows: string;
};

type FindingRow = SumRow & { state: FindingState; deducted: string };

const findingSum = (r: FindingRow): FindingSum => ({
	month: r.month,
	category: r.category,
	event: r.event === null ? null : Number(r.event),
	state: r.state,
	cents: Number(r.cents),
	deducted: Number(r.deducted),
	rows: Number(r.rows)
});

export async function findingSums(db: Queryable, projectId: number): Promise<FindingSum[]> {
	const rows = await queryRows<FindingRow>(
		db,
		sql`select to_char(e.date, 'YYYY-MM') as month, e.category, e.event_number as event, f.state,
				sum(e.amount_cents)::text as cents, sum(f.deducted_cents)::text as deducted,
				count(*)::text as rows
			from expense_findings f join expenses e on e.id = f.expense_id
			where e.project_id = ${projectId} and e.reverted_at is null
			group by 1, 2, 3, 4 order by 1, 2, 3, 4`
	);
	return rows.map(findingSum);
}

/** Several projects' findings and declared sums at once, for the portfolio: by project id. */
export async function controlInputsOf(
	db: Queryable,
	projectIds: readonly number[]
): Promise<Map<number, { declared: DeclaredSum[]; findings: FindingSum[] }>> {
	const byProject = new Map<number, { declared: DeclaredSum[]; findings: FindingSum[] }>();
	if (projectIds.length === 0) return byProject;
	const of = (id: number) => {
		let inputs = byProject.get(id);
		if (!inputs) byProject.set(id, (inputs = { declared: [], findings: [] }));
		return inputs;
	};
	const ids = sql.join(
		projectIds.map((id) => sql`${id}`),
		sql`, `
	);
	const [declared, findings] = await Promise.all([
		queryRows<SumRow & { project: number }>(
			db,
			sql`select project_id as project, month, category, nullif(event, 0) as event,
					cents::text as cents, rows::text as rows
				from expense_sums where project_id in (${ids})`
		),
		queryRows<FindingRow & { project: number }>(
			db,
			sql`select e.project_id as project, to_char(e.date, 'YYYY-MM') as month, e.category,
					e.event_number as event, f.state, sum(e.amount_cents)::text as cents,
					sum(f.deducted_cents)::text as deducted, count(*)::text as rows
				from expense_findings f join expenses e on e.id = f.expense_id
				where e.project_id in (${ids}) and e.reverted_at is null
				group by 1, 2, 3, 4, 5`
		)
	]);
	for (const row of declared)
		of(Number(row.project)).declared.push({
			month: row.month,
			category: row.category,
			event: row.event === null ? null : Number(row.event),
			cents: Number(row.cents),
			rows: Number(row.rows)
		});
	for (const row of findings) of(Number(row.project)).findings.push(findingSum(row));
	return byProject;
}
