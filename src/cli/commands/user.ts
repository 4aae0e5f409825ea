/** `cofund user add|grant|list`: an admin's tools for people and their access to projects. */
import { isRole } from '$lib/domain/access';
import { m } from '$lib/paraglide/messages.js';
import { createUser, findUserByEmail, grantProject, listUsers } from '$lib/server/auth/users';
import { loadProject } from '$lib/server/projects/load-definition';
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
import type { DatabaseHandle } from '$lib/server/db';

async function asAdmin(handle: DatabaseHandle, ctx: CliContext) {
	const admin = await actingUser(handle, ctx);
	requirePermission(admin, 'user:manage', ctx);
	return admin;
}

async function requireProject(handle: DatabaseHandle, code: string, ctx: CliContext) {
	if (!(await loadProject(handle.db, code)))
		throw new CliFailure(m.cli_no_project({ code }, { locale: ctx.locale }));
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
			const role = options.role;
			if (!isRole(role)) throw new CliFailure(m.cli_bad_role({ role }, { locale }));
			await withDatabase('cofund user add', async (handle) => {
				const admin = await asAdmin(handle, ctx);
				if (await findUserByEmail(handle.db, email))
					throw new CliFailure(m.cli_user_exists({ email }, { locale }));
				for (const code of options.project ?? []) await requireProject(handle, code, ctx);
				const password = randomBytes(12).toString('base64url');
				const auth = await cliAuth(handle);
				const created = await createUser(
					auth,
					handle.db,
					{ email, name: options.name, role, password },
					admin
				);
				for (const code of options.project ?? [])
					await grantProject(handle.db, code, created, admin);
				ctx.out(m.cli_user_created({ email: created.email, role, password }, { locale }));
			});
		});

	user
		.command('grant')
		.description(m.help_user_grant({}, say))
		.argument('<email>')
		.argument('<code>')
		.action(async (email: string, code: string) => {
			const ctx = context();
			const { locale } = ctx;
			await withDatabase('cofund user grant', async (handle) => {
				const admin = await asAdmin(handle, ctx);
				const target = await findUserByEmail(handle.db, email);
				if (!target) throw new CliFailure(m.cli_unknown_user({ email }, { locale }));
				await requireProject(handle, code, ctx);
				await grantProject(handle.db, code, target, admin);
				ctx.out(m.cli_granted({ email: target.email, code }, { locale }));
			});
		});

	user
		.command('list')
		.description(m.help_user_list({}, say))
		.action(async () => {
			const ctx = context();
			const people = await withDatabase('cofund user list', async (handle) => {
				await asAdmin(handle, ctx);
				return listUsers(handle.db);
			});
			for (const p of people) ctx.out(`${p.role.padEnd(12)} ${p.email.padEnd(32)} ${p.name}`);
		});
}
