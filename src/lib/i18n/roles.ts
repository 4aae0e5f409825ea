/** The roles' names in the reader's language. */
import type { Role } from '$lib/domain/access';
import type { Locale } from '$lib/domain/locale';
import { m } from '$lib/paraglide/messages.js';

export function roleName(role: Role, locale?: Locale): string {
	return {
		admin: m.role_admin,
		coordinator: m.role_coordinator,
		council: m.role_council,
		auditor: m.role_auditor
	}[role]({}, locale ? { locale } : {});
}
