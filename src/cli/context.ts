/** What every CLI command shares: the output language, the database, and errors said plainly. */
import { isLocale, localeFromTag, type Locale } from '$lib/domain/locale';
import { m } from '$lib/paraglide/messages.js';
import { ConfigError, readDatabaseConfig } from '$lib/server/config';
import { openDatabase, type DatabaseHandle } from '$lib/server/db';
import { DataDirLockedError } from '$lib/server/db/data-dir-lock';
import type { Permission } from '$lib/domain/access';
import { describeLockRefusal } from '$lib/i18n/lock-messages';
import { decide } from '$lib/server/access/authorize';
import { decideFor } from '$lib/server/access/project-access';
import { authSecret } from '$lib/server/auth/auth-secret';
import { createAuth, type Auth } from '$lib/server/auth/create-auth';
import { findUserByEmail, type AppUser } from '$lib/server/auth/users';
import { hasAdmin, isDisabled } from '$lib/server/people/people';

export interface CliContext {
	locale: Locale;
	/** The email of the user the command acts as: --as, or COFUND_USER. */
	actAs: string | undefined;
	out: (line: string) => void;
	err: (line: string) => void;
}

/** A failure already explained to the user; the CLI exits with its code and no stack trace. */
export class CliFailure extends Error {
	constructor(
		message: string,
		readonly exitCode = 1
	) {
		super(message);
		this.name = 'CliFailure';
	}
}

export function cliLocale(flag: string | undefined, env: NodeJS.ProcessEnv = process.env): Locale {
	if (isLocale(flag)) return flag;
	return localeFromTag(env.COFUND_LANG || env.LC_ALL || env.LANG, 'en');
}

/**
 * Matches by name as well as by class: `cofund serve` loads the built app, whose bundle has its
 * own copies of these classes, so `instanceof` alone would miss the errors it throws.
 */
function isError<T extends Error>(error: unknown, type: new (...args: never[]) => T): error is T {
	return error instanceof type || (error instanceof Error && error.name === type.name);
}

/** Turns the errors a person can act on into their words; anything else stays a real error. */
export function explain(error: unknown, locale: Locale): string | null {
	if (error instanceof CliFailure) return error.message;
	if (isError(error, DataDirLockedError)) return describeLockRefusal(error, locale);
	if (isError(error, ConfigError)) {
		return m.cli_config_error({ variable: error.variable, value: error.value }, { locale });
	}
	return null;
}

export async function withDatabase<T>(
	purpose: string,
	work: (handle: DatabaseHandle) => Promise<T>
): Promise<T> {
	const handle = await openDatabase(readDatabaseConfig(), purpose);
	try {
		return await work(handle);
	} finally {
		await handle.close();
	}
}

/** The named user a command acts as; every change the CLI makes is recorded under this name. */
export async function actingUser(handle: DatabaseHandle, ctx: CliContext): Promise<AppUser> {
	const { locale } = ctx;
	// A fresh database has nobody to act as: say how to make the first admin.
	const noAdmin = async () => !(await hasAdmin(handle.db));
	if (!ctx.actAs) {
		throw new CliFailure(
			(await noAdmin()) ? m.cli_no_admin_yet({}, { locale }) : m.cli_needs_user({}, { locale })
		);
	}
	const user = await findUserByEmail(handle.db, ctx.actAs);
	if (!user) {
		const email = ctx.actAs;
		throw new CliFailure(
			(await noAdmin())
				? m.cli_no_admin_yet({}, { locale })
				: m.cli_unknown_user({ email }, { locale })
		);
	}
	if (await isDisabled(handle.db, user.id))
		throw new CliFailure(m.cli_acting_disabled({ email: user.email }, { locale }));
	return user;
}

export function forbidden(user: AppUser, what: string, ctx: CliContext): CliFailure {
	const { locale } = ctx;
	return new CliFailure(m.cli_forbidden({ email: user.email, role: user.role, what }, { locale }));
}

/** A permission that needs no project, decided as the web hook decides a route's rule. */
export function requirePermission(user: AppUser, permission: Permission, ctx: CliContext): void {
	if (decide({ permission }, user) !== 'allow') throw forbidden(user, permission, ctx);
}

/**
 * A permission on one project, decided as the web hook decides a project route's rule: the role's
 * permission, and membership of the project unless the user is an admin.
 */
export async function requireOnProject(
	handle: DatabaseHandle,
	user: AppUser,
	permission: Permission,
	code: string,
	ctx: CliContext
): Promise<void> {
	const decision = await decideFor(handle.db, user, { permission, project: 'code' }, code);
	if (decision !== 'allow') throw forbidden(user, `${permission} ${code}`, ctx);
}

export async function cliAuth(handle: DatabaseHandle): Promise<Auth> {
	return createAuth(handle.db, {
		secret: await authSecret(handle.db),
		baseURL: process.env.ORIGIN || 'http://localhost:3000'
	});
}
