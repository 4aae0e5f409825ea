// Thin: a project's closed periods and retention date, and the forms that close, reopen and set them.
import { m } from '$lib/paraglide/messages.js';
import {
	closeFromForm,
	loadPeriodPage,
	reopenFromForm,
	retentionFromForm,
	type FormOutcome
} from '$lib/server/control/period-page';
import { error, fail, type RequestEvent } from '@sveltejs/kit';

export const load = async ({ locals, params }) => {
	const page = await loadPeriodPage(locals.db, locals.user!, params.code);
	if (!page) error(404, m.project_not_found({ code: params.code }));
	return page;
};

type Run = typeof closeFromForm;
const run = (work: Run, form: string) => async (event: RequestEvent<{ code: string }>) => {
	const { locals, params, request } = event;
	const body = await request.formData();
	const outcome: FormOutcome = await work(
		locals.db,
		params.code,
		body,
		locals.user!,
		locals.locale
	);
	return outcome.ok ? { form, ...outcome } : fail(400, { form, ...outcome });
};

export const actions = {
	close: run(closeFromForm, 'close'),
	reopen: run(reopenFromForm, 'reopen'),
	retention: run(retentionFromForm, 'retention')
};
