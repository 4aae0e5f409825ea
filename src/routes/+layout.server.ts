// Thin: who is signed in, and which parts of the app their role opens.
import { can } from '$lib/domain/access';

export const load = ({ locals }) => {
	const user = locals.user;
	return {
		viewer: user && { name: user.name, email: user.email, role: user.role },
		canAudit: !!user && can(user.role, 'audit:read'),
		canManagePeople: !!user && can(user.role, 'user:manage'),
		canBackup: !!user && can(user.role, 'backup:create'),
		canSetLetterhead: !!user && can(user.role, 'office:manage')
	};
};
