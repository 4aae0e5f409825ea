// Thin: a one-time link sets a new password, then the person signs in with it.
import { m } from '$lib/paraglide/messages.js';
import { peopleErrorMessage } from '$lib/i18n/people-messages';
import { PeopleError } from '$lib/server/people/people-error';
import { findResetLink, useResetLink } from '$lib/server/people/reset-link';
import { fail, redirect } from '@sveltejs/kit';

export const load = async ({ locals, url }) => {
	const token = url.searchParams.get('token') ?? '';
	return { token, person: token ? await findResetLink(locals.db, token) : null };
};

export const actions = {
	default: async ({ locals, request }) => {
		const form = await request.formData();
		const password = String(form.get('password') ?? '');
		if (password !== String(form.get('repeat') ?? ''))
			return fail(400, { message: m.account_mismatch() });
		try {
			await useResetLink(locals.auth, locals.db, String(form.get('token') ?? ''), password);
		} catch (error) {
			if (error instanceof PeopleError) return fail(400, { message: peopleErrorMessage(error) });
			throw error;
		}
		redirect(303, '/login?password-set');
	}
};
