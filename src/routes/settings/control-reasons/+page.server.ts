// Thin: the reasons list and the auditor's edits to it, each audited by the service.
import { fail } from '@sveltejs/kit';
import {
	addReason,
	listReasons,
	moveReasonBy,
	renameReason,
	setReasonActive,
	type ReasonResult
} from '$lib/server/control/control-reasons';
import type { PageServerLoad, RequestEvent } from './$types';

export const load: PageServerLoad = async ({ locals }) => ({
	reasons: await listReasons(locals.db)
});

const field = (form: FormData, name: string) => String(form.get(name) ?? '');
const labels = (form: FormData) => ({
	labelLv: field(form, 'labelLv'),
	labelEn: field(form, 'labelEn')
});
const answer = (result: ReasonResult, code: string) =>
	result.ok ? { saved: code } : fail(400, { code, error: result.error });

export const actions = {
	add: async ({ locals, request }: RequestEvent) =>
		answer(await addReason(locals.db, locals.user!, labels(await request.formData())), ''),
	rename: async ({ locals, request }: RequestEvent) => {
		const form = await request.formData();
		const code = field(form, 'code');
		return answer(await renameReason(locals.db, locals.user!, code, labels(form)), code);
	},
	move: async ({ locals, request }: RequestEvent) => {
		const form = await request.formData();
		const code = field(form, 'code');
		const by = field(form, 'by') === 'up' ? -1 : 1;
		return answer(await moveReasonBy(locals.db, locals.user!, code, by), code);
	},
	retire: async ({ locals, request }: RequestEvent) => {
		const code = field(await request.formData(), 'code');
		return answer(await setReasonActive(locals.db, locals.user!, code, false), code);
	},
	restore: async ({ locals, request }: RequestEvent) => {
		const code = field(await request.formData(), 'code');
		return answer(await setReasonActive(locals.db, locals.user!, code, true), code);
	}
};
