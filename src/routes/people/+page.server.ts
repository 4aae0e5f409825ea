// Thin: the people page lists everyone; each action is one change, in people-form.ts.
import { listPeople, projectCodes } from '$lib/server/people/people';
import * as act from '$lib/server/people/people-form';

export const load = async ({ locals }) => ({
	people: await listPeople(locals.db),
	codes: await projectCodes(locals.db),
	me: locals.user!.id
});

export const actions = {
	add: act.addAction,
	role: act.roleAction,
	grant: act.grantAction,
	revoke: act.revokeAction,
	disable: act.disableAction,
	enable: act.enableAction,
	resetLink: act.resetLinkAction
};
