/** Why a change to a person was refused, in the reader's language (the page and the CLI). */
import type { Locale } from '$lib/domain/locale';
import type { PersonProblem } from '$lib/domain/people';
import { m } from '$lib/paraglide/messages.js';
import type { PeopleError } from '$lib/server/people/people-error';

type Say = { locale?: Locale };

export function peopleErrorMessage(error: PeopleError, locale?: Locale): string {
	const say: Say = locale ? { locale } : {};
	const email = error.subject;
	const code = error.subject;
	switch (error.problem) {
		case 'email-taken':
			return m.people_error_email_taken({ email }, say);
		case 'no-user':
			return m.people_error_no_user({ email }, say);
		case 'no-project':
			return m.people_error_no_project({ code }, say);
		case 'not-member':
			return m.people_error_not_member({ code }, say);
		case 'last-admin':
			return m.people_error_last_admin({ email }, say);
		case 'self-disable':
			return m.people_error_self_disable({}, say);
		case 'admin-exists':
			return m.people_error_admin_exists({ email }, say);
		case 'bad-link':
			return m.people_error_bad_link({}, say);
		case 'password-short':
			return m.people_error_password_short({}, say);
		case 'bad-role':
			return m.people_error_role_invalid({}, say);
	}
}

export function personProblemMessage(problem: PersonProblem): string {
	return {
		'name-missing': m.people_error_name_missing,
		'email-invalid': m.people_error_email_invalid,
		'role-invalid': m.people_error_role_invalid
	}[problem]();
}
