// Thin: one template's text, its versions, the editor's reference and preview projects, the review of an edit and saving it as a new version.
import { error, fail, redirect } from '@sveltejs/kit';
import { can } from '$lib/domain/access';
import { TemplateError, templateProblems } from '$lib/domain/documents/parse-template';
import { localFieldReference, localFilters } from '$lib/i18n/reference-messages';
import { templateIssueText } from '$lib/i18n/template-messages';
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
import { authorsOf } from '$lib/server/people/authors';
import { listProjects } from '$lib/server/projects/list-projects';

export const load = async ({ locals, params, url }) => {
	const asked = url.searchParams.get('version');
	const canEdit = can(locals.user!.role, 'template:edit');
	try {
		const current = await currentTemplate(locals.db, params.id);
		const shown =
			asked && /^\d{1,9}$/.test(asked)
				? await templateVersion(locals.db, params.id, Number(asked))
				: current;
		const history = await templateHistory(locals.db, params.id);
		const failures = await templateFailuresOf(locals.db, params.id);
		const failed = failures.get(shown.version);
		const authorOf = await authorsOf(
			locals.db,
			history.map((v) => v.createdBy)
		);
		const editing = canEdit && shown.version === current.version;
		return {
			id: params.id,
			current: current.version,
			currentSource: current.source,
			// Documents asked without a version are made from the newest version that did not fail.
			used: history.find((v) => !failures.has(v.version))?.version ?? current.version,
			shown: { version: shown.version, origin: shown.origin, source: shown.source },
			languages: shown.parsed.definition.languages,
			// A version that failed to render says what it hit; documents skip it (see usableTemplate).
			shownFailure: failed
				? failureMarkText(failed, `${params.id} v${shown.version}`, locals.locale)
				: null,
			history: history.map(({ version, origin, createdBy, createdAt, sha256 }) => ({
				version,
				origin,
				createdBy: authorOf(createdBy),
				createdAt,
				sha256,
				failed: failures.has(version)
			})),
			saved: url.searchParams.get('saved'),
			canEdit,
			editing,
			// What completion offers, in the reader's language: the reference page's own list.
			reference: editing
				? { fields: localFieldReference(locals.locale), filters: localFilters(locals.locale) }
				: { fields: [], filters: [] },
			projects: editing
				? (await listProjects(locals.db, locals.user!)).map((p) => ({
						code: p.code,
						title: p.title[locals.locale]
					}))
				: []
		};
	} catch (cause) {
		if (cause instanceof UnknownTemplateError) error(404, m.templates_unknown({ id: params.id }));
		throw cause;
	}
};

const sourceOf = (form: FormData) => String(form.get('source') ?? '').replace(/\r\n/g, '\n');

export const actions = {
	/** Without JavaScript, the review is a round trip: the page shows the diff of the posted text. */
	review: async ({ request }) => ({ source: sourceOf(await request.formData()), reviewing: true }),
	/** Back from the review to the edited text. */
	edit: async ({ request }) => ({ source: sourceOf(await request.formData()), reviewing: false }),
	save: async ({ locals, params, request }) => {
		const form = await request.formData();
		const source = sourceOf(form);
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
					// Every problem, one line each, so one save shows all there is to mend.
					problem: templateProblems(cause)
						.map(({ line, issue }) =>
							m.templates_error({ line, problem: templateIssueText(issue, locals.locale) })
						)
						.join('\n')
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
