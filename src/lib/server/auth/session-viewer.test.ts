import { ENGINES, freshDatabase } from '$tests/factories/database';
import { applySolidAndOther } from '$tests/factories/projects';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM_ACTOR } from '../audit/record-audit';
import type { DatabaseHandle } from '../db';
import { sessions, users } from '../db/schema';
import { authSecret } from './auth-secret';
import { createAuth, SESSION_HOURS, type Auth } from './create-auth';
import { fastViewer } from './session-viewer';
import { addMember, createUser } from './users';

const HOUR = 60 * 60 * 1000;

/** The cookies a browser would send back after these Set-Cookie lines, read as SvelteKit does. */
function jar(setCookies: string[]) {
	const pairs = setCookies.map((line) => line.split(';')[0]!);
	const header = pairs.join('; ');
	const read = (name: string) => {
		const pair = pairs.find((p) => p.startsWith(`${name}=`));
		return pair ? decodeURIComponent(pair.slice(name.length + 1)) : undefined;
	};
	return { header, read };
}

describe.each(ENGINES)('the viewer read with their session on %s', (engine) => {
	let handle: DatabaseHandle;
	let auth: Auth;
	let userId: string;

	async function signIn(rememberMe = true) {
		const response = await auth.api.signInEmail({
			body: { email: 'ilze@example.lv', password: 'council session 1', rememberMe },
			asResponse: true
		});
		expect(response.status).toBe(200);
		return jar(response.headers.getSetCookie());
	}

	beforeAll(async () => {
		handle = await freshDatabase(engine);
		await applySolidAndOther(handle.db);
		auth = createAuth(handle.db, {
			secret: await authSecret(handle.db, {}),
			baseURL: 'http://localhost:3000'
		});
		const user = await createUser(
			auth,
			handle.db,
			{ email: 'ilze@example.lv', name: 'Ilze', role: 'council', password: 'council session 1' },
			SYSTEM_ACTOR
		);
		userId = user.id;
		await addMember(handle.db, 'SOLID', userId);
	});
	afterAll(async () => {
		await handle?.close();
	});

	it('reads the user and their projects in one go, as better-auth reads the user', async () => {
		const cookies = await signIn();
		const viewer = await fastViewer(auth, handle.db, cookies.read);
		const session = await auth.api.getSession({ headers: new Headers({ cookie: cookies.header }) });
		expect(viewer).toEqual({
			user: { id: userId, email: 'ilze@example.lv', name: 'Ilze', role: 'council' },
			memberOf: new Set(['SOLID'])
		});
		expect(session?.user).toMatchObject({ id: userId, email: 'ilze@example.lv', name: 'Ilze' });
	});

	it('sees a project granted after signing in on the next request: nothing is kept', async () => {
		const cookies = await signIn();
		const before = await fastViewer(auth, handle.db, cookies.read);
		expect(before !== 'handOver' && before?.memberOf?.has('OTHER')).toBe(false);
		await addMember(handle.db, 'OTHER', userId);
		const after = await fastViewer(auth, handle.db, cookies.read);
		expect(after !== 'handOver' && after?.memberOf).toEqual(new Set(['SOLID', 'OTHER']));
	});

	it('leaves the projects out where the page names none', async () => {
		const cookies = await signIn();
		const viewer = await fastViewer(auth, handle.db, cookies.read, { withProjects: false });
		expect(viewer).toEqual({
			user: { id: userId, email: 'ilze@example.lv', name: 'Ilze', role: 'council' }
		});
	});

	it('answers null without a session cookie', async () => {
		expect(await fastViewer(auth, handle.db, () => undefined)).toBeNull();
	});

	it('hands a cookie with a wrong signature to better-auth, which finds no session', async () => {
		const cookies = await signIn();
		const name = 'cofund.session_token';
		const value = cookies.read(name)!;
		const forged = value.slice(0, -5) + (value.at(-5) === 'A' ? 'B' : 'A') + value.slice(-4);
		const read = (n: string) => (n === name ? forged : cookies.read(n));
		expect(await fastViewer(auth, handle.db, read)).toBe('handOver');
		const header = `${name}=${encodeURIComponent(forged)}`;
		expect(await auth.api.getSession({ headers: new Headers({ cookie: header }) })).toBeNull();
	});

	it('hands over a session signed out, or past its end, and better-auth refuses both', async () => {
		const out = await signIn();
		await auth.api.signOut({ headers: new Headers({ cookie: out.header }) });
		expect(await fastViewer(auth, handle.db, out.read)).toBe('handOver');

		const ended = await signIn();
		const token = ended.read('cofund.session_token')!.split('.')[0]!;
		await handle.db
			.update(sessions)
			.set({ expiresAt: new Date(Date.now() - 1000) })
			.where(eq(sessions.token, token));
		expect(await fastViewer(auth, handle.db, ended.read)).toBe('handOver');
		const headers = new Headers({ cookie: ended.header });
		expect(await auth.api.getSession({ headers })).toBeNull();
	});

	/** Makes the session look set two hours ago: past the hour after which better-auth extends it. */
	async function setTwoHoursAgo(cookies: ReturnType<typeof jar>): Promise<string> {
		const token = cookies.read('cofund.session_token')!.split('.')[0]!;
		const setAt = Date.now() - 2 * HOUR;
		await handle.db
			.update(sessions)
			.set({ expiresAt: new Date(setAt + SESSION_HOURS * HOUR) })
			.where(eq(sessions.token, token));
		return token;
	}

	it('hands over a session due to be extended, which better-auth then extends', async () => {
		const cookies = await signIn();
		const token = await setTwoHoursAgo(cookies);
		expect(await fastViewer(auth, handle.db, cookies.read)).toBe('handOver');
		await auth.api.getSession({ headers: new Headers({ cookie: cookies.header }) });
		const [row] = await handle.db.select().from(sessions).where(eq(sessions.token, token));
		expect(row!.expiresAt.getTime()).toBeGreaterThan(Date.now() + (SESSION_HOURS - 1) * HOUR);
		const viewer = await fastViewer(auth, handle.db, cookies.read);
		expect(viewer !== 'handOver' && viewer?.user.id).toBe(userId);
	});

	it('keeps a session not to be remembered as it is: better-auth would not extend it either', async () => {
		const cookies = await signIn(false);
		await setTwoHoursAgo(cookies);
		const viewer = await fastViewer(auth, handle.db, cookies.read);
		expect(viewer !== 'handOver' && viewer?.user.id).toBe(userId);
	});

	it('hands over the session of a disabled account, on its very next request', async () => {
		const cookies = await signIn();
		await handle.db.update(users).set({ disabled: true }).where(eq(users.id, userId));
		expect(await fastViewer(auth, handle.db, cookies.read)).toBe('handOver');
		await handle.db.update(users).set({ disabled: false }).where(eq(users.id, userId));
	});
});
