// Thin: the one-time set-up link creates the first admin.
import { m } from '$lib/paraglide/messages.js';
import { SYSTEM_ACTOR } from '$lib/server/audit/record-audit';
import { consumeSetupToken } from '$lib/server/auth/first-admin';
import { createUser } from '$lib/server/auth/users';
import { fail, redirect } from '@sveltejs/kit';

export const load = ({ url }) => ({ token: url.searchParams.get('token') ?? '' });

export const actions = {
	default: async ({ locals, request }) => {
		const form = await request.formData();
		const email = String(form.get('email') ?? '').trim();
		const name = String(form.get('name') ?? '').trim();
		const password = String(form.get('password') ?? '');
		if (!email || !name || password.length < 10)
			return fail(400, { message: m.setup_incomplete() });
		if (!(await consumeSetupToken(locals.db, String(form.get('token') ?? ''))))
			return fail(400, { message: m.setup_bad_token() });
		await createUser(
			locals.auth,
			locals.db,
			{ email, name, password, role: 'admin' },
			SYSTEM_ACTOR
		);
		redirect(303, '/login');
	}
};
