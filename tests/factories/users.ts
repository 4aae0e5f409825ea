/** Test data: users of a role, members of the projects named, without better-auth's hashing. */
import { randomUUID } from 'node:crypto';
import type { Role } from '../../src/lib/domain/access';
import { addMember, type AppUser } from '../../src/lib/server/auth/users';
import type { Database } from '../../src/lib/server/db';
import { users } from '../../src/lib/server/db/schema';

export async function makeUser(
	db: Database,
	role: Role,
	email: string,
	projects: string[] = []
): Promise<AppUser> {
	const user: AppUser = { id: randomUUID(), email, name: email.split('@')[0]!, role };
	await db.insert(users).values({ ...user, emailVerified: true });
	for (const code of projects) await addMember(db, code, user.id);
	return user;
}
