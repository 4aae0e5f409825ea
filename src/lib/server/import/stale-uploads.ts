/**
 * Removes uploads that never became an import: a file checked and left, or sent and abandoned,
 * is kept one day for the coordinator to come back to, then deleted with its bytes. A file that
 * any import committed, or that answered a query, is audit material and is never removed here.
 */
import { sql } from 'drizzle-orm';
import { queryRows, type Database } from '../db';
import { recordAudit, SYSTEM_ACTOR } from '../audit/record-audit';

export const UPLOAD_KEPT_MS = 24 * 60 * 60 * 1000;

interface RemovedUpload extends Record<string, unknown> {
	id: string;
	name: string;
	project: string;
	sha256: string;
	size: number;
	uploadedBy: string;
}

/** Deletes the uploads older than a day that no import batch uses, audited; returns how many. */
export async function removeStaleUploads(db: Database, now = new Date()): Promise<number> {
	const before = new Date(now.getTime() - UPLOAD_KEPT_MS);
	return db.transaction(async (tx) => {
		const removed = await queryRows<RemovedUpload>(
			tx,
			sql`delete from source_files f using projects p
				where p.id = f.project_id
				and f.uploaded_at < ${before.toISOString()}::timestamptz
				and not exists (select 1 from import_batches b where b.source_file_id = f.id)
				and not exists (select 1 from finding_evidence e where e.file_id = f.id)
				returning f.id, f.name, p.code as project, f.sha256, f.size::int as size,
					f.uploaded_by as "uploadedBy"`
		);
		if (removed.length === 0) return 0;
		await recordAudit(tx, SYSTEM_ACTOR, {
			action: 'upload.remove-stale',
			objectType: 'upload',
			objectId: `${removed.length}`,
			before: { files: removed }
		});
		return removed.length;
	});
}

/** Runs the clean-up now and then every hour, without keeping the process alive for it. */
export function scheduleStaleUploadRemoval(db: Database, every = 60 * 60 * 1000): () => void {
	const run = () =>
		void removeStaleUploads(db).catch((error: unknown) =>
			console.error('cofund: removing stale uploads failed', error)
		);
	run();
	const timer = setInterval(run, every);
	timer.unref();
	return () => clearInterval(timer);
}
