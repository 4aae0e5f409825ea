/** What a commit did, for the message the page and the CLI give after it: one count of each. */
import type { ImportResult } from './result';

export interface CommitOutcome {
	batch: number;
	/** Rows written to the project. */
	imported: number;
	/** Rejected rows left out because the user chose to commit without them; listed with the batch. */
	skipped: number;
}

/** Null for a result that was not committed (a dry run, a refused commit). */
export function commitOutcome(result: ImportResult): CommitOutcome | null {
	if (!result.committed || result.batchId === null) return null;
	return {
		batch: result.batchId,
		imported: result.report.accepted.count,
		skipped: result.report.rejected.count
	};
}
