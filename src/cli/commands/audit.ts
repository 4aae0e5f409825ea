/**
 * `cofund audit verify [--deep]`: re-checks the audit log's keyed chain against the head anchored
 * outside the database and, with --deep, every stored original and document against its hashes;
 * for auditors and admins.
 */
import type { Locale } from '$lib/domain/locale';
import { m } from '$lib/paraglide/messages.js';
import { verifyStoredBytes, type ByteMismatch } from '$lib/server/audit/verify-bytes';
import { verifyAuditChain, type AuditVerification } from '$lib/server/audit/verify-audit';
import type { Command } from 'commander';
import {
	actingUser,
	CliFailure,
	requirePermission,
	withDatabase,
	type CliContext
} from '../context';

function chainProblem(result: Exclude<AuditVerification, { intact: true }>, locale: Locale) {
	const say = { locale };
	if ('missing' in result) return m.audit_chain_missing(result.missing, say);
	if ('wrongKey' in result) return m.audit_chain_wrong_key(result.wrongKey, say);
	const { id, at, action, actorEmail, problem } = result.broken;
	const why = {
		altered: m.cli_audit_altered,
		unlinked: m.cli_audit_unlinked,
		anchor: m.cli_audit_anchor
	}[problem];
	return m.cli_audit_broken({ id, at, action, actor: actorEmail, problem: why({}, say) }, say);
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
			const { chain, bytes } = await withDatabase('cofund audit verify', async (handle) => {
				requirePermission(await actingUser(handle, ctx), 'audit:read', ctx);
				const chain = await verifyAuditChain(handle.db);
				return { chain, bytes: options.deep ? await verifyStoredBytes(handle.db) : null };
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
			if (bytes && bytes.mismatches.length === 0) {
				ctx.out(m.cli_audit_deep_ok(bytes, { locale }));
			}
			for (const mismatch of bytes?.mismatches ?? [])
				failures.push(byteMismatchText(mismatch, locale));
			if (bytes?.mismatches.length) {
				failures.push(m.cli_audit_deep_failed({ count: bytes.mismatches.length }, { locale }));
			}
			if (failures.length) throw new CliFailure(failures.join('\n'));
		});
}
