/** `cofund audit verify`: re-checks the audit log's hash chain, for auditors and admins. */
import { m } from '$lib/paraglide/messages.js';
import { verifyChainFor } from '$lib/server/audit/audit-scope';
import type { Command } from 'commander';
import {
	actingUser,
	CliFailure,
	requirePermission,
	withDatabase,
	type CliContext
} from '../context';

export function registerAuditCommands(program: Command, context: () => CliContext): void {
	const say = { locale: context().locale };
	program
		.command('audit')
		.description(m.help_audit({}, say))
		.command('verify')
		.description(m.help_audit_verify({}, say))
		.action(async () => {
			const ctx = context();
			const { locale } = ctx;
			const result = await withDatabase('cofund audit verify', async (handle) => {
				const user = await actingUser(handle, ctx);
				requirePermission(user, 'audit:read', ctx);
				return verifyChainFor(handle.db, user);
			});
			if (result.intact) return ctx.out(m.cli_audit_intact({ events: result.events }, { locale }));
			const { broken } = result;
			const why = broken.problem === 'altered' ? m.cli_audit_altered : m.cli_audit_unlinked;
			if ('hidden' in broken)
				throw new CliFailure(
					m.cli_audit_broken_hidden({ id: broken.id, problem: why({}, { locale }) }, { locale })
				);
			const { id, at, action, actorEmail } = broken;
			throw new CliFailure(
				m.cli_audit_broken(
					{ id, at, action, actor: actorEmail, problem: why({}, { locale }) },
					{ locale }
				)
			);
		});
}
