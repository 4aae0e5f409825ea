import { ENGINES, freshDatabase } from '$tests/factories/database';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM_ACTOR } from '../audit/record-audit';
import { verifyAuditChain } from '../audit/verify-audit';
import type { DatabaseHandle } from '../db';
import { sessions } from '../db/schema';
import { authSecret } from './auth-secret';
import { createAuth, type Auth } from './create-auth';
import { consumeSetupToken, ensureFirstAdmin } from './first-admin';
import { clearFailedSignIns, recordFailedSignIn, signInWait } from './login-throttle';
import { createUser, findUserByEmail, setPassword } from './users';

async function signIn(auth: Auth, email: string, password: string) {
	const response = await auth.api.signInEmail({ body: { email, password }, asResponse: true });
	const cookie = response.headers.get('set-cookie')?.split(';')[0] ?? '';
	return { status: response.status, cookie };
}

describe.each(ENGINES)('signing in on %s', (engine) => {
	let handle: DatabaseHandle;
	let auth: Auth;
	beforeAll(async () => {
		handle = await freshDatabase(engine);
		auth = createAuth(handle.db, {
			secret: await authSecret(handle.db, {}),
			baseURL: 'http://localhost:3000'
		});
	});
	afterAll(async () => {
		await handle?.close();
	});

	it('keeps one generated secret for every instance on the database', async () => {
		const first = await authSecret(handle.db, {});
		expect(first).toMatch(/^[\w-]{40,}$/);
		expect(await authSecret(handle.db, {})).toBe(first);
		expect(await authSecret(handle.db, { COFUND_AUTH_SECRET: 'from-env' })).toBe('from-env');
	});

	it('creates a user with a hashed password and signs them in with an HTTP-only cookie', async () => {
		await createUser(
			auth,
			handle.db,
			{ email: 'Anna@Example.lv', name: 'Anna', role: 'coordinator', password: 'correct horse 1' },
			SYSTEM_ACTOR
		);
		const user = await findUserByEmail(handle.db, 'anna@example.lv');
		expect(user).toMatchObject({ email: 'anna@example.lv', role: 'coordinator' });

		const response = await auth.api.signInEmail({
			body: { email: 'anna@example.lv', password: 'correct horse 1' },
			asResponse: true
		});
		expect(response.status).toBe(200);
		const setCookie = response.headers.get('set-cookie') ?? '';
		expect(setCookie).toMatch(/^cofund\.session_token=/);
		expect(setCookie).toMatch(/HttpOnly/i);
		expect(setCookie).toMatch(/SameSite=Lax/i);

		const session = await auth.api.getSession({
			headers: new Headers({ cookie: setCookie.split(';')[0]! })
		});
		expect(session?.user).toMatchObject({ email: 'anna@example.lv', role: 'coordinator' });
	});

	it('refuses a wrong password, and after a new password only the new one works', async () => {
		expect((await signIn(auth, 'anna@example.lv', 'wrong password')).status).toBe(401);
		const anna = (await findUserByEmail(handle.db, 'anna@example.lv'))!;
		await setPassword(auth, handle.db, anna, 'battery staple 2', SYSTEM_ACTOR);
		expect((await signIn(auth, 'anna@example.lv', 'correct horse 1')).status).toBe(401);
		expect((await signIn(auth, 'anna@example.lv', 'battery staple 2')).status).toBe(200);
	});

	it('ends a session on sign-out, so its cookie opens nothing afterwards', async () => {
		const { cookie } = await signIn(auth, 'anna@example.lv', 'battery staple 2');
		const headers = new Headers({ cookie });
		expect(await auth.api.getSession({ headers })).not.toBeNull();
		await auth.api.signOut({ headers });
		expect(await auth.api.getSession({ headers })).toBeNull();
	});

	it('lets a session expire: past its time the cookie opens nothing', async () => {
		const { cookie } = await signIn(auth, 'anna@example.lv', 'battery staple 2');
		const headers = new Headers({ cookie });
		const session = (await auth.api.getSession({ headers }))!;
		const hours = (session.session.expiresAt.getTime() - Date.now()) / 3_600_000;
		expect(hours).toBeGreaterThan(7.9);
		expect(hours).toBeLessThanOrEqual(8);
		await handle.db
			.update(sessions)
			.set({ expiresAt: new Date(Date.now() - 1000) })
			.where(eq(sessions.id, session.session.id));
		expect(await auth.api.getSession({ headers })).toBeNull();
	});

	it('creates the first admin from the environment, once', async () => {
		const env = {
			COFUND_ADMIN_EMAIL: 'admin@example.lv',
			COFUND_ADMIN_PASSWORD: 'admin password 1'
		};
		expect(await ensureFirstAdmin(auth, handle.db, env)).toEqual({
			state: 'created',
			email: 'admin@example.lv'
		});
		expect(await ensureFirstAdmin(auth, handle.db, env)).toEqual({ state: 'exists' });
	});

	it('throttles guessing per account, and forgets it after a success', async () => {
		const now = Date.now();
		for (let i = 0; i < 5; i++)
			await recordFailedSignIn(handle.db, 'x@example.lv', '10.0.0.1', now);
		expect(await signInWait(handle.db, 'x@example.lv', '10.0.0.2', now)).toBe(15);
		expect(await signInWait(handle.db, 'y@example.lv', '10.0.0.2', now)).toBe(0);
		expect(await signInWait(handle.db, 'x@example.lv', '10.0.0.2', now + 16 * 60_000)).toBe(0);
		await clearFailedSignIns(handle.db, 'x@example.lv');
		expect(await signInWait(handle.db, 'x@example.lv', '10.0.0.3', now)).toBe(0);
	});

	it('has audited every user change, without any password', async () => {
		const check = await verifyAuditChain(handle.db);
		expect(check).toMatchObject({ intact: true, events: 3 });
	});
});

describe.each(ENGINES)('the one-time set-up link on %s', (engine) => {
	it('is issued when there is no admin, and works exactly once', async () => {
		const handle = await freshDatabase(engine);
		try {
			const auth = createAuth(handle.db, { secret: 'x'.repeat(32), baseURL: 'http://localhost' });
			const first = await ensureFirstAdmin(auth, handle.db, {});
			expect(first.state).toBe('setup');
			const token = first.state === 'setup' ? first.token : '';
			expect(await consumeSetupToken(handle.db, 'not-the-token')).toBe(false);
			expect(await consumeSetupToken(handle.db, token)).toBe(true);
			expect(await consumeSetupToken(handle.db, token)).toBe(false);
		} finally {
			await handle.close();
		}
	});
});
