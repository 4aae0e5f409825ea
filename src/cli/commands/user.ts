/**
 * `cofund user …`: an admin's tools for people and their access to projects, through the same
 * services as the people page, and `add-first-admin` to enter a fresh database without the app.
 */
import { isRole, type Role } from '$lib/domain/access';
import { formatOfficeMoment } from '$lib/domain/format';
import { peopleErrorMessage } from '$lib/i18n/people-messages';
import { roleName } from '$lib/i18n/roles';
import { m } from '$lib/paraglide/messages.js';
import { SYSTEM_ACTOR } from '$lib/server/audit/record-audit';
import type { DatabaseHandle } from '$lib/server/db';
import * as people from '$lib/server/people/people';
import { PeopleError } from '$lib/server/people/people-error';
import { resetPath } from '$lib/server/people/reset-link';
import type { Command } from 'commander';
import { randomBytes } from 'node:crypto';
import {
	actingUser,
	cliAuth,
	CliFailure,
	requirePermission,
	withDatabase,
	type CliContext
} from '../context';

async function asAdmin(handle: DatabaseHandle, ctx: CliContext) {
	const admin = await actingUser(handle, ctx);
	requirePermission(admin, 'user:manage', ctx);
	return admin;
}

const newPassword = () => randomBytes(12).toString('base64url');
const origin = () => process.env.ORIGIN || `http://localhost:${process.env.PORT || 3000}`;

/** Runs an admin's change; a refusal the admin can act on is said plainly, with no stack. */
async function asAdminDo<T>(
	ctx: CliContext,
	purpose: string,
	work: (handle: DatabaseHandle, admin: Awaited<ReturnType<typeof asAdmin>>) => Promise<T>
): Promise<T> {
	try {
		return await withDatabase(purpose, async (handle) => work(handle, await asAdmin(handle, ctx)));
	} catch (error) {
		if (error instanceof PeopleError) throw new CliFailure(peopleErrorMessage(error, ctx.locale));
		throw error;
	}
}

function requireRole(role: string, ctx: CliContext): Role {
	if (!isRole(role)) throw new CliFailure(m.cli_bad_role({ role }, { locale: ctx.locale }));
	return role;
}

export function registerUserCommands(program: Command, context: () => CliContext): void {
	const say = { locale: context().locale };
	const user = program.command('user').description(m.help_user({}, say));

	user
		.command('add')
		.description(m.help_user_add({}, say))
		.argument('<email>')
		.requiredOption('--role <role>', m.help_role({}, say))
		.requiredOption('--name <name>', m.help_name({}, say))
		.option('--project <code...>', m.help_project_code({}, say))
		.action(async (email: string, options: { role: string; name: string; project?: string[] }) => {
			const ctx = context();
			const { locale } = ctx;
			const role = requireRole(options.role, ctx);
			const password = newPassword();
			const { person } = await asAdminDo(ctx, 'cofund user add', async (handle, admin) =>
				people.addPerson(
					await cliAuth(handle),
					handle.db,
					{ email, name: options.name, role, projects: options.project ?? [] },
					admin,
					{ password }
				)
			);
			ctx.out(m.cli_user_created({ email: person.email, role, password }, { locale }));
		});

	user
		.command('add-first-admin')
		.description(m.help_user_first_admin({}, say))
		.argument('<email>')
		.requiredOption('--name <name>', m.help_name({}, say))
		.action(async (email: string, options: { name: string }) => {
			const ctx = context();
			const { locale } = ctx;
			const password = newPassword();
			const { person } = await withDatabase('cofund user add-first-admin', async (handle) =>
				people.addPerson(
					await cliAuth(handle),
					handle.db,
					{ email, name: options.name, role: 'admin', projects: [] },
					SYSTEM_ACTOR,
					{ password, onlyIfNoAdmin: true }
				)
			).catch((error: unknown) => {
				if (error instanceof PeopleError) throw new CliFailure(peopleErrorMessage(error, locale));
				throw error;
			});
			ctx.out(m.cli_first_admin_created({ email: person.email, password }, { locale }));
			ctx.out(m.cli_first_admin_next({}, { locale }));
		});

	user
		.command('grant')
		.description(m.help_user_grant({}, say))
		.argument('<email>')
		.argument('<code>')
		.action(async (email: string, code: string) => {
			const ctx = context();
			const added = await asAdminDo(ctx, 'cofund user grant', (handle, admin) =>
				people.grantProject(handle.db, email, code, admin)
			);
			const said = { email: email.trim().toLowerCase(), code };
			const { locale } = ctx;
			ctx.out(added ? m.cli_granted(said, { locale }) : m.cli_granted_already(said, { locale }));
		});

	user
		.command('revoke')
		.description(m.help_user_revoke({}, say))
		.argument('<email>')
		.argument('<code>')
		.action(async (email: string, code: string) => {
			const ctx = context();
			await asAdminDo(ctx, 'cofund user revoke', (handle, admin) =>
				people.revokeProject(handle.db, email, code, admin)
			);
			ctx.out(m.cli_revoked({ email: email.trim().toLowerCase(), code }, { locale: ctx.locale }));
		});

	user
		.command('role')
		.description(m.help_user_role({}, say))
		.argument('<email>')
		.argument('<role>')
		.action(async (email: string, wanted: string) => {
			const ctx = context();
			const { locale } = ctx;
			const role = requireRole(wanted, ctx);
			const result = await asAdminDo(ctx, 'cofund user role', (handle, admin) =>
				people.changeRole(handle.db, email, role, admin)
			);
			const who = email.trim().toLowerCase();
			const name = (r: Role) => roleName(r, locale);
			ctx.out(
				result.changed
					? m.cli_role_changed({ email: who, from: name(result.from), to: name(role) }, { locale })
					: m.cli_role_unchanged({ email: who, role: name(role) }, { locale })
			);
		});

	for (const [name, disable] of [
		['disable', true],
		['enable', false]
	] as const) {
		user
			.command(name)
			.description(disable ? m.help_user_disable({}, say) : m.help_user_enable({}, say))
			.argument('<email>')
			.action(async (email: string) => {
				const ctx = context();
				const said = [{ email: email.trim().toLowerCase() }, { locale: ctx.locale }] as const;
				const changed = await asAdminDo(ctx, `cofund user ${name}`, (handle, admin) =>
					disable
						? people.disablePerson(handle.db, email, admin)
						: people.enablePerson(handle.db, email, admin)
				);
				if (disable) ctx.out(changed ? m.cli_disabled(...said) : m.cli_already_disabled(...said));
				else ctx.out(changed ? m.cli_enabled(...said) : m.cli_already_enabled(...said));
			});
	}

	user
		.command('reset-link')
		.description(m.help_user_reset_link({}, say))
		.argument('<email>')
		.action(async (email: string) => {
			const ctx = context();
			const { locale } = ctx;
			const link = await asAdminDo(ctx, 'cofund user reset-link', (handle, admin) =>
				people.issueResetLink(handle.db, email, admin)
			);
			const until = formatOfficeMoment(link.expiresAt, locale);
			ctx.out(m.cli_reset_link({ email: email.trim().toLowerCase(), until }, { locale }));
			ctx.out(`  ${origin()}${resetPath(link.token)}`);
		});

	user
		.command('list')
		.description(m.help_user_list({}, say))
		.action(async () => {
			const ctx = context();
			const everyone = await asAdminDo(ctx, 'cofund user list', (handle) =>
				people.listPeople(handle.db)
			);
			for (const p of everyone) {
				const off = p.disabled ? `  (${m.people_disabled_badge({}, { locale: ctx.locale })})` : '';
				ctx.out(`${p.role.padEnd(12)} ${p.email.padEnd(32)} ${p.name}${off}`);
			}
		});
}
