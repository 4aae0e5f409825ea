/**
 * Which tables a backup holds, in the order a restore writes them (every table after the ones its
 * foreign keys point at), and which it leaves out on purpose, with why. A table in the schema
 * that is in neither list fails backup-tables.test.ts, so a new table cannot go unbacked-up.
 */

/** Restore order: parents first. The backup writes them in this order too. */
export const BACKUP_TABLES = [
	'projects',
	'project_partners',
	'year_plans',
	'mobility_events',
	'plan_versions',
	'users',
	'accounts',
	'project_members',
	'app_settings',
	'project_drafts',
	'audit_events',
	'source_files',
	'source_file_chunks',
	'import_batches',
	'expenses',
	'participations',
	'expense_sums',
	'mapping_profiles',
	'template_versions',
	'template_failures',
	'document_pieces',
	'documents',
	'report_narratives',
	'office_settings',
	'control_reasons',
	'expense_findings',
	'finding_entries',
	'finding_evidence',
	'control_samples',
	'control_sample_items',
	'closed_periods',
	'project_retention'
] as const;

export type BackupTable = (typeof BACKUP_TABLES)[number];

/**
 * Left out: what lives only as long as a sign-in or a few minutes. A restored office starts with
 * everyone signed out, and a password-reset link sent before the backup does not work after it.
 */
export const EXCLUDED_TABLES: Record<string, string> = {
	sessions: 'sign-ins: everyone signs in again after a restore',
	verifications: 'one-time links and codes, valid minutes to a day',
	rate_limits: 'sign-in attempt counters',
	staged_expenses: 'rows of an import that is still running, moved in or dropped when it ends',
	staged_participations:
		'rows of an import that is still running, moved in or dropped when it ends',
	document_uploads: 'PDFs whose pieces are being written, published or swept when their maker ends',
	data_versions:
		'numbers that name cached figures: made afresh by triggers as a restore writes the rows'
};
