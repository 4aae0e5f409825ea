// Thin: an auditor uploads a PDF; the answer is whether cofund made it and what changed since.
import { fail } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages.js';
import { verifyDocument } from '$lib/server/documents/verify-document';

export const actions = {
	default: async ({ locals, request }) => {
		const file = (await request.formData()).get('pdf');
		if (!(file instanceof File) || file.size === 0)
			return fail(400, { problem: m.verify_no_file() });
		const verdict = await verifyDocument(locals.db, Buffer.from(await file.arrayBuffer()));
		return { fileName: file.name, verdict };
	}
};
