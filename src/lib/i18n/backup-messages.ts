/** Says why a backup file was refused, in the reader's language, for the CLI and the app alike. */
import type { Locale } from '$lib/domain/locale';
import { formatInteger } from '$lib/domain/format';
import { m } from '$lib/paraglide/messages.js';
import type { BackupProblem } from '$lib/server/backup/backup-format';

export function backupProblemText(problem: BackupProblem, file: string, locale: Locale): string {
	const say = { locale };
	switch (problem.kind) {
		case 'unreadable':
			return m.backup_problem_unreadable({ file, detail: problem.detail }, say);
		case 'not-a-backup':
			return m.backup_problem_not_a_backup({ file }, say);
		case 'truncated':
			return m.backup_problem_truncated({ file }, say);
		case 'damaged':
			return m.backup_problem_damaged({ file }, say);
		case 'checksum':
			return m.backup_problem_checksum(
				{ file, expected: problem.expected, actual: problem.actual },
				say
			);
		case 'newer-format':
			return m.backup_problem_newer_format({ file, version: problem.version }, say);
		case 'schema':
			return m.backup_problem_schema({ file, backup: problem.backup, target: problem.target }, say);
		case 'not-empty':
			return m.backup_problem_not_empty(
				{ table: problem.table, rows: formatInteger(problem.rows, locale) },
				say
			);
		case 'audit-key':
			return m.backup_problem_audit_key(
				{ file, backup: problem.backup, target: problem.target, source: problem.source },
				say
			);
		case 'audit-chain':
			return m.backup_problem_audit_chain({ file }, say);
	}
}
