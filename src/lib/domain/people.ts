/** A new person's details as typed: checked field by field, so a form can say what is wrong where. */
import { isRole, type Role } from './access';

export interface PersonInput {
	name: string;
	email: string;
	role: Role;
	projects: string[];
}

/** A person as the people page lists them. */
export interface Person {
	id: string;
	email: string;
	name: string;
	role: Role;
	disabled: boolean;
	/** The codes of the projects the person is a member of, in order. */
	projects: string[];
}

export type PersonField = 'name' | 'email' | 'role';
export type PersonProblem = 'name-missing' | 'email-invalid' | 'role-invalid';

export type PersonCheck =
	| { ok: true; person: PersonInput }
	| { ok: false; problems: Partial<Record<PersonField, PersonProblem>> };

/** An address with one @, something before it, and a dot in the domain: enough to catch typos. */
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export const normalEmail = (email: string) => email.trim().toLowerCase();

export function checkPerson(raw: {
	name: string;
	email: string;
	role: string;
	projects: string[];
}): PersonCheck {
	const name = raw.name.trim();
	const email = normalEmail(raw.email);
	const problems: Partial<Record<PersonField, PersonProblem>> = {};
	if (!name || name.length > 200) problems.name = 'name-missing';
	if (!EMAIL.test(email) || email.length > 254) problems.email = 'email-invalid';
	if (!isRole(raw.role)) problems.role = 'role-invalid';
	if (Object.keys(problems).length > 0 || !isRole(raw.role)) return { ok: false, problems };
	const projects = [...new Set(raw.projects.map((code) => code.trim()).filter(Boolean))];
	return { ok: true, person: { name, email, role: raw.role, projects } };
}
