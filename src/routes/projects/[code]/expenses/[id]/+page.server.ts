// Thin: one expense with its finding and thread; each form action records a finding.
import { fail, error } from '@sveltejs/kit';
import type { FindingAction } from '$lib/domain/control/finding-rules';
import { m } from '$lib/paraglide/messages.js';
import { findingPage } from '$lib/server/control/finding-page';
import { readFindingForm } from '$lib/server/control/finding-form';
import { recordFinding } from '$lib/server/control/finding-record';
import { loadProject } from '$lib/server/projects/load-definition';
import type { Actions, PageServerLoad } from './$types';

/** The expense's id from the address; anything but a plain id is no expense. */
function expenseIdOf(id: string): number {
	const n = /^[1-9]\d{0,15}$/.test(id) ? Number(id) : NaN;
	if (!Number.isSafeInteger(n)) error(404, m.finding_error_not_found());
	return n;
}

export const load: PageServerLoad = async ({ locals, params }) => {
	const expenseId = expenseIdOf(params.id);
	const stored = await loadProject(locals.db, params.code);
	if (!stored) error(404, m.project_not_found({ code: params.code }));
	const page = await findingPage(locals.db, locals.user!, params.code, stored.id, expenseId);
	if (!page) error(404, m.finding_error_not_found());
	return { code: stored.definition.code, currency: stored.definition.currency, ...page };
};

const act =
	(action: FindingAction): Actions[string] =>
	async ({ locals, params, request }) => {
		const input = readFindingForm(action, await request.formData());
		const finding = { code: params.code, expenseId: expenseIdOf(params.id), ...input };
		const result = await recordFinding(locals.db, locals.user!, finding);
		if (!result.ok)
			return fail(result.error.code === 'stale' ? 409 : 400, { action, error: result.error });
		return { action, saved: true };
	};

export const actions = {
	verify: act('verify'),
	query: act('query'),
	deduct: act('deduct'),
	close: act('close'),
	keep: act('keep'),
	clear: act('clear'),
	answer: act('answer')
};
