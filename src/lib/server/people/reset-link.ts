/**
 * One-time links to set a new password, issued by an admin to hand over (no mail is sent): valid
 * 24 hours, used once, and only the newest per person works. The database keeps the token's
 * SHA-256, never the token, so a copy of the database opens no account.
 */
import { and, eq, gt, like } from 'drizzle-orm';
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { recordAudit, type Actor } from '../audit/record-audit';
import type { Database, Transaction } from '../db';
import { accounts, sessions, users, verifications } from '../db/schema';
import type { Auth } from '../auth/create-auth';
import type { AppUser } from '../auth/users';
import type { Role } from '$lib/domain/access';
import { PeopleError } from './people-error';

export const RESET_HOURS = 24;
export const MIN_PASSWORD = 10;
const MAX_PASSWORD = 256;
const PREFIX = 'cofund-reset:';
const identifierOf = (token: string) => PREFIX + createHash('sha256').update(token).digest('hex');

export interface ResetLink {
	token: string;
	expiresAt: Date;
}

/** The path the link opens; the caller puts its own origin in front. */
export const resetPath = (token: string) => `/reset?token=${encodeURIComponent(token)}`;

/** Issues the link inside the caller's transaction, so it comes with the change that needs it. */
export async function issueResetToken(
	tx: Transaction,
	person: AppUser,
	actor: Actor
): Promise<ResetLink> {
	const token = randomBytes(24).toString('base64url');
	const expiresAt = new Date(Date.now() + RESET_HOURS * 60 * 60 * 1000);
	await tx
		.delete(verifications)
		.where(and(like(verifications.identifier, `${PREFIX}%`), eq(verifications.value, person.id)));
	await tx
		.insert(verifications)
		.values({ id: randomUUID(), identifier: identifierOf(token), value: person.id, expiresAt });
	await recordAudit(tx, actor, {
		action: 'user.reset-link',
		objectType: 'user',
		objectId: person.email,
		after: { email: person.email, name: person.name, expiresAt: expiresAt.toISOString() }
	});
	return { token, expiresAt };
}

/** Whose password the link sets, while it is still good; null for a used, old or unknown one. */
export async function findResetLink(
	db: Database,
	token: string
): Promise<{ email: string; name: string } | null> {
	const [row] = await db
		.select({ email: users.email, name: users.name })
		.from(verifications)
		.innerJoin(users, eq(users.id, verifications.value))
		.where(
			and(
				eq(verifications.identifier, identifierOf(token)),
				gt(verifications.expiresAt, new Date())
			)
		);
	return row ?? null;
}

/** Sets the new password and uses the link up; the person's sessions all end. */
export async function useResetLink(
	auth: Auth,
	db: Database,
	token: string,
	password: string
): Promise<AppUser> {
	if (password.length < MIN_PASSWORD || password.length > MAX_PASSWORD)
		throw new PeopleError('password-short');
	const hash = await (await auth.$context).password.hash(password);
	return db.transaction(async (tx) => {
		const [used] = await tx
			.delete(verifications)
			.where(
				and(
					eq(verifications.identifier, identifierOf(token)),
					gt(verifications.expiresAt, new Date())
				)
			)
			.returning({ userId: verifications.value });
		if (!used) throw new PeopleError('bad-link');
		const [row] = await tx.select().from(users).where(eq(users.id, used.userId));
		if (!row) throw new PeopleError('bad-link');
		const person: AppUser = {
			id: row.id,
			email: row.email,
			name: row.name,
			role: row.role as Role
		};
		const updated = await tx
			.update(accounts)
			.set({ password: hash, updatedAt: new Date() })
			.where(and(eq(accounts.userId, person.id), eq(accounts.providerId, 'credential')))
			.returning({ id: accounts.id });
		if (updated.length === 0) {
			await tx.insert(accounts).values({
				id: randomUUID(),
				accountId: person.id,
				providerId: 'credential',
				userId: person.id,
				password: hash
			});
		}
		await tx.delete(sessions).where(eq(sessions.userId, person.id));
		await recordAudit(tx, person, {
			action: 'user.password-reset',
			objectType: 'user',
			objectId: person.email,
			after: { email: person.email, name: person.name }
		});
		return person;
	});
}
