/**
 * `cofund demo`: the SOLID project, the reference case of the council annex, with one user per
 * role, all members of SOLID, and SOLID's sample ledger and travel orders imported. The users'
 * passwords are new on every run (or COFUND_DEMO_PASSWORD). With --serve (as `npm start` runs it)
 * it then starts the app and ends with the address and the accounts to sign in with.
 */
import type { Role } from '$lib/domain/access';
import type { ImportKind } from '$lib/domain/import/fields';
import { sameDecision } from '$lib/domain/plan/plan-versions';
import { m } from '$lib/paraglide/messages.js';
import { SYSTEM_ACTOR } from '$lib/server/audit/record-audit';
import {
	addMember,
	createUser,
	findUserByEmail,
	setPassword,
	type AppUser
} from '$lib/server/auth/users';
import type { Database, DatabaseHandle } from '$lib/server/db';
import { fileSource } from '$lib/server/import/byte-source';
import { ImportFileError } from '$lib/server/import/import-errors';
import { loadImportProject } from '$lib/server/import/import-project';
import { runImport } from '$lib/server/import/run-import';
import { fromPackageRoot } from '$lib/server/package-root';
import { readDefinitionFile } from '$lib/server/projects/definition-file';
import { loadProject } from '$lib/server/projects/load-definition';
import type { Command } from 'commander';
import { randomBytes } from 'node:crypto';
import { cliAuth, withDatabase, type CliContext } from '../context';
import { applyFile } from './project';
import { readyBlock } from './ready-block';
import { startApp } from './server';

export const DEMO_USERS: { role: Role; email: string; name: string }[] = [
	{ role: 'admin', email: 'admin@cofund.example', name: 'Ilze Ozoliņa' },
	{ role: 'coordinator', email: 'coordinator@cofund.example', name: 'Jānis Bērziņš' },
	{ role: 'council', email: 'council@cofund.example', name: 'Dace Kalniņa' },
	{ role: 'auditor', email: 'auditor@cofund.example', name: 'Pēteris Liepa' }
];

export interface DemoAccount {
	role: Role;
	email: string;
	password: string;
}

/**
 * SOLID's plan from its file, unless the demo's SOLID has been amended since: the file is the
 * plan of decision 57, and a later decision's plan stays in force (the file would otherwise be
 * refused as a decision dated before the one in force, and `npm start` would not start).
 */
async function applyDemoPlan(db: Database, file: string, ctx: CliContext) {
	const stored = await loadProject(db, 'SOLID');
	const read = await readDefinitionFile(file);
	if (stored && read.ok && !sameDecision(stored.definition.decision, read.definition.decision))
		return 'unchanged';
	return (await applyFile(db, file, ctx, SYSTEM_ACTOR)).status;
}

/** Loads the demo into the database and gives each demo user a password, which it returns. */
async function loadDemo(ctx: CliContext): Promise<DemoAccount[]> {
	return withDatabase('cofund demo', async (handle) => {
		const { db } = handle;
		const file = fromPackageRoot('static/samples/solid/project.json');
		const status = await applyDemoPlan(db, file, ctx);
		const auth = await cliAuth(handle);
		const accounts: DemoAccount[] = [];
		ctx.out(m.cli_demo_users({}, { locale: ctx.locale }));
		for (const demo of DEMO_USERS) {
			const password = process.env.COFUND_DEMO_PASSWORD || randomBytes(9).toString('base64url');
			const existing = await findUserByEmail(db, demo.email);
			const user = existing
				? (await setPassword(auth, db, existing, password, SYSTEM_ACTOR), existing)
				: await createUser(auth, db, { ...demo, password }, SYSTEM_ACTOR);
			await addMember(db, 'SOLID', user.id);
			accounts.push({ role: demo.role, email: demo.email, password });
			ctx.out(`  ${demo.role.padEnd(12)} ${demo.email.padEnd(28)} ${password}`);
		}
		// The samples come in as the coordinator would bring them; a second run adds nothing.
		const coordinator = (await findUserByEmail(db, 'coordinator@cofund.example'))!;
		for (const [kind, name] of [
			['expenses', 'ledger.csv'],
			['participation', 'travel.csv']
		] as const) {
			const sample = fromPackageRoot(`static/samples/solid/${name}`);
			await importSample(handle, 'SOLID', kind, sample, coordinator, ctx);
		}
		ctx.out(m.cli_demo_ready({ status }, { locale: ctx.locale }));
		return accounts;
	});
}

export function registerDemoCommand(program: Command, context: () => CliContext): void {
	program
		.command('demo')
		.description(m.help_demo({}, { locale: context().locale }))
		.option('--serve', m.shell_help_demo_serve({}, { locale: context().locale }))
		.action(async (options: { serve?: boolean }) => {
			const ctx = context();
			const accounts = await loadDemo(ctx);
			if (!options.serve) return;
			const { url } = await startApp(ctx.locale);
			ctx.out(readyBlock(url!, accounts, ctx.locale));
		});
}

/** One sample file imported as `cofund import` would, as the named actor, with a one-line answer. */
async function importSample(
	handle: DatabaseHandle,
	code: string,
	kind: ImportKind,
	file: string,
	actor: AppUser | { id: null; email: string },
	ctx: CliContext
): Promise<void> {
	const project = (await loadImportProject(handle.db, code))!;
	try {
		const result = await runImport(handle.db, {
			project,
			kind,
			input: { source: await fileSource(file) },
			profile: {},
			actor,
			mode: 'commit'
		});
		ctx.out(
			m.cli_demo_imported(
				{
					file: result.fileName,
					accepted: result.report.accepted.count,
					setAside: result.report.setAside.count
				},
				{ locale: ctx.locale }
			)
		);
	} catch (error) {
		if (
			error instanceof ImportFileError &&
			error.failure.code === 'nothing-to-commit' &&
			error.result
		) {
			const { report } = error.result;
			ctx.out(
				m.cli_demo_imported(
					{ file: error.result.fileName, accepted: 0, setAside: report.setAside.count },
					{ locale: ctx.locale }
				)
			);
			return;
		}
		throw error;
	}
}
