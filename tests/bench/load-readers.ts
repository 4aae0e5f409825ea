/**
 * The load benchmark's readers: council members made as an admin would make them (each a member
 * of every project, every change audited), and signed in through the login form, as a person is.
 */
import { performance } from 'node:perf_hooks';
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

export const MAKER_EMAIL = 'coordinator@council.example';

/** A coordinator of the first project, who makes its final report while the readers read. */
export async function addMaker(db: Database): Promise<string> {
	const auth = createAuth(db, { secret: await authSecret(db), baseURL: 'http://127.0.0.1' });
	const [first] = await db.select({ code: projects.code }).from(projects).orderBy(asc(projects.id));
	await addPerson(
		auth,
		db,
		{ email: MAKER_EMAIL, name: 'Coordinator', role: 'coordinator', projects: [first!.code] },
		actor,
		{ password: READER_PASSWORD }
	);
	return MAKER_EMAIL;
}

/**
 * Makes the project's final report through the app, one after another, until `until()`; returns
 * how many were made and the seconds each took. A failed one throws: the run is not valid then.
 */
export async function makeReports(
	origin: string,
	cookie: string,
	code: string,
	until: () => boolean
): Promise<number[]> {
	const seconds: number[] = [];
	while (!until()) {
		const started = performance.now();
		const response = await fetch(`${origin}/projects/${code}/documents/make`, {
			method: 'POST',
			body: new URLSearchParams({ template: 'final-report', lang: 'lv', date: '2026-11-24' }),
			headers: { origin, cookie }
		});
		const pdf = await response.arrayBuffer();
		if (!response.ok || pdf.byteLength === 0)
			throw new Error(`making the final report was answered ${response.status}`);
		seconds.push((performance.now() - started) / 1000);
	}
	return seconds;
}
