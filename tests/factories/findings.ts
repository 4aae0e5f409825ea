/**
 * Test data: an auditor's findings recorded straight into expense_findings (with the entry of the
 * thread that led there) on a project's imported rows, named by their document numbers. The
 * findings service writes these in the app; the figures' tests only need the rows.
 */
import { sql } from 'drizzle-orm';
import type { FindingState } from '../../src/lib/domain/control/finding-states';
import type { Queryable } from '../../src/lib/server/db';
import { queryRows } from '../../src/lib/server/db';

export interface FindingPlan {
	document: string;
	state: FindingState;
	/** Only with 'ineligible'. */
	deductedCents?: number;
	reason?: string;
	note?: string;
}

export const NO_BOARDING_PASS = 'no-boarding-pass';

/**
 * SOLID's control as the issue tells it: the first 8 rows of the sample ledger verified (1 080,10
 * EUR), 20,00 EUR of the Sofia flights deducted for want of a boarding pass, and the Sofia
 * insurance (27,00 EUR) queried. Declared 4 184,70 EUR, eligible 4 164,70 EUR.
 */
export const SOLID_CONTROL: readonly FindingPlan[] = [
	...[
		'AB-118273',
		'DR-0412',
		'BTA-55120',
		'AO-2018/031',
		'AO-2018/032',
		'AO-2018/033',
		'LX-7781',
		'HTL-30311'
	].map((document): FindingPlan => ({ document, state: 'verified' })),
	{ document: 'AB-120554', state: 'ineligible', deductedCents: 2000, reason: NO_BOARDING_PASS },
	{ document: 'BTA-57302', state: 'queried', note: 'Kur ir polise?' }
];

const ACTION: Record<FindingState, string> = {
	verified: 'verify',
	queried: 'query',
	ineligible: 'deduct'
};

async function ensureReason(db: Queryable, code: string): Promise<void> {
	await db.execute(sql`insert into control_reasons (code, label_lv, label_en, position, updated_by)
		values (${code}, 'Nav iekāpšanas kartes', 'No boarding pass', 1, 'test')
		on conflict (code) do nothing`);
}

/** Records (or replaces) each finding on the live row of the project with that document number. */
export async function recordFindings(
	db: Queryable,
	code: string,
	plan: readonly FindingPlan[],
	actor = 'auditor@test'
): Promise<void> {
	for (const f of plan) {
		if (f.reason) await ensureReason(db, f.reason);
		const [row] = await queryRows<{ id: string; project_id: number }>(
			db,
			sql`select e.id::text as id, e.project_id from expenses e join projects p on p.id = e.project_id
				where p.code = ${code} and e.document_number = ${f.document}
				order by e.reverted_at is null desc, e.id desc limit 1`
		);
		if (!row) throw new Error(`no expense ${f.document} in ${code}`);
		const deducted = f.state === 'ineligible' ? (f.deductedCents ?? 0) : 0;
		const reason = f.reason ?? null;
		const note = f.note ?? null;
		await db.execute(sql`insert into expense_findings
				(expense_id, project_id, state, deducted_cents, reason_code, note, updated_by)
			values (${row.id}, ${row.project_id}, ${f.state}, ${deducted}, ${reason}, ${note}, ${actor})
			on conflict (expense_id) do update set state = excluded.state,
				deducted_cents = excluded.deducted_cents, reason_code = excluded.reason_code,
				note = excluded.note, version = expense_findings.version + 1, updated_at = now()`);
		await db.execute(sql`insert into finding_entries
				(expense_id, project_id, action, state, deducted_cents, reason_code, text, created_by)
			values (${row.id}, ${row.project_id}, ${ACTION[f.state]}, ${f.state}, ${deducted},
				${reason}, ${note}, ${actor})`);
	}
}
