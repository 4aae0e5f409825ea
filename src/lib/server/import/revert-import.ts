/**
 * Undoes one import: marks the batch and exactly its rows reverted, and takes the rows out of the
 * sums. Nothing is deleted (the database refuses it): the rows, the batch, its report and its
 * original file stay for the auditor, while every figure counts the live rows only. A batch with
 * rows in a closed period is not reverted at all, nor one whose live rows carry the auditor's
 * findings: imported again, its rows would come back without them, and the deductions with them.
 */
import { and, eq, isNull, sql } from 'drizzle-orm';
import { queryRows, type Database, type Transaction } from '../db';
import { expenses, importBatches, participations } from '../db/schema';
import { recordAudit, type Actor } from '../audit/record-audit';
import { subtractBatchSums } from './expense-sums';
import { batchRowsInPeriods } from './closed-period-rows';
import type { ImportFailure } from './import-errors';

export type RevertResult =
	| { status: 'reverted'; batchId: number; rows: number }
	| { status: 'not-found' }
	| { status: 'already-reverted' }
	/** Rows of the batch lie in a closed period: nothing is reverted. */
	| { status: 'closed-period'; failure: Extract<ImportFailure, { code: 'closed-period' }> }
	/** Live rows of the batch carry findings: nothing is reverted until the auditor clears them. */
	| { status: 'has-findings'; rows: number };

async function rowsWithFindings(tx: Transaction, batchId: number) {
	const [row] = await queryRows<{ rows: string }>(
		tx,
		sql`select count(*)::text as rows from expense_findings f
			join expenses e on e.id = f.expense_id
			where e.batch_id = ${batchId} and e.reverted_at is null`
	);
	return Number(row?.rows ?? 0);
}

export async function revertImport(
	db: Database,
	batchId: number,
	projectId: number,
	actor: Actor
): Promise<RevertResult> {
	return db.transaction(async (tx) => {
		const [batch] = await tx
			.select()
			.from(importBatches)
			.where(and(eq(importBatches.id, batchId), eq(importBatches.projectId, projectId)))
			.for('update');
		if (!batch) return { status: 'not-found' };
		if (batch.revertedAt) return { status: 'already-reverted' };
		const failure = await batchRowsInPeriods(tx, batch);
		if (failure) return { status: 'closed-period', failure };
		if (batch.kind === 'expenses') {
			const found = await rowsWithFindings(tx, batchId);
			if (found > 0) return { status: 'has-findings', rows: found };
		}
		// The sums first, while the rows are still live: they subtract exactly these rows.
		if (batch.kind === 'expenses') await subtractBatchSums(tx, batchId);
		// now() is the transaction's time: the batch and its rows carry the same moment.
		await tx
			.update(importBatches)
			.set({ revertedAt: sql`now()`, revertedBy: actor.email })
			.where(and(eq(importBatches.id, batchId), isNull(importBatches.revertedAt)));
		const table = batch.kind === 'expenses' ? expenses : participations;
		const [marked] = await queryRows<{ rows: string }>(
			tx,
			sql`with marked as (
				update ${table} set reverted_at = now()
				where batch_id = ${batchId} and reverted_at is null returning 1
			) select count(*)::text as rows from marked`
		);
		const rows = Number(marked!.rows);
		await recordAudit(tx, actor, {
			action: 'import.revert',
			objectType: 'import',
			objectId: String(batchId),
			before: { file: batch.fileName, sha256: batch.sha256, accepted: batch.accepted },
			after: { reverted: rows }
		});
		return { status: 'reverted', batchId, rows };
	});
}
