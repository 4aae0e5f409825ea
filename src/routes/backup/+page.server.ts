// Thin: the backup page for admins: the download, the nightly folder and its newest backups.
import { auditSetupOf } from '$lib/server/audit/audit-context';
import { listBackups } from '$lib/server/backup/nightly-backups';
import { readBackupConfig } from '$lib/server/config';

export const load = async ({ locals }) => {
	const { dir, keep } = readBackupConfig();
	const kept = dir ? await listBackups(dir) : [];
	const { key } = auditSetupOf(locals.db);
	return {
		nightly: dir ? { dir, keep } : null,
		kept: kept.map(({ name, bytes, madeAt }) => ({ name, bytes, madeAt: madeAt.toISOString() })),
		auditKey: { id: key.id, source: key.source }
	};
};
