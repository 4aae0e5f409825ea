// Thin: a reader uploads a PDF; the answer is whether cofund made it and, for a project the
// reader may see, what changed since. The upload is read within the route's limit.
import { fail } from '@sveltejs/kit';
import { formatBytes } from '$lib/i18n/import-messages';
import { m } from '$lib/paraglide/messages.js';
import { DOCUMENT_BODY_LIMIT } from '$lib/server/access/authorize';
import { templateNames } from '$lib/server/documents/template-summaries';
import { verifyForReader } from '$lib/server/documents/verify-disclosure';
import { isBodyTooLarge, readCappedForm } from '$lib/server/http/read-capped';

export const actions = {
	default: async ({ locals, request }) => {
		const form = await readCappedForm(request, DOCUMENT_BODY_LIMIT).catch((e: unknown) => {
			if (isBodyTooLarge(e)) return null;
			throw e;
		});
		if (!form)
			return fail(413, {
				problem: m.verify_too_large({ limit: formatBytes(DOCUMENT_BODY_LIMIT, locals.locale) })
			});
		const file = form.get('pdf');
		if (!(file instanceof File) || file.size === 0)
			return fail(400, { problem: m.verify_no_file() });
		const pdf = Buffer.from(await file.arrayBuffer());
		const verdict = await verifyForReader(locals.db, pdf, locals.user!);
		// A withheld verdict says nothing beyond yes or no, so it carries no template names either.
		const templates = 'withheld' in verdict ? {} : await templateNames(locals.db, locals.locale);
		return { fileName: file.name, verdict, templates };
	}
};
