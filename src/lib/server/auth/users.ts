/** Users: created through better-auth's own hashing, with a role, and every creation audited. */
import type { Role } from '$lib/domain/access';
import { and, eq } from 'drizzle-orm';
import type { Database } from '../db';
import { recordAudit, type Actor } from '../audit/record-audit';
import { projectMembers, projects, users } from '../db/schema';
import type { Auth } from './create-auth';

export interface NewUser {
	email: string;
	name: string;
	role: Role;
	password: string;
}

export interface AppUser {
	id: string;
	email: string;
	name: string;
	role: Role;
}

export async function findUserByEmail(db: Database, email: string): Promise<AppUser | null> {
	const [row] = await db.select().from(users).where(eq(users.email, email.trim().toLowerCase()));
	return row ? { id: row.id, email: row.email, name: row.name, role: row.role as Role } : null;
}

export async function createUser(auth: Auth, db: Database, input: NewUser, actor: Actor) {
	const ctx = await auth.$context;
	const email = input.email.trim().toLowerCase();
	const hash = await ctx.password.hash(input.password);
	const user = await ctx.internalAdapter.createUser(
		{ email, name: input.name, role: input.role, emailVerified: true },
		{ method: 'admin' }
	);
	await ctx.internalAdapter.linkAccount({
		userId: user.id,
		providerId: 'credential',
		accountId: user.id,
		password: hash
	});
	await db.transaction((tx) =>
		recordAudit(tx, actor, {
			action: 'user.create',
			objectType: 'user',
			objectId: email,
			after: { email, name: input.name, role: input.role }
		})
	);
	return { id: user.id, email, name: input.name, role: input.role } satisfies AppUser;
}

/** Sets a new password and ends the user's other sessions. */
export async function setPassword(
	auth: Auth,
	db: Database,
	user: AppUser,
	password: string,
	actor: Actor
) {
	const ctx = await auth.$context;
	await ctx.internalAdapter.updatePassword(user.id, await ctx.password.hash(password));
	await ctx.internalAdapter.deleteUserSessions(user.id);
	await db.transaction((tx) =>
		recordAudit(tx, actor, { action: 'user.password', objectType: 'user', objectId: user.email })
	);
}

export async function addMember(db: Database, code: string, userId: string): Promise<void> {
	const [project] = await db
		.select({ id: projects.id })
		.from(projects)
		.where(eq(projects.code, code));
	if (!project) throw new Error(`No project ${code}`);
	await db.insert(projectMembers).values({ projectId: project.id, userId }).onConflictDoNothing();
}

/** Lets a user see a project, and records who allowed it. */
export async function grantProject(db: Database, code: string, user: AppUser, actor: Actor) {
	await addMember(db, code, user.id);
	await db.transaction((tx) =>
		recordAudit(tx, actor, {
			action: 'project.member-add',
			objectType: 'project',
			objectId: code,
			after: { email: user.email, role: user.role }
		})
	);
}

export async function listUsers(db: Database): Promise<AppUser[]> {
	const rows = await db.select().from(users).orderBy(users.email);
	return rows.map((r) => ({ id: r.id, email: r.email, name: r.name, role: r.role as Role }));
}

export async function isMember(db: Database, code: string, userId: string): Promise<boolean> {
	const rows = await db
		.select({ one: projectMembers.userId })
		.from(projectMembers)
		.innerJoin(projects, eq(projects.id, projectMembers.projectId))
		.where(and(eq(projects.code, code), eq(projectMembers.userId, userId)));
	return rows.length > 0;
}
