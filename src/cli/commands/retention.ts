/** `cofund project retention|purge`: until when a project's records are kept, and the purge after. */
import { parseIsoDate, formatDate } from '$lib/domain/format';
import { retentionLines } from '$lib/i18n/retention-messages';
import { m } from '$lib/paraglide/messages.js';
import { loadRetention, purgeProject, setRetention } from '$lib/server/control/retention';
import type { Command } from 'commander';
import { CliFailure, withDatabase, type CliContext } from '../context';
import { projectFor } from './period';

export function registerRetentionCommands(project: Command, context: () => CliContext): void {
	const say = { locale: context().locale };

	project
		.command('retention')
		.description(m.retention_help({}, say))
		.requiredOption('--project <code>', m.period_help_project({}, say))
		.option('--until <date>', m.retention_help_until({}, say))
		.option('--reason <text>', m.retention_help_reason({}, say))
		.action(async (options: { project: string; until?: string; reason?: string }) => {
			const ctx = context();
			const { locale } = ctx;
			if (options.until !== undefined && !parseIsoDate(options.until))
				throw new CliFailure(m.retention_error_date({}, { locale }));
			const editing = options.until !== undefined;
			await withDatabase('cofund project retention', async (handle) => {
				const permission = editing ? 'retention:edit' : 'project:read';
				const { user, project } = await projectFor(handle, options.project, permission, ctx);
				if (editing) {
					const result = await setRetention(
						handle.db,
						project,
						options.until!,
						options.reason ?? '',
						user
					);
					if (result.status === 'reason-required')
						throw new CliFailure(m.retention_error_reason({}, { locale }));
					if (result.status === 'before-default')
						throw new CliFailure(
							m.retention_error_before_default(
								{
									date: formatDate(options.until!, locale),
									earliest: formatDate(result.earliest, locale)
								},
								{ locale }
							)
						);
				}
				const retention = (await loadRetention(handle.db, project.id))!;
				for (const line of retentionLines(retention, locale)) ctx.out(line);
			});
		});

	project
		.command('purge')
		.description(m.retention_help_purge({}, say))
		.requiredOption('--project <code>', m.period_help_project({}, say))
		.action(async (options: { project: string }) => {
			const ctx = context();
			const { locale } = ctx;
			await withDatabase('cofund project purge', async (handle) => {
				const { user, project } = await projectFor(handle, options.project, 'project:purge', ctx);
				const result = await purgeProject(handle.db, project, user);
				if (result.status === 'kept')
					throw new CliFailure(
						m.retention_purge_refused(
							{ code: project.code, date: formatDate(result.until, locale) },
							{ locale }
						)
					);
				if (result.status === 'not-found')
					throw new CliFailure(m.cli_unknown_project({ code: project.code }, { locale }));
				ctx.out(m.retention_purged({ code: project.code, rows: result.rows }, { locale }));
			});
		});
}
