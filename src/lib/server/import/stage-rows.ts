/**
 * The staging of a commit's new rows: written in short statements while the file is read, outside
 * any transaction, so that the app goes on answering; then moved into the project in the commit's
 * one transaction, where the identity keys still decide what is new (ON CONFLICT DO NOTHING). A
 * run's staged rows are removed when it ends, whatever the outcome; a killed run's are swept.
 */
import { sql } from 'drizzle-orm';
import { affectedRows, queryRows, type Queryable, type Transaction } from '../db';
import { pgArray, type ExpenseRow, type ParticipationRow } from './row-arrays';

export type StagedExpense = ExpenseRow & { unmatched: boolean };
export type StagedParticipation = ParticipationRow & { unmatched: boolean };

/** A staged row the commit did not take: another import took the same row since it was judged. */
export interface RacedRow {
	line: number;
	amountCents: number | null;
	status: 'done' | 'cancelled' | null;
	unmatched: boolean;
}

/** Staged rows older than this belong to a run that was killed: no import runs for a day. */
const STALE_AFTER = '1 day';

export async function stageExpenses(
	db: Queryable,
	runId: string,
	rows: readonly StagedExpense[]
): Promise<void> {
	if (!rows.length) return;
	const col = <T extends string | number | boolean | null>(pick: (row: StagedExpense) => T) =>
		pgArray(rows.map((row) => toArrayValue(pick(row))));
	await db.execute(sql`insert into staged_expenses (run_id, line, row_key, unmatched, occurrence,
			date, amount_cents, currency, document_number, payee, description, category, event_number,
			funding_source)
		select ${runId}, r.* from unnest(
			${col((r) => r.line)}::int[], ${col((r) => r.rowKey)}::text[],
			${col((r) => r.unmatched)}::boolean[], ${col((r) => r.occurrence)}::int[],
			${col((r) => r.record.date)}::date[], ${col((r) => r.record.amountCents)}::bigint[],
			${col((r) => r.record.currency)}::text[], ${col((r) => r.record.documentNumber)}::text[],
			${col((r) => r.record.payee)}::text[], ${col((r) => r.record.description)}::text[],
			${col((r) => r.record.category)}::text[], ${col((r) => r.record.eventNumber)}::int[],
			${col((r) => r.record.fundingSource)}::funding_source[]) as r`);
}

export async function stageParticipations(
	db: Queryable,
	runId: string,
	rows: readonly StagedParticipation[]
): Promise<void> {
	if (!rows.length) return;
	const col = <T extends string | number | boolean | null>(pick: (row: StagedParticipation) => T) =>
		pgArray(rows.map((row) => toArrayValue(pick(row))));
	await db.execute(sql`insert into staged_participations (run_id, line, row_key, unmatched, person,
			position, event_number, city, country, departure, return_date, order_number, status)
		select ${runId}, r.* from unnest(
			${col((r) => r.line)}::int[], ${col((r) => r.rowKey)}::text[],
			${col((r) => r.unmatched)}::boolean[], ${col((r) => r.record.person)}::text[],
			${col((r) => r.record.position)}::text[], ${col((r) => r.record.eventNumber)}::int[],
			${col((r) => r.record.city)}::text[], ${col((r) => r.record.country)}::text[],
			${col((r) => r.record.departure)}::date[], ${col((r) => r.record.returnDate)}::date[],
			${col((r) => r.record.orderNumber)}::text[],
			${col((r) => r.record.status)}::participation_status[]) as r`);
}

const toArrayValue = (value: string | number | boolean | null) =>
	typeof value === 'boolean' ? (value ? 't' : 'f') : value;

/**
 * Moves a run's staged expenses into the project as the batch's rows and returns those it could
 * not take, because the same live row is there now (normally none: they were looked up already).
 */
export async function moveStagedExpenses(
	tx: Transaction,
	runId: string,
	target: { projectId: number; batchId: number },
	staged: number
): Promise<RacedRow[]> {
	// The statement's own row count says how many it took: no RETURNING for a million rows.
	const moved = await affectedRows(
		tx,
		sql`insert into expenses (project_id, batch_id, line, row_key, occurrence, date, amount_cents,
				currency, document_number, payee, description, category, event_number, funding_source)
			select ${target.projectId}::int, ${target.batchId}::int, line, row_key, occurrence, date,
				amount_cents, currency, document_number, payee, description, category, event_number,
				funding_source
			from staged_expenses where run_id = ${runId}
			on conflict (project_id, row_key, occurrence) where reverted_at is null do nothing`
	);
	if (moved === staged) return [];
	const rows = await queryRows<{ line: number; cents: string; unmatched: boolean }>(
		tx,
		sql`select s.line, s.amount_cents::text as cents, s.unmatched from staged_expenses s
		join expenses e on e.project_id = ${target.projectId} and e.row_key = s.row_key
			and e.occurrence = s.occurrence and e.reverted_at is null
		where s.run_id = ${runId} and e.batch_id <> ${target.batchId} order by s.line`
	);
	return rows.map((row) => ({
		line: Number(row.line),
		amountCents: Number(row.cents),
		status: null,
		unmatched: row.unmatched
	}));
}

export async function moveStagedParticipations(
	tx: Transaction,
	runId: string,
	target: { projectId: number; batchId: number },
	staged: number
): Promise<RacedRow[]> {
	const moved = await affectedRows(
		tx,
		sql`insert into participations (project_id, batch_id, line, row_key, person, position,
				event_number, city, country, departure, return_date, order_number, status)
			select ${target.projectId}::int, ${target.batchId}::int, line, row_key, person, position,
				event_number, city, country, departure, return_date, order_number, status
			from staged_participations where run_id = ${runId}
			on conflict (project_id, row_key) where reverted_at is null do nothing`
	);
	if (moved === staged) return [];
	const rows = await queryRows<{
		line: number;
		status: 'done' | 'cancelled';
		unmatched: boolean;
	}>(
		tx,
		sql`select s.line, s.status::text as status, s.unmatched from staged_participations s
		join participations p on p.project_id = ${target.projectId} and p.row_key = s.row_key
			and p.reverted_at is null
		where s.run_id = ${runId} and p.batch_id <> ${target.batchId} order by s.line`
	);
	return rows.map((row) => ({
		line: Number(row.line),
		amountCents: null,
		status: row.status,
		unmatched: row.unmatched
	}));
}

/** Removes a run's staged rows; called when it ends, committed, refused or cancelled. */
export async function dropStaged(db: Queryable, runId: string): Promise<void> {
	await db.execute(sql`delete from staged_expenses where run_id = ${runId}`);
	await db.execute(sql`delete from staged_participations where run_id = ${runId}`);
}

/**
 * Removes what killed runs left. The embedded database has one process, so at its opening no run
 * is alive and everything staged goes; a shared server keeps other instances' live runs.
 */
export async function sweepStaged(db: Queryable, { all = false } = {}): Promise<void> {
	if (all) {
		await db.execute(sql`truncate staged_expenses, staged_participations`);
		return;
	}
	const old = sql`staged_at < now() - ${STALE_AFTER}::interval`;
	await db.execute(sql`delete from staged_expenses where ${old}`);
	await db.execute(sql`delete from staged_participations where ${old}`);
}
