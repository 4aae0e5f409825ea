/**
 * People and their access, for the people page and `cofund user` alike: add a person, change a
 * role, grant and revoke a project, disable and enable an account. Each change is one
 * transaction that writes its audit events, so nothing is ever half done.
 */
import type { Role } from '$lib/domain/access';
import type { Person, PersonInput } from '$lib/domain/people';
import { normalEmail } from '$lib/domain/people';
import { and, asc, eq, inArray, ne, sql } from 'drizzle-orm';
import { randomBytes, randomUUID } from 'node:crypto';
import { recordAudit, type Actor } from '../audit/record-audit';
import type { Database, Transaction } from '../db';
import { accounts, projectMembers, projects, sessions, users } from '../db/schema';
import type { Auth } from '../auth/create-auth';
import type { AppUser } from '../auth/users';
import { markSessionsEnded } from './ended-sessions';
import { PeopleError, isUniqueViolation } from './people-error';
import { issueResetToken, type ResetLink } from './reset-link';

export async function listPeople(db: Database): Promise<Person[]> {
	const rows = await db.select().from(users).orderBy(asc(users.name), asc(users.email));
	const memberships = await db
		.select({ userId: projectMembers.userId, code: projects.code })
		.from(projectMembers)
		.innerJoin(projects, eq(projects.id, projectMembers.projectId))
		.orderBy(asc(projects.code));
	return rows.map((r) => ({
		id: r.id,
		email: r.email,
		name: r.name,
		role: r.role as Role,
		disabled: r.disabled,
		projects: memberships.filter((m) => m.userId === r.id).map((m) => m.code)
	}));
}

/** The person with this email, their row locked until the transaction ends. */
async function lockPerson(tx: Transaction, email: string): Promise<Person> {
	const [row] = await tx
		.select()
		.from(users)
		.where(eq(users.email, normalEmail(email)))
		.for('update');
	if (!row) throw new PeopleError('no-user', normalEmail(email));
	return {
		id: row.id,
		email: row.email,
		name: row.name,
		role: row.role as Role,
		disabled: row.disabled,
		projects: []
	};
}

/** Whether an admin other than this one can still sign in; locks the admins' rows to decide. */
async function anotherActiveAdmin(tx: Transaction, userId: string): Promise<boolean> {
	const others = await tx
		.select({ id: users.id })
		.from(users)
		.where(and(eq(users.role, 'admin'), eq(users.disabled, false), ne(users.id, userId)))
		.orderBy(users.id)
		.for('update');
	return others.length > 0;
}

async function projectIds(tx: Transaction, codes: string[]): Promise<Map<string, number>> {
	if (codes.length === 0) return new Map();
	const rows = await tx
		.select({ id: projects.id, code: projects.code })
		.from(projects)
		.where(inArray(projects.code, codes));
	const found = new Map(rows.map((r) => [r.code, r.id]));
	const missing = codes.find((code) => !found.has(code));
	if (missing) throw new PeopleError('no-project', missing);
	return found;
}

const memberPayload = (person: AppUser, code: string) => ({
	email: person.email,
	name: person.name,
	role: person.role,
	code
});

export interface AddPersonOptions {
	/** The first password; without one the account gets an unusable one and a reset link. */
	password?: string;
	/** Only while no admin exists, checked under a lock: how the first admin is made. */
	onlyIfNoAdmin?: boolean;
}

export interface AddedPerson {
	person: AppUser;
	/** The link to set a first password, when no password was given. */
	link: ResetLink | null;
}

export async function addPerson(
	auth: Auth,
	db: Database,
	input: PersonInput,
	actor: Actor,
	options: AddPersonOptions = {}
): Promise<AddedPerson> {
	const ctx = await auth.$context;
	// Hashed before the transaction: scrypt takes a while, and no lock need wait for it.
	const hash = await ctx.password.hash(options.password ?? randomBytes(32).toString('base64url'));
	const email = normalEmail(input.email);
	try {
		return await db.transaction(async (tx) => {
			if (options.onlyIfNoAdmin) {
				await tx.execute(sql`select pg_advisory_xact_lock(hashtext('cofund first admin'))`);
				const [admin] = await tx.select().from(users).where(eq(users.role, 'admin')).limit(1);
				if (admin) throw new PeopleError('admin-exists', admin.email);
			}
			const [taken] = await tx.select().from(users).where(eq(users.email, email));
			if (taken) throw new PeopleError('email-taken', email);
			const ids = await projectIds(tx, input.projects);
			const person: AppUser = { id: randomUUID(), email, name: input.name, role: input.role };
			await tx.insert(users).values({ ...person, emailVerified: true });
			await tx.insert(accounts).values({
				id: randomUUID(),
				accountId: person.id,
				providerId: 'credential',
				userId: person.id,
				password: hash
			});
			await recordAudit(tx, actor, {
				action: 'user.create',
				objectType: 'user',
				objectId: email,
				after: { email, name: person.name, role: person.role }
			});
			for (const code of input.projects) {
				await tx.insert(projectMembers).values({ projectId: ids.get(code)!, userId: person.id });
				await recordAudit(tx, actor, {
					action: 'project.member-add',
					objectType: 'project',
					objectId: code,
					after: memberPayload(person, code)
				});
			}
			const link = options.password ? null : await issueResetToken(tx, person, actor);
			return { person, link };
		});
	} catch (error) {
		// Two admins adding the same address at once: the second meets the unique index.
		if (isUniqueViolation(error)) throw new PeopleError('email-taken', email);
		throw error;
	}
}

export async function changeRole(
	db: Database,
	email: string,
	role: Role,
	actor: Actor
): Promise<{ from: Role; to: Role; changed: boolean }> {
	return db.transaction(async (tx) => {
		const person = await lockPerson(tx, email);
		if (person.role === role) return { from: role, to: role, changed: false };
		if (person.role === 'admin' && !(await anotherActiveAdmin(tx, person.id)))
			throw new PeopleError('last-admin', person.email);
		await tx.update(users).set({ role, updatedAt: new Date() }).where(eq(users.id, person.id));
		await recordAudit(tx, actor, {
			action: 'user.role-change',
			objectType: 'user',
			objectId: person.email,
			before: { role: person.role },
			after: { email: person.email, name: person.name, from: person.role, to: role }
		});
		return { from: person.role, to: role, changed: true };
	});
}

/** Lets a person see a project; true when they were not a member yet. */
export async function grantProject(
	db: Database,
	email: string,
	code: string,
	actor: Actor
): Promise<boolean> {
	return db.transaction(async (tx) => {
		const person = await lockPerson(tx, email);
		const ids = await projectIds(tx, [code]);
		const added = await tx
			.insert(projectMembers)
			.values({ projectId: ids.get(code)!, userId: person.id })
			.onConflictDoNothing()
			.returning({ userId: projectMembers.userId });
		if (added.length === 0) return false;
		await recordAudit(tx, actor, {
			action: 'project.member-add',
			objectType: 'project',
			objectId: code,
			after: memberPayload(person, code)
		});
		return true;
	});
}

export async function revokeProject(
	db: Database,
	email: string,
	code: string,
	actor: Actor
): Promise<void> {
	await db.transaction(async (tx) => {
		const person = await lockPerson(tx, email);
		const ids = await projectIds(tx, [code]);
		const removed = await tx
			.delete(projectMembers)
			.where(
				and(eq(projectMembers.projectId, ids.get(code)!), eq(projectMembers.userId, person.id))
			)
			.returning({ userId: projectMembers.userId });
		if (removed.length === 0) throw new PeopleError('not-member', code);
		await recordAudit(tx, actor, {
			action: 'project.member-remove',
			objectType: 'project',
			objectId: code,
			before: memberPayload(person, code)
		});
	});
}

/** Disables an account and ends its sessions at once; true when it was enabled before. */
export async function disablePerson(db: Database, email: string, actor: Actor): Promise<boolean> {
	return db.transaction(async (tx) => {
		const person = await lockPerson(tx, email);
		if (person.id === actor.id) throw new PeopleError('self-disable', person.email);
		if (person.disabled) return false;
		if (person.role === 'admin' && !(await anotherActiveAdmin(tx, person.id)))
			throw new PeopleError('last-admin', person.email);
		await tx
			.update(users)
			.set({ disabled: true, updatedAt: new Date() })
			.where(eq(users.id, person.id));
		const ended = await tx
			.delete(sessions)
			.where(eq(sessions.userId, person.id))
			.returning({ token: sessions.token });
		await markSessionsEnded(
			tx,
			ended.map((s) => s.token)
		);
		await recordAudit(tx, actor, {
			action: 'user.disable',
			objectType: 'user',
			objectId: person.email,
			after: { email: person.email, name: person.name, sessionsEnded: ended.length }
		});
		return true;
	});
}

/** Lets a disabled account sign in again; true when it was disabled before. */
export async function enablePerson(db: Database, email: string, actor: Actor): Promise<boolean> {
	return db.transaction(async (tx) => {
		const person = await lockPerson(tx, email);
		if (!person.disabled) return false;
		await tx
			.update(users)
			.set({ disabled: false, updatedAt: new Date() })
			.where(eq(users.id, person.id));
		await recordAudit(tx, actor, {
			action: 'user.enable',
			objectType: 'user',
			objectId: person.email,
			after: { email: person.email, name: person.name }
		});
		return true;
	});
}

/** A one-time link for the person to set a new password (24 hours); an older link stops working. */
export async function issueResetLink(
	db: Database,
	email: string,
	actor: Actor
): Promise<ResetLink> {
	return db.transaction(async (tx) => issueResetToken(tx, await lockPerson(tx, email), actor));
}

export async function hasAdmin(db: Database): Promise<boolean> {
	const [admin] = await db
		.select({ id: users.id })
		.from(users)
		.where(eq(users.role, 'admin'))
		.limit(1);
	return !!admin;
}

export async function isDisabled(db: Database, userId: string): Promise<boolean> {
	const [row] = await db
		.select({ disabled: users.disabled })
		.from(users)
		.where(eq(users.id, userId));
	return row?.disabled ?? false;
}

/** Every project's code, for the choices of whom to let see what. */
export async function projectCodes(db: Database): Promise<string[]> {
	const rows = await db.select({ code: projects.code }).from(projects).orderBy(asc(projects.code));
	return rows.map((r) => r.code);
}
