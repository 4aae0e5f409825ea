/** `cofund period close|reopen|list`: a project's closed reporting periods, as the periods page keeps them. */
import { periodLabel, periodRange, type PeriodInput } from '$lib/domain/control/periods';
import type { Permission } from '$lib/domain/access';
import { formatOfficeMoment } from '$lib/domain/format';
import type { Locale } from '$lib/domain/locale';
import { m } from '$lib/paraglide/messages.js';
import type { DatabaseHandle } from '$lib/server/db';
import {
	closePeriod,
	listPeriods,
	reopenPeriod,
	type ClosedPeriod
} from '$lib/server/control/closed-periods';
import { loadImportProject } from '$lib/server/import/import-project';
import type { Command } from 'commander';
import {
	actingUser,
	CliFailure,
	requireOnProject,
	withDatabase,
	type CliContext
} from '../context';

export async function projectFor(
	handle: DatabaseHandle,
	code: string,
	permission: Permission,
	ctx: CliContext
) {
	const user = await actingUser(handle, ctx);
	const project = await loadImportProject(handle.db, code);
	if (!project) throw new CliFailure(m.cli_unknown_project({ code }, { locale: ctx.locale }));
	await requireOnProject(handle, user, permission, code, ctx);
	return { user, project: { id: project.id, code: project.code } };
}

function rangeOf(options: { year?: string; from?: string; to?: string }, locale: Locale) {
	let input: PeriodInput;
	if (options.year !== undefined && !options.from && !options.to)
		input = { year: Number(options.year) };
	else if (options.year === undefined && options.from && options.to)
		input = { from: options.from, to: options.to };
	else throw new CliFailure(m.period_error_which({}, { locale }));
	const range = periodRange(input);
	if ('problem' in range) {
		const say = {
			'year-invalid': m.period_error_year,
			'date-invalid': m.period_error_dates,
			order: m.period_error_order
		}[range.problem];
		throw new CliFailure(say({}, { locale }));
	}
	return range;
}

/** "#1 2018: closed 15 Jan 2019, 10:02 by …; reopened … by …: why" */
export function periodLine(period: ClosedPeriod, locale: Locale): string {
	const say = { locale };
	const closed = m.period_list_closed(
		{
			id: period.id,
			period: periodLabel(period, locale),
			when: formatOfficeMoment(period.closedAt, locale),
			who: period.closedBy
		},
		say
	);
	if (!period.reopenedAt) return closed;
	const reopened = m.period_list_reopened(
		{
			when: formatOfficeMoment(period.reopenedAt, locale),
			who: period.reopenedBy ?? '',
			reason: period.reopenReason ?? ''
		},
		say
	);
	return `${closed}; ${reopened}`;
}

export function registerPeriodCommands(program: Command, context: () => CliContext): void {
	const say = { locale: context().locale };
	const group = program.command('period').description(m.period_help({}, say));

	group
		.command('close')
		.description(m.period_help_close({}, say))
		.requiredOption('--project <code>', m.period_help_project({}, say))
		.option('--year <year>', m.period_help_year({}, say))
		.option('--from <date>', m.period_help_from({}, say))
		.option('--to <date>', m.period_help_to({}, say))
		.option('--reason <text>', m.period_help_reason({}, say))
		.action(
			async (options: {
				project: string;
				year?: string;
				from?: string;
				to?: string;
				reason?: string;
			}) => {
				const ctx = context();
				const { locale } = ctx;
				const range = rangeOf(options, locale);
				await withDatabase('cofund period close', async (handle) => {
					const { user, project } = await projectFor(handle, options.project, 'period:close', ctx);
					const result = await closePeriod(handle.db, project, range, options.reason ?? null, user);
					const period = periodLabel(range, locale);
					if (result.status === 'overlap')
						throw new CliFailure(
							m.period_error_overlap(
								{ period, other: periodLabel(result.period, locale) },
								{ locale }
							)
						);
					ctx.out(
						m.period_closed({ period, code: project.code, id: result.period.id }, { locale })
					);
				});
			}
		);

	group
		.command('reopen')
		.description(m.period_help_reopen({}, say))
		.requiredOption('--project <code>', m.period_help_project({}, say))
		.requiredOption('--period <id>', m.period_help_id({}, say))
		.requiredOption('--reason <text>', m.period_help_reason({}, say))
		.action(async (options: { project: string; period: string; reason: string }) => {
			const ctx = context();
			const { locale } = ctx;
			const id = Number(options.period.replace(/^#/, ''));
			await withDatabase('cofund period reopen', async (handle) => {
				const { user, project } = await projectFor(handle, options.project, 'period:reopen', ctx);
				const result = Number.isSafeInteger(id)
					? await reopenPeriod(handle.db, project, id, options.reason, user)
					: ({ status: 'not-found' } as const);
				if (result.status === 'reason-required')
					throw new CliFailure(m.period_error_reason({}, { locale }));
				if (result.status === 'not-found')
					throw new CliFailure(
						m.period_error_not_found({ code: project.code, id: options.period }, { locale })
					);
				const period = periodLabel(result.period, locale);
				if (result.status === 'already-reopened')
					throw new CliFailure(m.period_error_already({ period }, { locale }));
				ctx.out(m.period_reopened({ period, code: project.code }, { locale }));
			});
		});

	group
		.command('list')
		.description(m.period_help_list({}, say))
		.requiredOption('--project <code>', m.period_help_project({}, say))
		.action(async (options: { project: string }) => {
			const ctx = context();
			await withDatabase('cofund period list', async (handle) => {
				const { project } = await projectFor(handle, options.project, 'project:read', ctx);
				const periods = await listPeriods(handle.db, project.id);
				if (!periods.length) return ctx.out(m.period_none({}, { locale: ctx.locale }));
				for (const period of periods) ctx.out(periodLine(period, ctx.locale));
			});
		});
}
