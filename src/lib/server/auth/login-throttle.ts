/**
 * Slows down password guessing: after 5 failed sign-ins for one account, or 20 from one address,
 * within 15 minutes, further tries are refused until the window has passed. Counted in the
 * database, so every instance sees the same numbers. Written here because better-auth's limiter
 * guards only its own HTTP endpoints and keys by forwarded IP, which a direct connection lacks.
 */
import { eq, sql } from 'drizzle-orm';
import type { Database } from '../db';
import { rateLimits } from '../db/schema';

const WINDOW_MS = 15 * 60 * 1000;
const LIMITS = { account: 5, address: 20 };

const keys = (email: string, address: string) => ({
	account: `sign-in:account:${email.trim().toLowerCase()}`,
	address: `sign-in:address:${address}`
});

/** Minutes until another try is allowed, or 0 when the user may try now. */
export async function signInWait(db: Database, email: string, address: string, now = Date.now()) {
	let wait = 0;
	for (const [kind, key] of Object.entries(keys(email, address)) as [
		'account' | 'address',
		string
	][]) {
		const [row] = await db.select().from(rateLimits).where(eq(rateLimits.key, key));
		if (row && row.count >= LIMITS[kind] && now - row.lastRequest < WINDOW_MS) {
			wait = Math.max(wait, Math.ceil((row.lastRequest + WINDOW_MS - now) / 60_000));
		}
	}
	return wait;
}

export async function recordFailedSignIn(
	db: Database,
	email: string,
	address: string,
	now = Date.now()
) {
	for (const key of Object.values(keys(email, address))) {
		await db
			.insert(rateLimits)
			.values({ id: key, key, count: 1, lastRequest: now })
			.onConflictDoUpdate({
				target: rateLimits.key,
				set: {
					count: sql`case when ${rateLimits.lastRequest} < ${now - WINDOW_MS} then 1 else ${rateLimits.count} + 1 end`,
					lastRequest: now
				}
			});
	}
}

export async function clearFailedSignIns(db: Database, email: string): Promise<void> {
	await db.delete(rateLimits).where(eq(rateLimits.key, keys(email, '').account));
}
