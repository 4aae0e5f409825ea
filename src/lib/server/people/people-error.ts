/** Why a change to a person was refused: one code per reason, said in words by the web and the CLI. */

export type PeopleProblem =
	| 'email-taken'
	| 'no-user'
	| 'no-project'
	| 'not-member'
	| 'last-admin'
	| 'self-disable'
	| 'admin-exists'
	| 'bad-link'
	| 'password-short'
	| 'bad-role';

export class PeopleError extends Error {
	constructor(
		readonly problem: PeopleProblem,
		/** What the problem is about: an email or a project code. */
		readonly subject = ''
	) {
		super(`${problem}${subject ? `: ${subject}` : ''}`);
		this.name = 'PeopleError';
	}
}

/** PostgreSQL's unique_violation, as drizzle hands it over (itself or as the cause). */
export function isUniqueViolation(error: unknown): boolean {
	const code = (e: unknown) =>
		typeof e === 'object' && e !== null && 'code' in e ? (e as { code: unknown }).code : null;
	const cause =
		typeof error === 'object' && error !== null ? (error as { cause?: unknown }).cause : null;
	return code(error) === '23505' || code(cause) === '23505';
}
