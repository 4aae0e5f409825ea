// Thin: the sign-in form and its action.
import { m } from '$lib/paraglide/messages.js';
import { safeNext, signInWithPassword } from '$lib/server/auth/sign-in';
import { ENDED_COOKIE } from '$lib/server/people/ended-sessions';
import { fail, redirect } from '@sveltejs/kit';

const throttledMessage = (seconds: number) =>
	seconds < 60
		? m.login_throttled_seconds({ seconds })
		: m.login_throttled({ minutes: Math.ceil(seconds / 60) });

export const load = ({ cookies, locals, url }) => {
	if (locals.user) redirect(303, safeNext(url.searchParams.get('next'), url.origin));
	const flagged = cookies.get(ENDED_COOKIE) === 'disabled';
	if (flagged) cookies.delete(ENDED_COOKIE, { path: '/login' });
	return {
		ended: locals.sessionEnded || flagged,
		passwordSet: url.searchParams.has('password-set')
	};
};

const refusal = { wrong: m.login_wrong, disabled: m.login_disabled };

export const actions = {
	default: async ({ locals, request, url, getClientAddress }) => {
		const form = await request.formData();
		const email = String(form.get('email') ?? '');
		const password = String(form.get('password') ?? '');
		if (!email || !password) return fail(400, { email, message: m.login_missing() });
		const outcome = await signInWithPassword(locals.auth, locals.db, {
			email,
			password,
			address: getClientAddress(),
			headers: request.headers
		});
		if (!outcome.ok) {
			const message =
				outcome.problem === 'throttled'
					? throttledMessage(outcome.seconds)
					: refusal[outcome.problem]();
			return fail(outcome.problem === 'throttled' ? 429 : 400, { email, message });
		}
		redirect(303, safeNext(url.searchParams.get('next'), url.origin));
	}
};
