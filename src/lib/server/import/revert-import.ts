/**
 * Undoes one import: removes exactly the rows that batch added, and marks the batch reverted.
 * The batch, its report and its original file stay, so the history still shows what happened.
 */
import { and, eq, isNull } from 'drizzle-orm';
import type { Database } from '../db';
import { expenses, importBatches, participations } from '../db/schema';
import { recordAudit, type Actor } from '../audit/record-audit';
import { subtractBatchSums } from './expense-sums';

export type RevertResult =
	| { status: 'reverted'; batchId: number; removed: number }
	| { status: 'not-found' }
	| { status: 'already-reverted' };

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
		if (batch.kind === 'expenses') await subtractBatchSums(tx, batchId);
		const table = batch.kind === 'expenses' ? expenses : participations;
		const removed = await tx
			.delete(table)
			.where(eq(table.batchId, batchId))
			.returning({ id: table.id });
		await tx
			.update(importBatches)
			.set({ revertedAt: new Date(), revertedBy: actor.email })
			.where(and(eq(importBatches.id, batchId), isNull(importBatches.revertedAt)));
		await recordAudit(tx, actor, {
			action: 'import.revert',
			objectType: 'import',
			objectId: String(batchId),
			before: { file: batch.fileName, sha256: batch.sha256, accepted: batch.accepted },
			after: { removed: removed.length }
		});
		return { status: 'reverted', batchId, removed: removed.length };
	});
}
