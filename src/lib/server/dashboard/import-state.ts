/**
 * Whether a project has anything imported yet, per kind: the live (not reverted) import batches.
 * A project with none shows an empty state that offers the import, instead of figures of zero.
 */
import { and, count, eq, isNull } from 'drizzle-orm';
import type { Queryable } from '../db';
import { importBatches } from '../db/import-schema';

export interface ImportState {
	/** Live ledger imports. */
	expenses: number;
	/** Live travel-order imports. */
	trips: number;
}

export async function importState(db: Queryable, projectId: number): Promise<ImportState> {
	const rows = await db
		.select({ kind: importBatches.kind, batches: count() })
		.from(importBatches)
		.where(and(eq(importBatches.projectId, projectId), isNull(importBatches.revertedAt)))
		.groupBy(importBatches.kind);
	const of = (kind: 'expenses' | 'participation') =>
		rows.find((row) => row.kind === kind)?.batches ?? 0;
	return { expenses: of('expenses'), trips: of('participation') };
}
