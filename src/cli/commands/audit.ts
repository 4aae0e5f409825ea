/**
 * `cofund audit verify [--deep]`: re-checks the audit log's keyed chain against the head anchored
 * outside the database and, with --deep, every stored original and document against its hashes;
 * `cofund audit log`: the log in words, as the page says it. For auditors and admins.
 */
import { auditFilterSchema } from '$lib/domain/tables/audit-query';
import { formatOfficeMoment, parseIsoDate } from '$lib/domain/format';
import type { Locale } from '$lib/domain/locale';
import { sayEvent } from '$lib/i18n/audit-messages';
import { authorLine } from '$lib/i18n/author-names';
import { m } from '$lib/paraglide/messages.js';
import { AUDIT_PAGE_SIZE, listAuditEvents, type AuditFilters } from '$lib/server/audit/list-audit';
import { templateNames } from '$lib/server/documents/template-summaries';
import { verifyChainFor, type DisclosedVerification } from '$lib/server/audit/audit-scope';
import { verifyStoredBytes, type ByteMismatch } from '$lib/server/audit/verify-bytes';
import { mayReadProject } from '$lib/server/access/project-access';
import type { Command } from 'commander';
import {
	actingUser,
	CliFailure,
	requirePermission,
	withDatabase,
	type CliContext
} from '../context';

function chainProblem(result: Exclude<DisclosedVerification, { intact: true }>, locale: Locale) {
	const say = { locale };
	if ('missing' in result) return m.audit_chain_missing(result.missing, say);
	if ('wrongKey' in result) return m.audit_chain_wrong_key(result.wrongKey, say);
	const { broken } = result;
	const why = {
		altered: m.cli_audit_altered,
		unlinked: m.cli_audit_unlinked,
		anchor: m.cli_audit_anchor
	}[broken.problem]({}, say);
	if ('hidden' in broken) return m.cli_audit_broken_hidden({ id: broken.id, problem: why }, say);
	const { id, at, action, actorEmail } = broken;
	return m.cli_audit_broken({ id, at, action, actor: actorEmail, problem: why }, say);
}

export function byteMismatchText(mismatch: ByteMismatch, locale: Locale): string {
	const say = { locale };
	const { recorded, actual } = mismatch;
	const problem = {
		bytes: () => m.cli_audit_deep_bytes({ actual, recorded }, say),
		event: () => m.cli_audit_deep_event({ recorded, logged: mismatch.logged ?? '' }, say),
		'no-event': () => m.cli_audit_deep_no_event({ recorded }, say)
	}[mismatch.problem]();
	const where =
		mismatch.kind === 'original' ? m.cli_audit_deep_original : m.cli_audit_deep_document;
	return where({ id: mismatch.id, name: mismatch.name, project: mismatch.project, problem }, say);
}

interface LogOptions {
	action?: string;
	actor?: string;
	project?: string;
	from?: string;
	to?: string;
	limit?: string;
}

/** The options as filters, or a clear refusal of a date or a count that is none. */
function logFilters(options: LogOptions, locale: Locale): { filters: AuditFilters; limit: number } {
	for (const value of [options.from, options.to])
		if (value !== undefined && !parseIsoDate(value))
			throw new CliFailure(m.cli_audit_bad_date({ value }, { locale }));
	const limit = options.limit === undefined ? AUDIT_PAGE_SIZE : Number(options.limit);
	if (!Number.isSafeInteger(limit) || limit < 1)
		throw new CliFailure(m.cli_audit_bad_limit({ value: options.limit ?? '' }, { locale }));
	// The same schema the log page and its CSV read their URL with.
	const { action, actor, project, from, to } = options;
	return { filters: auditFilterSchema.parse({ action, actor, project, from, to }), limit };
}

async function printLog(options: LogOptions, ctx: CliContext): Promise<void> {
	const { locale } = ctx;
	const { filters, limit } = logFilters(options, locale);
	const { events, total, templates } = await withDatabase('cofund audit log', async (handle) => {
		const user = await actingUser(handle, ctx);
		requirePermission(user, 'audit:read', ctx);
		const [list, templates] = await Promise.all([
			listAuditEvents(handle.db, user, filters, limit > AUDIT_PAGE_SIZE ? 'all' : 1),
			templateNames(handle.db, locale)
		]);
		return { ...list, templates };
	});
	const shown = events.slice(0, limit);
	if (shown.length === 0) return ctx.out(m.cli_audit_none({}, { locale }));
	for (const event of shown) {
		const said = sayEvent(event, locale, { templates });
		const where = event.project ? `  ${event.project}` : '';
		const who = authorLine({ email: event.actorEmail, name: event.actorName }, locale);
		ctx.out(`#${event.id}  ${formatOfficeMoment(new Date(event.at), locale)}  ${who}${where}`);
		ctx.out(`  ${said.sentence}`);
		for (const change of said.changes) ctx.out(`    ${change}`);
	}
	if (total > shown.length) ctx.out(m.cli_audit_shown({ shown: shown.length, total }, { locale }));
}

export function registerAuditCommands(program: Command, context: () => CliContext): void {
	const say = { locale: context().locale };
	const audit = program.command('audit').description(m.help_audit({}, say));
	audit
		.command('log')
		.description(m.help_audit_log({}, say))
		.option('--action <action>', m.help_audit_action({}, say))
		.option('--actor <email>', m.help_audit_actor({}, say))
		.option('--project <code>', m.help_audit_project({}, say))
		.option('--from <YYYY-MM-DD>', m.help_audit_from({}, say))
		.option('--to <YYYY-MM-DD>', m.help_audit_to({}, say))
		.option('--limit <n>', m.help_audit_limit({}, say))
		.action((options: LogOptions) => printLog(options, context()));
	audit
		.command('verify')
		.description(m.help_audit_verify({}, say))
		.option('--deep', m.help_audit_deep({}, say))
		.action(async (options: { deep?: boolean }) => {
			const ctx = context();
			const { locale } = ctx;
			const { chain, bytes, hidden } = await withDatabase('cofund audit verify', async (handle) => {
				const user = await actingUser(handle, ctx);
				requirePermission(user, 'audit:read', ctx);
				const chain = await verifyChainFor(handle.db, user);
				if (!options.deep) return { chain, bytes: null, hidden: 0 };
				// Every stored file is checked; a mismatch is named only in a project the reader may see.
				const all = await verifyStoredBytes(handle.db);
				const readable = new Map<string, boolean>();
				for (const { project } of all.mismatches) {
					if (!readable.has(project))
						readable.set(project, await mayReadProject(handle.db, user, project));
				}
				const shown = all.mismatches.filter(({ project }) => readable.get(project));
				const bytes = { ...all, mismatches: shown };
				return { chain, bytes, hidden: all.mismatches.length - shown.length };
			});
			const failures: string[] = [];
			if (chain.intact) {
				const { events, anchored } = chain;
				ctx.out(
					anchored === null
						? m.cli_audit_intact({ events }, { locale })
						: m.cli_audit_intact_anchored({ events, anchored }, { locale })
				);
			} else failures.push(chainProblem(chain, locale));
			const count = (bytes?.mismatches.length ?? 0) + hidden;
			if (bytes && count === 0) ctx.out(m.cli_audit_deep_ok(bytes, { locale }));
			for (const mismatch of bytes?.mismatches ?? [])
				failures.push(byteMismatchText(mismatch, locale));
			if (hidden) failures.push(m.cli_audit_deep_hidden({ count: hidden }, { locale }));
			if (count) failures.push(m.cli_audit_deep_failed({ count }, { locale }));
			if (failures.length) throw new CliFailure(failures.join('\n'));
		});
}
