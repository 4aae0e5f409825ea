// Thin: the amendment the plan needs, the draft being prepared, and the steps that adopt it.
import { can } from '$lib/domain/access';
import { officeToday } from '$lib/domain/format';
import { m } from '$lib/paraglide/messages.js';
import { runDraftStep, type DraftStep } from '$lib/server/plans/draft-form';
import { proposalState } from '$lib/server/plans/plan-drafts';
import { error, fail, redirect, type RequestEvent } from '@sveltejs/kit';

export const load = async ({ locals, params, url }) => {
	const state = await proposalState(locals.db, params.code, officeToday());
	if (!state) error(404, m.project_not_found({ code: params.code }));
	const { inForce, proposal, open } = state;
	const adopted = url.searchParams.get('adopted');
	return {
		code: params.code,
		inForce,
		proposal,
		open,
		adopted,
		canEdit: can(locals.user!.role, 'project:edit')
	};
};

const step =
	(name: DraftStep) =>
	async ({ locals, params, request }: RequestEvent<{ code: string }>) => {
		const form = await request.formData();
		const done = await runDraftStep(
			locals.db,
			locals.user!,
			locals.locale,
			params.code,
			name,
			form
		);
		if (!done.ok) return fail(done.status, done);
		if (name === 'adopt') redirect(303, `?adopted=${encodeURIComponent(done.decision ?? '')}`);
		return done;
	};

export const actions = {
	accept: step('accept'),
	save: step('save'),
	submit: step('submit'),
	return: step('return'),
	discard: step('discard'),
	adopt: step('adopt')
};
