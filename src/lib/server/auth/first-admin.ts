/**
 * Makes sure an instance can be entered: with no admin yet, create one from COFUND_ADMIN_EMAIL
 * and COFUND_ADMIN_PASSWORD, or issue a one-time set-up link (valid 24 hours) to print.
 */
import { createHash, randomBytes } from 'node:crypto';
import { and, eq, gt } from 'drizzle-orm';
import type { Database } from '../db';
import { SYSTEM_ACTOR } from '../audit/record-audit';
import { users, verifications } from '../db/schema';
import type { Auth } from './create-auth';
import { createUser } from './users';

const SETUP = 'cofund-setup';
const tokenHash = (token: string) => createHash('sha256').update(token).digest('hex');

export type FirstAdmin =
	{ state: 'exists' } | { state: 'created'; email: string } | { state: 'setup'; token: string };

/** Whether the instance has an administrator: then the set-up page only sends people to sign in. */
export async function adminExists(db: Database): Promise<boolean> {
	const [admin] = await db
		.select({ id: users.id })
		.from(users)
		.where(eq(users.role, 'admin'))
		.limit(1);
	return admin !== undefined;
}

export async function ensureFirstAdmin(
	auth: Auth,
	db: Database,
	env = process.env
): Promise<FirstAdmin> {
	if (await adminExists(db)) return { state: 'exists' };
	const email = env.COFUND_ADMIN_EMAIL?.trim();
	const password = env.COFUND_ADMIN_PASSWORD;
	if (email && password) {
		await createUser(
			auth,
			db,
			{ email, password, name: 'Administrator', role: 'admin' },
			SYSTEM_ACTOR
		);
		return { state: 'created', email };
	}
	const token = randomBytes(24).toString('base64url');
	await db.delete(verifications).where(eq(verifications.identifier, SETUP));
	await db.insert(verifications).values({
		id: randomBytes(12).toString('hex'),
		identifier: SETUP,
		value: tokenHash(token),
		expiresAt: new Date(Date.now() + 24 * 60 * 60 * 1000)
	});
	return { state: 'setup', token };
}

/** Uses up a set-up token: true once, for a valid unexpired token, while there is no admin. */
export async function consumeSetupToken(db: Database, token: string): Promise<boolean> {
	const deleted = await db
		.delete(verifications)
		.where(
			and(
				eq(verifications.identifier, SETUP),
				eq(verifications.value, tokenHash(token)),
				gt(verifications.expiresAt, new Date())
			)
		)
		.returning({ id: verifications.id });
	return deleted.length === 1;
}
