/**
 * `cofund backup --out <file>` (admins) and `cofund restore <file>` (into an empty database):
 * the backup service over whichever database the CLI reaches, said in the reader's language.
 */
import { formatInteger } from '$lib/domain/format';
import { backupProblemText } from '$lib/i18n/backup-messages';
import { formatBytes } from '$lib/i18n/import-messages';
import { m } from '$lib/paraglide/messages.js';
import { auditSetupOf } from '$lib/server/audit/audit-context';
import { SYSTEM_ACTOR } from '$lib/server/audit/record-audit';
import { BackupError, type BackupManifest } from '$lib/server/backup/backup-format';
import { restoreBackup } from '$lib/server/backup/restore-backup';
import { writeBackupFile } from '$lib/server/backup/write-backup';
import type { Command } from 'commander';
import { basename, resolve } from 'node:path';
import {
	actingUser,
	CliFailure,
	requirePermission,
	withDatabase,
	type CliContext
} from '../context';

const rowsOf = (manifest: BackupManifest) => manifest.tables.reduce((sum, t) => sum + t.rows, 0);

export function registerBackupCommands(program: Command, context: () => CliContext): void {
	const say = { locale: context().locale };
	program
		.command('backup')
		.description(m.help_backup({}, say))
		.requiredOption('--out <file>', m.help_backup_out({}, say))
		.action(async (options: { out: string }) => {
			const ctx = context();
			const { locale } = ctx;
			const file = resolve(options.out);
			await withDatabase('cofund backup', async (handle) => {
				const user = await actingUser(handle, ctx);
				requirePermission(user, 'backup:create', ctx);
				const result = await writeBackupFile(handle.db, file, user);
				const { manifest } = result;
				ctx.out(
					m.cli_backup_written(
						{
							file,
							rows: formatInteger(rowsOf(manifest), locale),
							tables: manifest.tables.length,
							events: formatInteger(manifest.auditHead.events, locale),
							size: formatBytes(result.bytes, locale),
							sha256: result.sha256
						},
						{ locale }
					)
				);
				const { key } = auditSetupOf(handle.db);
				ctx.out(m.cli_backup_key_note({ source: key.source, id: key.id }, { locale }));
			});
		});

	program
		.command('restore')
		.description(m.help_restore({}, say))
		.argument('<file>')
		.action(async (given: string) => {
			const ctx = context();
			const { locale } = ctx;
			const file = resolve(given);
			await withDatabase('cofund restore', async (handle) => {
				try {
					const result = await restoreBackup(handle.db, file, SYSTEM_ACTOR);
					const { manifest } = result;
					ctx.out(
						m.cli_restore_done(
							{
								file,
								createdAt: manifest.createdAt,
								engine: manifest.engine,
								app: manifest.app,
								rows: formatInteger(rowsOf(manifest), locale),
								tables: manifest.tables.length
							},
							{ locale }
						)
					);
					ctx.out(
						result.besideChecked
							? m.cli_restore_checked_beside({ file: basename(file) }, { locale })
							: m.cli_restore_checked_inside({ file: basename(file) }, { locale })
					);
					ctx.out(
						m.cli_restore_audit(
							{
								events: formatInteger(result.auditEvents, locale),
								id: result.auditKey.id,
								source: result.auditKey.source
							},
							{ locale }
						)
					);
				} catch (error) {
					if (error instanceof BackupError) {
						throw new CliFailure(backupProblemText(error.problem, file, locale));
					}
					throw error;
				}
			});
		});
}
