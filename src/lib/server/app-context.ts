/**
 * The web app's database and sign-in, made once at start-up by the init hook (which applies every
 * migration and makes sure an admin exists), and closed when adapter-node shuts down, so that the
 * embedded database's lock is released and its socket for the CLI removed.
 */
import { getRequestEvent } from '$app/server';
import { sveltekitCookies } from 'better-auth/svelte-kit';
import { authSecret } from './auth/auth-secret';
import { createAuth, type Auth } from './auth/create-auth';
import { ensureFirstAdmin } from './auth/first-admin';
import { localeFromTag } from '$lib/domain/locale';
import { describeLockRefusal } from '$lib/i18n/lock-messages';
import { readBackupConfig, readDatabaseConfig } from './config';
import { scheduleNightlyBackups } from './backup/nightly-backups';
import { openDatabase, type DatabaseHandle } from './db';
import { DataDirLockedError } from './db/data-dir-lock';
import { scheduleStaleUploadRemoval } from './import/stale-uploads';

export interface AppContext {
	handle: DatabaseHandle;
	auth: Auth;
}

export function publicOrigin(): string {
	return process.env.ORIGIN || `http://localhost:${process.env.PORT || 5173}`;
}

/**
 * Opens the database, serving the embedded folder to the CLI. A folder another process holds is
 * the one failure a person starting a second server must read, so it is said in a line (in the
 * language of the shell, as the CLI does) and the process ends, rather than as a stack trace from
 * the init hook, whether it was started by `cofund serve` or `node build`.
 */
async function openServing(): Promise<DatabaseHandle> {
	try {
		return await openDatabase(readDatabaseConfig(), 'cofund web app', { serve: true });
	} catch (error) {
		if (!(error instanceof DataDirLockedError)) throw error;
		const env = process.env;
		const locale = localeFromTag(env.COFUND_LANG || env.LC_ALL || env.LANG, 'en');
		console.error(describeLockRefusal(error, locale));
		process.exit(1);
	}
}

async function start(): Promise<AppContext> {
	// Read before the database is opened: a bad COFUND_BACKUP_KEEP stops the start, not the night.
	const backups = readBackupConfig();
	const handle = await openServing();
	process.once('sveltekit:shutdown', () => void handle.close());
	const auth = createAuth(handle.db, {
		secret: await authSecret(handle.db),
		baseURL: publicOrigin(),
		plugins: [sveltekitCookies(getRequestEvent)]
	});
	const admin = await ensureFirstAdmin(auth, handle.db);
	const stopCleanUp = scheduleStaleUploadRemoval(handle.db);
	process.once('sveltekit:shutdown', stopCleanUp);
	const stopBackups = scheduleNightlyBackups(handle.db, backups);
	process.once('sveltekit:shutdown', stopBackups);
	console.log(`cofund: database ready (${handle.engine}, ${handle.location})`);
	if (admin.state === 'created') console.log(`cofund: created the admin ${admin.email}`);
	if (admin.state === 'setup') {
		console.log(`cofund: no admin yet. Set one up, once, within 24 hours, at:`);
		console.log(`  ${publicOrigin()}/setup?token=${admin.token}`);
	}
	return { handle, auth };
}

// Kept on globalThis so that a dev-server reload does not open the data folder a second time.
const holder = globalThis as typeof globalThis & { __cofund?: Promise<AppContext> };

export function appContext(): Promise<AppContext> {
	holder.__cofund ??= start();
	holder.__cofund.catch(() => {
		holder.__cofund = undefined;
	});
	return holder.__cofund;
}
