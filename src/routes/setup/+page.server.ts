// Thin: the one-time set-up link creates the first admin; once there is one, the page and its
// form both say so and send the reader to sign in.
import { m } from '$lib/paraglide/messages.js';
import { SYSTEM_ACTOR } from '$lib/server/audit/record-audit';
import { adminExists, consumeSetupToken } from '$lib/server/auth/first-admin';
import { createUser } from '$lib/server/auth/users';
import { fail, redirect } from '@sveltejs/kit';

export const load = async ({ locals, url }) => ({
	token: url.searchParams.get('token') ?? '',
	adminExists: await adminExists(locals.db)
});

export const actions = {
	default: async ({ locals, request }) => {
		const form = await request.formData();
		const email = String(form.get('email') ?? '').trim();
		const name = String(form.get('name') ?? '').trim();
		const password = String(form.get('password') ?? '');
		// Checked first: an old set-up link must not make a second administrator.
		if (await adminExists(locals.db)) return fail(409, { message: m.nm_setup_done_lead() });
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
