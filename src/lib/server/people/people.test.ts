import { applySolidAndOther } from '$tests/factories/projects';
import { ENGINES, freshDatabase } from '$tests/factories/database';
import { and, asc, eq, gt } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM_ACTOR } from '../audit/record-audit';
import { verifyAuditChain } from '../audit/verify-audit';
import { createAuth, type Auth } from '../auth/create-auth';
import { signInWithPassword } from '../auth/sign-in';
import { isMember, type AppUser } from '../auth/users';
import type { DatabaseHandle } from '../db';
import { auditEvents, sessions, users } from '../db/schema';
import { endedByDisabling } from './ended-sessions';
import {
	addPerson,
	changeRole,
	disablePerson,
	enablePerson,
	grantProject,
	issueResetLink,
	listPeople,
	revokeProject
} from './people';
import { PeopleError } from './people-error';
import { findResetLink, useResetLink } from './reset-link';

const refused = (problem: string) => expect.objectContaining({ name: 'PeopleError', problem });

describe.each(ENGINES)('managing people on %s', (engine) => {
	let handle: DatabaseHandle;
	let auth: Auth;
	let admin: AppUser;
	let since = 0;

	const signIn = (email: string, password: string) =>
		signInWithPassword(auth, handle.db, {
			email,
			password,
			address: '10.0.0.1',
			headers: new Headers()
		});
	const cookieOf = async (email: string, password: string) => {
		const response = await auth.api.signInEmail({ body: { email, password }, asResponse: true });
		return response.headers.get('set-cookie')?.split(';')[0] ?? '';
	};
	/** The audit events written since the last call, as action and payload. */
	const newEvents = async () => {
		const rows = await handle.db
			.select()
			.from(auditEvents)
			.where(gt(auditEvents.seq, since))
			.orderBy(asc(auditEvents.seq));
		since = rows.at(-1)?.seq ?? since;
		return rows.map((r) => ({ action: r.action, object: r.objectId, after: r.after }));
	};

	beforeAll(async () => {
		handle = await freshDatabase(engine);
		auth = createAuth(handle.db, { secret: 'x'.repeat(32), baseURL: 'http://localhost' });
		await applySolidAndOther(handle.db);
		const first = await addPerson(
			auth,
			handle.db,
			{ name: 'Alise Admina', email: 'admin@example.lv', role: 'admin', projects: [] },
			SYSTEM_ACTOR,
			{ password: 'admin password 1', onlyIfNoAdmin: true }
		);
		admin = first.person;
		await newEvents();
	}, 60_000);
	afterAll(async () => {
		await handle?.close();
	});

	it('makes the first admin only while there is none', async () => {
		await expect(
			addPerson(
				auth,
				handle.db,
				{ name: 'Second', email: 'second@example.lv', role: 'admin', projects: [] },
				SYSTEM_ACTOR,
				{ password: 'another password', onlyIfNoAdmin: true }
			)
		).rejects.toEqual(refused('admin-exists'));
		expect(await newEvents()).toEqual([]);
	});

	it('adds a person with a project and a link to set their password, all audited', async () => {
		const added = await addPerson(
			auth,
			handle.db,
			{ name: 'Dace Dome', email: 'Dace@Example.lv', role: 'council', projects: ['SOLID'] },
			admin
		);
		expect(added.person).toMatchObject({ email: 'dace@example.lv', role: 'council' });
		expect(added.link?.token).toMatch(/^[\w-]{32}$/);
		expect(await isMember(handle.db, 'SOLID', added.person.id)).toBe(true);
		expect(await isMember(handle.db, 'OTHER', added.person.id)).toBe(false);
		const events = await newEvents();
		expect(events.map((e) => e.action)).toEqual([
			'user.create',
			'project.member-add',
			'user.reset-link'
		]);
		expect(events[1]).toMatchObject({
			object: 'SOLID',
			after: { email: 'dace@example.lv', name: 'Dace Dome', code: 'SOLID' }
		});
		expect(await findResetLink(handle.db, added.link!.token)).toEqual({
			email: 'dace@example.lv',
			name: 'Dace Dome'
		});
	});

	it('refuses a taken email or an unknown project and writes nothing', async () => {
		const before = (await listPeople(handle.db)).length;
		await expect(
			addPerson(
				auth,
				handle.db,
				{ name: 'Dace Again', email: ' DACE@example.lv ', role: 'auditor', projects: [] },
				admin
			)
		).rejects.toEqual(refused('email-taken'));
		await expect(
			addPerson(
				auth,
				handle.db,
				{
					name: 'Nobody',
					email: 'nobody@example.lv',
					role: 'auditor',
					projects: ['SOLID', 'NOPE']
				},
				admin
			)
		).rejects.toEqual(expect.objectContaining({ problem: 'no-project', subject: 'NOPE' }));
		expect((await listPeople(handle.db)).length).toBe(before);
		expect(await newEvents()).toEqual([]);
	});

	it('sets the password through the link once; the link then works no more', async () => {
		const link = await issueResetLink(handle.db, 'dace@example.lv', admin);
		expect((await newEvents())[0]).toMatchObject({ action: 'user.reset-link' });
		await expect(useResetLink(auth, handle.db, link.token, 'short')).rejects.toEqual(
			refused('password-short')
		);
		const person = await useResetLink(auth, handle.db, link.token, 'dace password 1');
		expect(person.email).toBe('dace@example.lv');
		await expect(useResetLink(auth, handle.db, link.token, 'dace password 2')).rejects.toEqual(
			refused('bad-link')
		);
		expect(await findResetLink(handle.db, link.token)).toBeNull();
		expect(await signIn('dace@example.lv', 'dace password 1')).toEqual({ ok: true });
		const events = await newEvents();
		expect(events[0]).toMatchObject({
			action: 'user.password-reset',
			after: { email: 'dace@example.lv' }
		});
	});

	it('lets only the newest link work, and ends the sessions of whoever uses one', async () => {
		const cookie = await cookieOf('dace@example.lv', 'dace password 1');
		const old = await issueResetLink(handle.db, 'dace@example.lv', admin);
		const newest = await issueResetLink(handle.db, 'dace@example.lv', admin);
		await expect(useResetLink(auth, handle.db, old.token, 'dace password 3')).rejects.toEqual(
			refused('bad-link')
		);
		await useResetLink(auth, handle.db, newest.token, 'dace password 3');
		expect(await auth.api.getSession({ headers: new Headers({ cookie }) })).toBeNull();
		await newEvents();
	});

	it('changes a role once, audited with from and to', async () => {
		expect(await changeRole(handle.db, 'dace@example.lv', 'auditor', admin)).toMatchObject({
			changed: true
		});
		expect(await changeRole(handle.db, 'dace@example.lv', 'auditor', admin)).toMatchObject({
			changed: false
		});
		expect(await newEvents()).toEqual([
			{
				action: 'user.role-change',
				object: 'dace@example.lv',
				after: { email: 'dace@example.lv', name: 'Dace Dome', from: 'council', to: 'auditor' }
			}
		]);
		await changeRole(handle.db, 'dace@example.lv', 'council', admin);
		await newEvents();
	});

	it("never removes the last admin's admin role", async () => {
		await expect(changeRole(handle.db, 'admin@example.lv', 'council', admin)).rejects.toEqual(
			refused('last-admin')
		);
		const [row] = await handle.db.select().from(users).where(eq(users.email, 'admin@example.lv'));
		expect(row?.role).toBe('admin');
		expect(await newEvents()).toEqual([]);
	});

	it('grants and revokes a project, each audited; revoking a non-member is refused', async () => {
		expect(await grantProject(handle.db, 'dace@example.lv', 'OTHER', admin)).toBe(true);
		expect(await grantProject(handle.db, 'dace@example.lv', 'OTHER', admin)).toBe(false);
		await revokeProject(handle.db, 'dace@example.lv', 'OTHER', admin);
		await expect(revokeProject(handle.db, 'dace@example.lv', 'OTHER', admin)).rejects.toEqual(
			refused('not-member')
		);
		const events = await newEvents();
		expect(events.map((e) => [e.action, e.object])).toEqual([
			['project.member-add', 'OTHER'],
			['project.member-remove', 'OTHER']
		]);
		const dace = (await listPeople(handle.db)).find((p) => p.email === 'dace@example.lv');
		expect(dace?.projects).toEqual(['SOLID']);
	});

	it('disables an account: its session ends at once, and it cannot sign in', async () => {
		const cookie = await cookieOf('dace@example.lv', 'dace password 3');
		const headers = new Headers({ cookie });
		expect(await auth.api.getSession({ headers })).not.toBeNull();
		expect(await disablePerson(handle.db, 'dace@example.lv', admin)).toBe(true);
		expect(await auth.api.getSession({ headers })).toBeNull();
		expect(await endedByDisabling(handle.db, cookie)).toBe(true);
		expect(await endedByDisabling(handle.db, 'cofund.session_token=made-up.sig')).toBe(false);
		// The right password learns that the account is disabled; a wrong one learns nothing.
		expect(await signIn('dace@example.lv', 'dace password 3')).toEqual({
			ok: false,
			problem: 'disabled'
		});
		expect(await signIn('dace@example.lv', 'a wrong guess')).toEqual({
			ok: false,
			problem: 'wrong'
		});
		const [person] = await handle.db.select().from(users).where(eq(users.email, 'dace@example.lv'));
		expect(
			await handle.db
				.select()
				.from(sessions)
				.where(and(eq(sessions.userId, person!.id)))
		).toEqual([]);
		expect(await disablePerson(handle.db, 'dace@example.lv', admin)).toBe(false);
		expect((await newEvents()).filter((e) => e.action.startsWith('user.'))).toEqual([
			{
				action: 'user.disable',
				object: 'dace@example.lv',
				after: { email: 'dace@example.lv', name: 'Dace Dome', sessionsEnded: 1 }
			}
		]);
	});

	it('enables it again, and the password works once more', async () => {
		expect(await enablePerson(handle.db, 'dace@example.lv', admin)).toBe(true);
		expect(await enablePerson(handle.db, 'dace@example.lv', admin)).toBe(false);
		expect(await signIn('dace@example.lv', 'dace password 3')).toEqual({ ok: true });
		const events = await newEvents();
		expect(events.map((e) => e.action)).toEqual(['user.enable', 'auth.sign-in']);
	});

	it('refuses an admin disabling themselves, and the last active admin', async () => {
		await expect(disablePerson(handle.db, 'admin@example.lv', admin)).rejects.toEqual(
			refused('self-disable')
		);
		await expect(disablePerson(handle.db, 'admin@example.lv', SYSTEM_ACTOR)).rejects.toEqual(
			refused('last-admin')
		);
		await expect(disablePerson(handle.db, 'ghost@example.lv', admin)).rejects.toBeInstanceOf(
			PeopleError
		);
	});

	it('has kept the audit chain whole', async () => {
		expect(await verifyAuditChain(handle.db)).toMatchObject({ intact: true });
	});
});
