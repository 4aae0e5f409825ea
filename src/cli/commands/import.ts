/** `cofund import expenses|participation|history|show|revert` and `cofund summary`: the import, from a terminal. */
import { formatDate, formatMoney, officeDate } from '$lib/domain/format';
import type { ImportKind } from '$lib/domain/import/fields';
import { importBalance } from '$lib/domain/import/balance';
import type { Permission } from '$lib/domain/access';
import type { Locale } from '$lib/domain/locale';
import { describeFailure } from '$lib/i18n/import-messages';
import { m } from '$lib/paraglide/messages.js';
import type { DatabaseHandle } from '$lib/server/db';
import { fileSource } from '$lib/server/import/byte-source';
import { loadBatchReport } from '$lib/server/import/batch-report';
import { ImportFileError } from '$lib/server/import/import-errors';
import { loadImportProject } from '$lib/server/import/import-project';
import { listImports, type ImportHistoryEntry } from '$lib/server/import/list-imports';
import { loadProjectFigures } from '$lib/server/dashboard/project-figures';
import { revertImport } from '$lib/server/import/revert-import';
import { runImport, type ImportResult } from '$lib/server/import/run-import';
import { collect, parseAssignments, parseWithout, profileOf } from './import-options';
import { printOutcome, printReport, printWarnings, resultJson } from './import-output';
import {
	CANCELLED_EXIT,
	processTerminal,
	terminalRun,
	type ImportTerminal
} from './import-terminal';
import { printSummary, summaryJson } from './summary-output';
import type { Command } from 'commander';
import {
	actingUser,
	CliFailure,
	requireOnProject,
	withDatabase,
	type CliContext
} from '../context';

interface ImportOptions {
	project: string;
	profile?: string;
	map?: string[];
	sheet?: string;
	assign?: string[];
	dryRun?: boolean;
	skipRejected?: boolean;
	without?: string[];
	json?: boolean;
	progress?: boolean;
}

/** The acting user, if they may do `permission` on the project; the project's import view too. */
async function projectFor(
	handle: DatabaseHandle,
	code: string,
	permission: Permission,
	ctx: CliContext
) {
	const user = await actingUser(handle, ctx);
	const project = await loadImportProject(handle.db, code);
	if (!project) throw new CliFailure(m.cli_unknown_project({ code }, { locale: ctx.locale }));
	await requireOnProject(handle, user, permission, code, ctx);
	return { user, project };
}

/** The import, still in force, of the very bytes given again: what a re-run of it finds. */
async function sameFileImported(
	handle: DatabaseHandle,
	projectId: number,
	kind: ImportKind,
	result: ImportResult
): Promise<ImportHistoryEntry | undefined> {
	const entries = await listImports(handle.db, projectId);
	return entries.find((e) => e.kind === kind && e.sha256 === result.sha256 && !e.revertedAt);
}

function sameFileLine(entry: ImportHistoryEntry, code: string, locale: Locale): string {
	const date = formatDate(officeDate(entry.createdAt), locale);
	return m.cli_import_same_file({ batch: entry.id, date, by: entry.createdBy, code }, { locale });
}

/** `cofund import expenses|participation <file>`; `terminal` is the process's, or a test's own. */
export async function importCommand(
	kind: ImportKind,
	file: string,
	options: ImportOptions,
	ctx: CliContext,
	terminal: ImportTerminal = processTerminal
) {
	const { locale } = ctx;
	const profile = await profileOf(options, ctx);
	const assignments = parseAssignments(options.assign, ctx);
	const without = parseWithout(options.without, kind, ctx);
	await withDatabase(`cofund import ${kind}`, async (handle) => {
		const { user, project } = await projectFor(handle, options.project, 'import:run', ctx);
		let result: ImportResult;
		const source = await fileSource(file);
		// --progress keeps its machine-readable lines; otherwise a terminal gets the redrawn line.
		const run = terminalRun(terminal, locale, { draw: !options.progress });
		try {
			result = await runImport(handle.db, {
				project,
				kind,
				input: { source },
				profile,
				actor: user,
				mode: options.dryRun ? 'dry-run' : 'commit',
				skipRejected: options.skipRejected ?? false,
				// Always given: a commit that would leave a dashboard field empty needs --without.
				without,
				assignments,
				onProgress: options.progress
					? (p) => ctx.err(`progress ${p.bytes}/${p.totalBytes} ${p.records}`)
					: run.onProgress,
				signal: run.signal
				// The line is cleared before anything else is printed, a report or a failure.
			}).finally(() => run.end());
		} catch (error) {
			if (!(error instanceof ImportFileError)) throw error;
			if (error.failure.code === 'cancelled')
				throw new CliFailure(describeFailure(error.failure, locale).join(' '), CANCELLED_EXIT);
			if (error.result) {
				if (options.json) ctx.out(resultJson(error.result));
				else printReport(error.result, ctx, project.currency);
				if (!options.json) printWarnings(error.result, ctx, project.currency);
			}
			// Everything already in the project is a fine outcome for a monthly re-import, not an error.
			if (error.failure.code === 'nothing-to-commit') {
				if (options.json) return;
				ctx.out(describeFailure(error.failure, locale).join(' '));
				const same =
					error.result && (await sameFileImported(handle, project.id, kind, error.result));
				if (same) ctx.out(sameFileLine(same, project.code, locale));
				return;
			}
			const lines = describeFailure(error.failure, locale);
			if (error.failure.code === 'missing-columns') {
				const { fields } = error.failure;
				lines.push(
					m.cli_missing_columns({ field: fields[0]!, fields: fields.join(',') }, { locale })
				);
			}
			throw new CliFailure(lines.join('\n  '));
		}
		if (options.json) ctx.out(resultJson(result));
		else printOutcome(result, ctx, project);
		// Ctrl-C after the last rows were read: the commit went through, and the user must know.
		if (run.signal.aborted && result.batchId !== null)
			ctx.err(m.import_progress_cli_too_late({ batch: result.batchId }, { locale }));
	});
}

export function registerImportCommands(program: Command, context: () => CliContext): void {
	const say = { locale: context().locale };
	const group = program.command('import').description(m.help_import({}, say));
	for (const kind of ['expenses', 'participation'] as const) {
		group
			.command(kind)
			.description(
				kind === 'expenses' ? m.help_import_expenses({}, say) : m.help_import_participation({}, say)
			)
			.argument('<file>', m.import_xlsx_help_file({}, say))
			.requiredOption('--project <code>', m.help_import_project({}, say))
			.option('--profile <file>', m.help_import_profile({}, say))
			.option('--map <field=Header>', m.help_import_map({}, say), collect)
			.option('--sheet <name>', m.import_xlsx_help_sheet({}, say))
			.option('--assign <line=event>', m.help_import_assign({}, say), collect)
			.option('--dry-run', m.help_import_dry_run({}, say))
			.option('--skip-rejected', m.help_import_skip_rejected({}, say))
			.option('--without <fields>', m.help_import_without({}, say), collect)
			.option('--json', m.help_json({}, say))
			.option('--progress', 'progress <bytes>/<total> <records> on stderr')
			.addHelpText('after', `\n${m.import_progress_help_exit({}, say)}`)
			.action((file: string, options: ImportOptions) =>
				importCommand(kind, file, options, context())
			);
	}

	group
		.command('history')
		.description(m.help_import_history({}, say))
		.requiredOption('--project <code>', m.help_import_project({}, say))
		.option('--json', m.help_json({}, say))
		.action(async (options: { project: string; json?: boolean }) => {
			const ctx = context();
			const { locale } = ctx;
			await withDatabase('cofund import history', async (handle) => {
				const { project } = await projectFor(handle, options.project, 'project:read', ctx);
				const entries = await listImports(handle.db, project.id);
				if (options.json) return ctx.out(JSON.stringify(entries, null, 2));
				if (!entries.length)
					return ctx.out(m.cli_history_empty({ code: project.code }, { locale }));
				for (const entry of entries) {
					ctx.out(
						[
							`#${entry.id}`.padEnd(6),
							formatDate(officeDate(entry.createdAt), locale),
							entry.kind.padEnd(13),
							entry.fileName,
							`${entry.accepted}/${entry.records}`,
							entry.kind === 'expenses'
								? formatMoney(entry.acceptedCents, locale, { currency: project.currency })
								: '',
							entry.createdBy,
							entry.revertedAt ? `↩ ${entry.revertedBy}` : ''
						]
							.filter(Boolean)
							.join('  ')
					);
				}
			});
		});

	group
		.command('show')
		.description(m.help_import_show({}, say))
		.argument('<batch>', m.help_import_batch({}, say))
		.requiredOption('--project <code>', m.help_import_project({}, say))
		.option('--json', m.help_json({}, say))
		.action(async (batchText: string, options: { project: string; json?: boolean }) => {
			const ctx = context();
			const batch = Number(batchText.replace(/^#/, ''));
			await withDatabase('cofund import show', async (handle) => {
				const { project } = await projectFor(handle, options.project, 'project:read', ctx);
				const kept = await loadBatchReport(handle.db, project.id, batch);
				if (!kept)
					throw new CliFailure(
						m.cli_revert_not_found({ batch: batchText, code: project.code }, { locale: ctx.locale })
					);
				const { entry, report, dialect } = kept;
				if (options.json)
					return ctx.out(
						JSON.stringify({ ...entry, report, dialect, balance: importBalance(report) }, null, 2)
					);
				printReport({ ...entry, report, dialect }, ctx, project.currency);
			});
		});

	group
		.command('revert')
		.description(m.help_import_revert({}, say))
		.argument('<batch>', m.help_import_batch({}, say))
		.requiredOption('--project <code>', m.help_import_project({}, say))
		.action(async (batchText: string, options: { project: string }) => {
			const ctx = context();
			const { locale } = ctx;
			const batch = Number(batchText.replace(/^#/, ''));
			await withDatabase('cofund import revert', async (handle) => {
				const { user, project } = await projectFor(handle, options.project, 'import:revert', ctx);
				const result = Number.isInteger(batch)
					? await revertImport(handle.db, batch, project.id, user)
					: ({ status: 'not-found' } as const);
				if (result.status === 'not-found')
					throw new CliFailure(
						m.cli_revert_not_found({ batch: batchText, code: project.code }, { locale })
					);
				if (result.status === 'already-reverted')
					throw new CliFailure(m.cli_revert_already({ batch }, { locale }));
				if (result.status === 'closed-period')
					throw new CliFailure(
						[
							m.period_revert_refused({ batch }, { locale }),
							...describeFailure(result.failure, locale)
						].join('\n')
					);
				if (result.status === 'has-findings')
					throw new CliFailure(m.ctl_revert_has_findings({ batch, rows: result.rows }, { locale }));
				ctx.out(m.cli_revert_done({ batch, rows: result.rows }, { locale }));
			});
		});

	program
		.command('summary')
		.description(m.help_summary({}, say))
		.requiredOption('--project <code>', m.help_import_project({}, say))
		.option('--json', m.help_json({}, say))
		.action(async (options: { project: string; json?: boolean }) => {
			const ctx = context();
			await withDatabase('cofund summary', async (handle) => {
				const { project } = await projectFor(handle, options.project, 'project:read', ctx);
				const { definition, figures } = (await loadProjectFigures(handle.db, project.code))!;
				// Machine-readable: numbers and decimal strings keep the ASCII "-" that JSON parsers read.
				if (options.json) return ctx.out(JSON.stringify(summaryJson(definition, figures), null, 2));
				printSummary(definition, figures, ctx);
			});
		});
}
