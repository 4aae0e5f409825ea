/** The authors behind stored emails: each email with the name of the user who has it, in one query. */
import { inArray } from 'drizzle-orm';
import type { Author } from '$lib/domain/author';
import type { Queryable } from '../db';
import { users } from '../db/schema';

/** A lookup from a stored email to its author; an email no user has gets no name. */
export async function authorsOf(
	db: Queryable,
	emails: readonly string[]
): Promise<(email: string) => Author> {
	const wanted = [...new Set(emails.filter(Boolean))];
	const rows = wanted.length
		? await db
				.select({ email: users.email, name: users.name })
				.from(users)
				.where(inArray(users.email, wanted))
		: [];
	const names = new Map(rows.map((row) => [row.email, row.name]));
	return (email) => ({ email, name: names.get(email) ?? null });
}
