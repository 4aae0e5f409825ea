/**
 * Slows down password guessing without handing anyone a way to lock a colleague out. Each try is
 * claimed before its password is checked, in one transaction that locks its counters, so that
 * concurrent tries queue and no more than the limit are ever checked. The limits:
 * - one account from one address: 5 tries in 15 minutes, then wait out the window;
 * - one address, any accounts: 30 tries in 15 minutes;
 * - one account from anywhere: after 10 tries in 15 minutes, each further try waits a delay that
 *   doubles up to a minute; an address the account has signed in from before is exempt, so a
 *   stranger's guessing never keeps the owner out.
 * A success gives its try back to the address and the account and clears the pair.
 * Counted in the database, so every instance sees the same numbers. Written here because
 * better-auth's limiter guards only its own HTTP endpoints and keys by forwarded IP, which a
 * direct connection lacks.
 */
import { inArray, sql } from 'drizzle-orm';
import type { Database, Transaction } from '../db';
import { rateLimits } from '../db/schema';

const WINDOW_MS = 15 * 60 * 1000;
/** How long an address stays known for an account after a successful sign-in from it. */
const KNOWN_MS = 90 * 24 * 60 * 60 * 1000;
export const SIGN_IN_LIMITS = { pair: 5, address: 30, accountSoft: 10, maxDelaySeconds: 60 };

export type SignInClaim = { allowed: true } | { allowed: false; waitSeconds: number };

const normal = (email: string) => email.trim().toLowerCase();

function keys(email: string, address: string) {
	const account = normal(email);
	return {
		account: `sign-in:account:${account}`,
		address: `sign-in:address:${address}`,
		pair: `sign-in:pair:${account}|${address}`,
		known: `sign-in:known:${account}|${address}`
	};
}

interface Counter {
	count: number;
	lastRequest: number;
}

/** Locks the counters in a fixed order, so concurrent claims queue instead of deadlocking. */
async function lockCounters(tx: Transaction, names: string[], now: number) {
	const sorted = [...names].sort();
	for (const key of sorted) {
		await tx
			.insert(rateLimits)
			.values({ id: key, key, count: 0, lastRequest: now })
			// No target: id and key are both unique, and a concurrent first try of the same key
			// can meet either index first; with a target, PostgreSQL raises on the other one.
			.onConflictDoNothing();
	}
	const rows = await tx
		.select()
		.from(rateLimits)
		.where(inArray(rateLimits.key, sorted))
		.orderBy(rateLimits.key)
		.for('update');
	const live = new Map<string, Counter>();
	for (const row of rows) {
		const expired = now - row.lastRequest >= WINDOW_MS;
		live.set(row.key, expired ? { count: 0, lastRequest: row.lastRequest } : row);
	}
	return live;
}

const secondsUntil = (at: number, now: number) => Math.max(0, Math.ceil((at - now) / 1000));

function windowWait(counter: Counter | undefined, limit: number, now: number): number {
	if (!counter || counter.count < limit) return 0;
	return secondsUntil(counter.lastRequest + WINDOW_MS, now);
}

/** The account's delay: none below the soft limit, then 1 s, 2 s, 4 s … up to a minute. */
function accountDelay(counter: Counter | undefined, now: number): number {
	if (!counter || counter.count < SIGN_IN_LIMITS.accountSoft) return 0;
	const steps = counter.count - SIGN_IN_LIMITS.accountSoft;
	const delay = Math.min(2 ** steps, SIGN_IN_LIMITS.maxDelaySeconds);
	return secondsUntil(counter.lastRequest + delay * 1000, now);
}

/** Claims one try: counted before the password is checked, or refused with the wait. */
export function claimSignInAttempt(
	db: Database,
	email: string,
	address: string,
	now = Date.now()
): Promise<SignInClaim> {
	const k = keys(email, address);
	return db.transaction(async (tx) => {
		const counters = await lockCounters(tx, [k.account, k.address, k.pair], now);
		const [known] = await tx
			.select()
			.from(rateLimits)
			.where(sql`${rateLimits.key} = ${k.known} and ${rateLimits.lastRequest} > ${now - KNOWN_MS}`);
		const wait = Math.max(
			windowWait(counters.get(k.pair), SIGN_IN_LIMITS.pair, now),
			windowWait(counters.get(k.address), SIGN_IN_LIMITS.address, now),
			known ? 0 : accountDelay(counters.get(k.account), now)
		);
		if (wait > 0) return { allowed: false, waitSeconds: wait };
		for (const key of [k.account, k.address, k.pair].sort()) {
			const count = (counters.get(key)?.count ?? 0) + 1;
			await tx
				.update(rateLimits)
				.set({ count, lastRequest: now })
				.where(sql`${rateLimits.key} = ${key}`);
		}
		return { allowed: true };
	});
}

/** A right password: the try is given back, the pair starts afresh, and the address is known. */
export async function recordSuccessfulSignIn(
	db: Database,
	email: string,
	address: string,
	now = Date.now()
): Promise<void> {
	const k = keys(email, address);
	// Row by row in the claim's key order (account, address, known, pair): no deadlock with it.
	await db.transaction(async (tx) => {
		for (const key of [k.account, k.address]) {
			await tx
				.update(rateLimits)
				.set({ count: sql`greatest(${rateLimits.count} - 1, 0)` })
				.where(sql`${rateLimits.key} = ${key}`);
		}
		await tx
			.insert(rateLimits)
			.values({ id: k.known, key: k.known, count: 1, lastRequest: now })
			.onConflictDoUpdate({ target: rateLimits.key, set: { lastRequest: now } });
		await tx.delete(rateLimits).where(sql`${rateLimits.key} = ${k.pair}`);
	});
}
