/**
 * The web app's database and sign-in, made once at start-up by the init hook (which applies every
 * migration and makes sure an admin exists), and closed when adapter-node shuts down, so that the
 * embedded database's lock is released.
 */
import { getRequestEvent } from '$app/server';
import { sveltekitCookies } from 'better-auth/svelte-kit';
import { authSecret } from './auth/auth-secret';
import { createAuth, type Auth } from './auth/create-auth';
import { ensureFirstAdmin } from './auth/first-admin';
import { readBackupConfig, readDatabaseConfig } from './config';
import { scheduleNightlyBackups } from './backup/nightly-backups';
import { openDatabase, type DatabaseHandle } from './db';
import { scheduleStaleUploadRemoval } from './import/stale-uploads';

export interface AppContext {
	handle: DatabaseHandle;
	auth: Auth;
}

export function publicOrigin(): string {
	return process.env.ORIGIN || `http://localhost:${process.env.PORT || 5173}`;
}

async function start(): Promise<AppContext> {
	// Read before the database is opened: a bad COFUND_BACKUP_KEEP stops the start, not the night.
	const backups = readBackupConfig();
	const handle = await openDatabase(readDatabaseConfig(), 'cofund web app');
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
