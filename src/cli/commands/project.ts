/** `cofund project apply|list|schema`: keep projects in step with their definition files. */
import { formatDate, formatMoney, formatPeriod } from '$lib/domain/format';
import { pick } from '$lib/domain/locale';
import { projectJsonSchema } from '$lib/domain/project/json-schema';
import { sameDecision } from '$lib/domain/plan/plan-versions';
import { m } from '$lib/paraglide/messages.js';
import type { Actor } from '$lib/server/audit/record-audit';
import { addMember } from '$lib/server/auth/users';
import type { Database } from '$lib/server/db';
import { loadProject } from '$lib/server/projects/load-definition';
import {
	applyProjectDefinition,
	DecisionOrderError,
	type ApplyResult
} from '$lib/server/projects/apply-definition';
import { readDefinitionFile } from '$lib/server/projects/definition-file';
import { listProjects } from '$lib/server/projects/list-projects';
import { projectHistory } from '$lib/server/plans/plan-history';
import type { Command } from 'commander';
import { writeFile } from 'node:fs/promises';
import {
	actingUser,
	CliFailure,
	requireOnProject,
	requirePermission,
	withDatabase,
	type CliContext
} from '../context';
import { issueText, printAmendment, printFindings } from './plan-output';
import { registerRetentionCommands } from './retention';

/** Reads, checks and applies one definition file; used by `project apply` and `demo`. */
export async function applyFile(
	db: Database,
	file: string,
	ctx: CliContext,
	actor: Actor
): Promise<ApplyResult> {
	const { locale } = ctx;
	const read = await readDefinitionFile(file);
	if (!read.ok) {
		if (read.problem === 'unreadable')
			throw new CliFailure(m.cli_file_unreadable({ file, detail: read.detail }, { locale }));
		if (read.problem === 'json')
			throw new CliFailure(m.cli_invalid_json({ file, detail: read.detail }, { locale }));
		throw new CliFailure(issueText(file, read.issues, locale));
	}
	const result = await applyProjectDefinition(db, read.definition, { actor }).catch(
		(error: unknown) => {
			if (!(error instanceof DecisionOrderError)) throw error;
			const { number, date } = error.inForce;
			throw new CliFailure(
				m.issue_decisionOrder({ number, date: formatDate(date, locale) }, { locale })
			);
		}
	);
	// An amendment is said with its decision and what it changed, as `plan amend` says it.
	const amendment =
		result.status === 'amended'
			? (await projectHistory(db, result.code))?.find((e) =>
					sameDecision(e.decision, read.definition.decision)
				)
			: undefined;
	if (amendment) printAmendment(result.code, amendment, ctx);
	else {
		const say = {
			created: m.cli_apply_created,
			updated: m.cli_apply_updated,
			amended: m.cli_apply_amended,
			unchanged: m.cli_apply_unchanged
		}[result.status];
		ctx.out(say({ code: result.code, version: result.version }, { locale }));
	}
	printFindings(read.definition, ctx);
	return result;
}

export function registerProjectCommands(program: Command, context: () => CliContext): void {
	const say = { locale: context().locale };
	const project = program.command('project').description(m.help_project({}, say));
	registerRetentionCommands(project, context);

	project
		.command('apply')
		.description(m.help_apply({}, say))
		.argument('<file>', m.help_apply_file({}, say))
		.action(async (file: string) => {
			const ctx = context();
			await withDatabase('cofund project apply', async (handle) => {
				const user = await actingUser(handle, ctx);
				const read = await readDefinitionFile(file);
				const code = read.ok ? read.definition.code : '';
				const exists = read.ok && (await loadProject(handle.db, code)) !== null;
				if (exists) await requireOnProject(handle, user, 'project:edit', code, ctx);
				else requirePermission(user, 'project:create', ctx);
				const result = await applyFile(handle.db, file, ctx, user);
				if (result.status === 'created') await addMember(handle.db, result.code, user.id);
			});
		});

	project
		.command('list')
		.description(m.help_list({}, say))
		.option('--json', m.help_json({}, say))
		.action(async (options: { json?: boolean }) => {
			const ctx = context();
			const { locale } = ctx;
			const items = await withDatabase('cofund project list', async (handle) =>
				listProjects(handle.db, await actingUser(handle, ctx))
			);
			if (options.json) return ctx.out(JSON.stringify(items, null, 2));
			if (!items.length) return ctx.out(m.cli_no_projects({}, { locale }));
			for (const item of items) {
				const plan = item.errors
					? m.plan_errors({ count: item.errors }, { locale })
					: item.warnings
						? m.plan_warnings({ count: item.warnings }, { locale })
						: m.plan_ok({}, { locale });
				ctx.out(
					[
						item.code.padEnd(10),
						pick(item.title, locale),
						formatPeriod(item.period.start, item.period.end, locale),
						formatMoney(item.total, locale, { currency: item.currency }),
						plan
					].join('  ·  ')
				);
			}
		});

	project
		.command('schema')
		.description(m.help_schema({}, say))
		.option('--out <file>', m.help_out({}, say))
		.action(async (options: { out?: string }) => {
			const text = `${JSON.stringify(projectJsonSchema(), null, '\t')}\n`;
			if (options.out) await writeFile(options.out, text);
			else context().out(text.trimEnd());
		});
}
