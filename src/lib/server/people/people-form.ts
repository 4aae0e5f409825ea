/**
 * The people page's form actions, parsed and answered: each calls one service and says what it
 * did, or why not, in the reader's language; a refused new person keeps what was typed.
 */
import { checkPerson, type PersonField } from '$lib/domain/people';
import { isRole } from '$lib/domain/access';
import { formatOfficeMoment } from '$lib/domain/format';
import type { Locale } from '$lib/domain/locale';
import { peopleErrorMessage, personProblemMessage } from '$lib/i18n/people-messages';
import { roleName } from '$lib/i18n/roles';
import { m } from '$lib/paraglide/messages.js';
import { fail, type ActionFailure } from '@sveltejs/kit';
import { findUserByEmail, type AppUser } from '../auth/users';
import type { Auth } from '../auth/create-auth';
import type { Database } from '../db';
import * as people from './people';
import { PeopleError } from './people-error';
import { resetPath, type ResetLink } from './reset-link';

export interface PeopleEvent {
	locals: { db: Database; auth: Auth; user: AppUser | null; locale: Locale };
	request: Request;
	url: URL;
}

type Answer = { done: string; link?: { url: string; note: string } };
type Refusal = ActionFailure<{ error: string; add?: AddRefusal }>;
interface AddRefusal {
	values: { name: string; email: string; role: string; projects: string[] };
	problems: Partial<Record<PersonField, string>>;
}

const text = (form: FormData, key: string) => String(form.get(key) ?? '');

function linkOf(link: ResetLink, name: string, url: URL, locale: Locale, added: boolean) {
	const until = formatOfficeMoment(link.expiresAt, locale);
	return {
		url: `${url.origin}${resetPath(link.token)}`,
		note: added ? m.people_added({ name, until }) : m.people_link_issued({ name, until })
	};
}

/** Runs one change; a refusal the person can act on becomes a 400 with its message. */
async function attempt(work: () => Promise<Answer>): Promise<Answer | Refusal> {
	try {
		return await work();
	} catch (error) {
		if (error instanceof PeopleError) return fail(400, { error: peopleErrorMessage(error) });
		throw error;
	}
}

async function target(event: PeopleEvent) {
	const form = await event.request.formData();
	const found = await findUserByEmail(event.locals.db, text(form, 'email'));
	if (!found) throw new PeopleError('no-user', text(form, 'email'));
	return { form, person: found, actor: event.locals.user! };
}

export async function addAction(event: PeopleEvent) {
	const form = await event.request.formData();
	const values = {
		name: text(form, 'name'),
		email: text(form, 'email'),
		role: text(form, 'role'),
		projects: form.getAll('projects').map(String)
	};
	const checked = checkPerson(values);
	if (!checked.ok) {
		const problems = Object.fromEntries(
			Object.entries(checked.problems).map(([field, problem]) => [
				field,
				personProblemMessage(problem)
			])
		);
		return fail(400, { error: m.people_error_form(), add: { values, problems } });
	}
	try {
		const added = await people.addPerson(
			event.locals.auth,
			event.locals.db,
			checked.person,
			event.locals.user!
		);
		const { name } = added.person;
		return {
			done: '',
			link: linkOf(added.link!, name, event.url, event.locals.locale, true)
		} satisfies Answer;
	} catch (error) {
		if (!(error instanceof PeopleError)) throw error;
		const message = peopleErrorMessage(error);
		const problems = error.problem === 'email-taken' ? { email: message } : {};
		return fail(400, { error: message, add: { values, problems } });
	}
}

export const roleAction = (event: PeopleEvent) =>
	attempt(async () => {
		const { form, person, actor } = await target(event);
		const role = text(form, 'role');
		if (!isRole(role)) throw new PeopleError('bad-role', role);
		await people.changeRole(event.locals.db, person.email, role, actor);
		return { done: m.people_role_changed({ name: person.name, role: roleName(role) }) };
	});

export const grantAction = (event: PeopleEvent) =>
	attempt(async () => {
		const { form, person, actor } = await target(event);
		const code = text(form, 'code');
		await people.grantProject(event.locals.db, person.email, code, actor);
		return { done: m.people_member_added({ name: person.name, code }) };
	});

export const revokeAction = (event: PeopleEvent) =>
	attempt(async () => {
		const { form, person, actor } = await target(event);
		const code = text(form, 'code');
		await people.revokeProject(event.locals.db, person.email, code, actor);
		return { done: m.people_member_removed({ name: person.name, code }) };
	});

export const disableAction = (event: PeopleEvent) =>
	attempt(async () => {
		const { person, actor } = await target(event);
		await people.disablePerson(event.locals.db, person.email, actor);
		return { done: m.people_disabled_done({ name: person.name }) };
	});

export const enableAction = (event: PeopleEvent) =>
	attempt(async () => {
		const { person, actor } = await target(event);
		await people.enablePerson(event.locals.db, person.email, actor);
		return { done: m.people_enabled_done({ name: person.name }) };
	});

export const resetLinkAction = (event: PeopleEvent) =>
	attempt(async () => {
		const { person, actor } = await target(event);
		const link = await people.issueResetLink(event.locals.db, person.email, actor);
		return { done: '', link: linkOf(link, person.name, event.url, event.locals.locale, false) };
	});
