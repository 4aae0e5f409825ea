// Thin: the signed-in user's account, and changing the password.
import { m } from '$lib/paraglide/messages.js';
import { recordAudit } from '$lib/server/audit/record-audit';
import { fail } from '@sveltejs/kit';

export const load = ({ locals }) => {
	const { id, email, name, role } = locals.user!;
	return { user: { id, email, name, role } };
};

export const actions = {
	default: async ({ locals, request }) => {
		const user = locals.user!;
		const form = await request.formData();
		const currentPassword = String(form.get('current') ?? '');
		const newPassword = String(form.get('new') ?? '');
		if (newPassword.length < 10) return fail(400, { message: m.account_too_short() });
		if (newPassword !== String(form.get('repeat') ?? ''))
			return fail(400, { message: m.account_mismatch() });
		try {
			await locals.auth.api.changePassword({
				body: { currentPassword, newPassword, revokeOtherSessions: true },
				headers: request.headers
			});
		} catch {
			return fail(400, { message: m.account_wrong_current() });
		}
		await locals.db.transaction((tx) =>
			recordAudit(tx, user, { action: 'user.password', objectType: 'user', objectId: user.email })
		);
		return { changed: true };
	}
};
