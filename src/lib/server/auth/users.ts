/** Users: looked up, created with a first password, and given a project; every change audited. */
import type { Role } from '$lib/domain/access';
import { and, eq } from 'drizzle-orm';
import type { Database } from '../db';
import { recordAudit, type Actor } from '../audit/record-audit';
import { addPerson, grantProject as grantMembership } from '../people/people';
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

/** A user with a first password; see people.ts for the checks and the one transaction. */
export async function createUser(auth: Auth, db: Database, input: NewUser, actor: Actor) {
	const { person } = await addPerson(
		auth,
		db,
		{ email: input.email, name: input.name, role: input.role, projects: [] },
		actor,
		{ password: input.password }
	);
	return person;
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

/** Lets a user see a project, and records who allowed it (when they were not a member yet). */
export async function grantProject(db: Database, code: string, user: AppUser, actor: Actor) {
	await grantMembership(db, user.email, code, actor);
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
