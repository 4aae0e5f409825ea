/**
 * `cofund audit verify [--deep]`: re-checks the audit log's keyed chain against the head anchored
 * outside the database and, with --deep, every stored original and document against its hashes;
 * for auditors and admins.
 */
import type { Locale } from '$lib/domain/locale';
import { m } from '$lib/paraglide/messages.js';
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

export function registerAuditCommands(program: Command, context: () => CliContext): void {
	const say = { locale: context().locale };
	program
		.command('audit')
		.description(m.help_audit({}, say))
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
