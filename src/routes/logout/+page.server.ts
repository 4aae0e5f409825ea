// Thin: ends the session and records it.
import { recordAudit } from '$lib/server/audit/record-audit';
import { redirect } from '@sveltejs/kit';

export const actions = {
	default: async ({ locals, request }) => {
		const user = locals.user!;
		await locals.auth.api.signOut({ headers: request.headers });
		await locals.db.transaction((tx) =>
			recordAudit(tx, user, { action: 'auth.sign-out', objectType: 'user', objectId: user.email })
		);
		redirect(303, '/login');
	}
};
