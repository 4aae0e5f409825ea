/**
 * The load benchmark's readers: council members made as an admin would make them (each a member
 * of every project, every change audited), and signed in through the login form, as a person is.
 */
import { asc } from 'drizzle-orm';
import type { Database } from '$lib/server/db';
import { projects } from '$lib/server/db/schema';
import { authSecret } from '$lib/server/auth/auth-secret';
import { createAuth } from '$lib/server/auth/create-auth';
import { addPerson } from '$lib/server/people/people';

export const READER_PASSWORD = 'council-session-2026';
const actor = { id: null, email: 'bench@cofund.example' };

/** Makes `count` council members of every project; returns their emails. */
export async function addReaders(db: Database, count: number): Promise<string[]> {
	const auth = createAuth(db, { secret: await authSecret(db), baseURL: 'http://127.0.0.1' });
	const codes = (
		await db.select({ code: projects.code }).from(projects).orderBy(asc(projects.id))
	).map((p) => p.code);
	const emails: string[] = [];
	for (let i = 1; i <= count; i++) {
		const email = `deputy${String(i).padStart(2, '0')}@council.example`;
		await addPerson(
			auth,
			db,
			{ email, name: `Deputy ${i}`, role: 'council', projects: codes },
			actor,
			{ password: READER_PASSWORD }
		);
		emails.push(email);
	}
	return emails;
}

/** Signs in through the login form; returns the Cookie header the browser would send back. */
export async function signIn(origin: string, email: string, password: string): Promise<string> {
	const response = await fetch(`${origin}/login`, {
		method: 'POST',
		body: new URLSearchParams({ email, password }),
		headers: { origin, accept: 'text/html' },
		redirect: 'manual'
	});
	const cookies = response.headers.getSetCookie().map((c) => c.split(';')[0]!);
	if (response.status !== 303 || !cookies.some((c) => c.includes('session_token')))
		throw new Error(`signing in ${email} was answered ${response.status}, not with a session`);
	return cookies.join('; ');
}
