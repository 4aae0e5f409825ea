// Thin: one template's text, its versions, and saving an edit as a new version.
import { error, fail, redirect } from '@sveltejs/kit';
import { can } from '$lib/domain/access';
import { TemplateError } from '$lib/domain/documents/parse-template';
import { m } from '$lib/paraglide/messages.js';
import { failureMarkText } from '$lib/server/documents/render-failure';
import {
	currentTemplate,
	saveTemplateEdit,
	TemplateConflictError,
	templateHistory,
	templateVersion,
	UnknownTemplateError
} from '$lib/server/documents/template-store';
import { templateFailuresOf } from '$lib/server/documents/template-failures';

export const load = async ({ locals, params, url }) => {
	const asked = url.searchParams.get('version');
	try {
		const current = await currentTemplate(locals.db, params.id);
		const shown =
			asked && /^\d{1,9}$/.test(asked)
				? await templateVersion(locals.db, params.id, Number(asked))
				: current;
		const history = await templateHistory(locals.db, params.id);
		const failures = await templateFailuresOf(locals.db, params.id);
		const failed = failures.get(shown.version);
		return {
			id: params.id,
			current: current.version,
			// Documents asked without a version are made from the newest version that did not fail.
			used: history.find((v) => !failures.has(v.version))?.version ?? current.version,
			shown: { version: shown.version, origin: shown.origin, source: shown.source },
			// A version that failed to render says what it hit; documents skip it (see usableTemplate).
			shownFailure: failed
				? failureMarkText(failed, `${params.id} v${shown.version}`, locals.locale)
				: null,
			history: history.map(({ version, origin, createdBy, createdAt, sha256 }) => ({
				version,
				origin,
				createdBy,
				createdAt,
				sha256,
				failed: failures.has(version)
			})),
			saved: url.searchParams.get('saved'),
			canEdit: can(locals.user!.role, 'template:edit')
		};
	} catch (cause) {
		if (cause instanceof UnknownTemplateError) error(404, m.templates_unknown({ id: params.id }));
		throw cause;
	}
};

export const actions = {
	save: async ({ locals, params, request }) => {
		const form = await request.formData();
		const source = String(form.get('source') ?? '').replace(/\r\n/g, '\n');
		const basedOn = Number(form.get('basedOn'));
		if (!source.trim() || !Number.isInteger(basedOn))
			return fail(400, { source, line: null, problem: m.templates_empty() });
		try {
			const saved = await saveTemplateEdit(locals.db, locals.user!, params.id, source, basedOn);
			redirect(303, `/templates/${params.id}?saved=${saved.version}`);
		} catch (cause) {
			if (cause instanceof TemplateError)
				return fail(422, {
					source,
					line: cause.line,
					problem: m.templates_error({ line: cause.line, problem: cause.problem })
				});
			if (cause instanceof TemplateConflictError)
				return fail(409, {
					source,
					line: null,
					problem: m.cli_template_conflict({ template: params.id, newest: cause.newest })
				});
			throw cause;
		}
	}
};
