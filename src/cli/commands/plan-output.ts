/** What the plan commands print: a definition's issues, the plan's findings, a recorded amendment. */
import type { Locale } from '$lib/domain/locale';
import type { HistoryEntry } from '$lib/domain/plan/plan-history';
import type { DefinitionIssue, ProjectDefinition } from '$lib/domain/project/definition';
import { checkPlan } from '$lib/domain/project/plan-checks';
import { describeIssue } from '$lib/i18n/issue-messages';
import { changeLines, decisionTitle, netLines, planLine } from '$lib/i18n/plan-history-messages';
import { describeFinding } from '$lib/i18n/plan-messages';
import { m } from '$lib/paraglide/messages.js';
import type { CliContext } from '../context';

/** "The file … is not a valid project definition (2 issues):" and a line per issue. */
export function issueText(file: string, issues: DefinitionIssue[], locale: Locale): string {
	const lines = issues.map(
		(issue) => `  ${issue.path || '(root)'}: ${describeIssue(issue, locale)}`
	);
	return [m.cli_invalid_definition({ file, count: issues.length }, { locale }), ...lines].join(
		'\n'
	);
}

/** The plan rules a saved plan breaks, on standard error, as `project apply` says them. */
export function printFindings(definition: ProjectDefinition, ctx: CliContext): void {
	const { locale } = ctx;
	const findings = checkPlan(definition);
	if (!findings.length) return;
	ctx.err(m.cli_plan_findings({ count: findings.length }, { locale }));
	for (const finding of findings) {
		const label = finding.severity === 'error' ? m.severity_error : m.severity_warning;
		ctx.err(`  ${label({}, { locale })}: ${describeFinding(finding, locale, definition.currency)}`);
	}
}

/** The amendment just recorded, with the decision and what it changed against the one before. */
export function printAmendment(code: string, entry: HistoryEntry, ctx: CliContext): void {
	const { locale } = ctx;
	const say = { locale };
	const decision = decisionTitle(entry.decision, locale);
	ctx.out(m.history_cli_amended({ code, decision, version: entry.version }, say));
	ctx.out(`  ${planLine(entry.funding, entry.currency, locale)}`);
	const changes = changeLines(entry, entry.currency, locale);
	if (!changes.length) return ctx.out(`  ${m.history_no_changes({}, say)}`);
	ctx.out(`  ${m.history_changes({}, say)}:`);
	for (const line of changes) ctx.out(`    ${line}`);
	const net = netLines(entry, entry.currency, locale);
	if (!net.length) return;
	ctx.out(`  ${m.history_net({}, say)}:`);
	for (const line of net) ctx.out(`    ${line}`);
}
