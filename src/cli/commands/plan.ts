/** `cofund plan history|amend`: the council's decisions on a project's plan, and amending it. */
import { formatDate, parseIsoDate } from '$lib/domain/format';
import type { AmendingDecision } from '$lib/domain/plan/plan-amendment';
import { entryText } from '$lib/i18n/plan-history-messages';
import { m } from '$lib/paraglide/messages.js';
import { amendPlan, projectHistory } from '$lib/server/plans/plan-history';
import { loadProject } from '$lib/server/projects/load-definition';
import { describeJsonError } from '$lib/server/projects/definition-file';
import type { Command } from 'commander';
import { readFile } from 'node:fs/promises';
import {
	actingUser,
	CliFailure,
	requireOnProject,
	withDatabase,
	type CliContext
} from '../context';
import { issueText, printAmendment, printFindings } from './plan-output';

/** Plan files are small; anything this large is not one (as definition files). */
const MAX_BYTES = 5 * 1024 * 1024;

/** The file's JSON value, or a failure saying what is wrong with it in the reader's words. */
async function readJson(file: string, ctx: CliContext): Promise<unknown> {
	const { locale } = ctx;
	const unreadable = (detail: string) =>
		new CliFailure(m.cli_file_unreadable({ file, detail }, { locale }));
	const bytes = await readFile(file).catch((error: Error) => {
		throw unreadable(error.message);
	});
	if (bytes.length > MAX_BYTES) throw unreadable(`larger than ${MAX_BYTES} bytes`);
	let text: string;
	try {
		text = new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/, '');
	} catch {
		throw unreadable('not UTF-8 text');
	}
	try {
		return JSON.parse(text);
	} catch (error) {
		throw new CliFailure(
			m.cli_invalid_json({ file, detail: describeJsonError(text, error) }, { locale })
		);
	}
}

interface AmendOptions {
	project: string;
	decisionDate: string;
	decisionNumber: string;
	decisionAnnex?: string;
	note?: string;
	file: string;
}

/** The amending decision from the flags, checked before anything is opened. */
function decisionFrom(options: AmendOptions, ctx: CliContext): AmendingDecision {
	const say = { locale: ctx.locale };
	if (!/^\d{4}-\d{2}-\d{2}$/.test(options.decisionDate) || !parseIsoDate(options.decisionDate))
		throw new CliFailure(m.history_cli_bad_date({ value: options.decisionDate }, say));
	const annex = options.decisionAnnex;
	if (annex !== undefined && !/^([1-9]|[1-9]\d)$/.test(annex))
		throw new CliFailure(m.history_cli_bad_annex({ value: annex }, say));
	return {
		date: options.decisionDate,
		number: options.decisionNumber.trim(),
		annex: annex === undefined ? undefined : Number(annex)
	};
}

export function registerPlanCommands(program: Command, context: () => CliContext): void {
	const say = { locale: context().locale };
	const plan = program.command('plan').description(m.history_help_plan({}, say));

	plan
		.command('history')
		.description(m.history_help_history({}, say))
		.requiredOption('--project <code>', m.history_help_project({}, say))
		.option('--json', m.help_json({}, say))
		.action(async (options: { project: string; json?: boolean }) => {
			const ctx = context();
			const { locale } = ctx;
			const code = options.project;
			const history = await withDatabase('cofund plan history', async (handle) => {
				const user = await actingUser(handle, ctx);
				if (!(await loadProject(handle.db, code)))
					throw new CliFailure(m.cli_unknown_project({ code }, { locale }));
				await requireOnProject(handle, user, 'project:read', code, ctx);
				return (await projectHistory(handle.db, code)) ?? [];
			});
			if (options.json) return ctx.out(JSON.stringify(history, null, 2));
			if (!history.length) return ctx.out(m.history_cli_no_decisions({ code }, { locale }));
			ctx.out(history.flatMap((entry) => entryText(entry, locale)).join('\n'));
		});

	plan
		.command('amend')
		.description(m.history_help_amend({}, say))
		.requiredOption('--project <code>', m.history_help_project({}, say))
		.requiredOption('--decision-date <YYYY-MM-DD>', m.history_help_decision_date({}, say))
		.requiredOption('--decision-number <N>', m.history_help_decision_number({}, say))
		.option('--decision-annex <K>', m.history_help_decision_annex({}, say))
		.option('--note <text>', m.history_help_note({}, say))
		.requiredOption('--file <plan.json>', m.history_help_file({}, say))
		.action(async (options: AmendOptions) => {
			const ctx = context();
			const { locale } = ctx;
			const code = options.project;
			const decision = decisionFrom(options, ctx);
			const file = await readJson(options.file, ctx);
			await withDatabase('cofund plan amend', async (handle) => {
				const user = await actingUser(handle, ctx);
				if (!(await loadProject(handle.db, code)))
					throw new CliFailure(m.cli_unknown_project({ code }, { locale }));
				await requireOnProject(handle, user, 'project:edit', code, ctx);
				const outcome = await amendPlan(handle.db, code, file, decision, {
					actor: user,
					note: options.note
				});
				const nothing = m.history_cli_nothing_recorded({}, { locale });
				if (!outcome.ok) {
					if (outcome.problem === 'no-project')
						throw new CliFailure(m.cli_unknown_project({ code }, { locale }));
					if (outcome.problem === 'other-project')
						throw new CliFailure(
							`${m.history_cli_other_project({ found: outcome.found, code }, { locale })} ${nothing}`
						);
					if (outcome.problem === 'invalid')
						throw new CliFailure(`${issueText(options.file, outcome.issues, locale)}\n${nothing}`);
					const { number, date } = outcome.inForce;
					const params = { number, date: formatDate(date, locale) };
					const refusal =
						outcome.problem === 'same-decision'
							? m.history_cli_same_decision(params, { locale })
							: m.issue_decisionOrder(params, { locale });
					throw new CliFailure(`${refusal} ${nothing}`);
				}
				printAmendment(code, outcome.entry, ctx);
				printFindings(outcome.definition, ctx);
			});
		});
}
