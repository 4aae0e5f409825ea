/**
 * Checks and previews a template text that is not saved yet: the editor's lint asks `checkTemplateText`
 * on every pause in typing, and its preview renders the text on a project's data in the same
 * render worker, with the same budgets, as a kept version. Nothing is stored, and a failure marks
 * no version: the text is nobody's version until it is saved.
 */
import type { Locale } from '$lib/domain/locale';
import {
	parseTemplate,
	TemplateError,
	templateProblems
} from '$lib/domain/documents/parse-template';
import type { TemplateIssue } from '$lib/domain/documents/template-issue';
import type { Database } from '../db';
import { loadDocumentData } from './load-document-data';
import { UnknownProjectError, today } from './make-document';
import { renderInWorker, WORKER_LIMITS } from './render-pool';
import { currentTemplate } from './template-store';

/** What the editor marks: every problem, each at its line; none when the text would save. */
export type TextCheck =
	{ ok: true } | { ok: false; problems: { line: number; issue: TemplateIssue }[] };

/** The label errors give the unsaved text, as a saved edit is checked under. */
const draftLabel = (templateId: string) => `${templateId} (edit)`;

function checked(templateId: string, source: string) {
	const parsed = parseTemplate(draftLabel(templateId), source);
	if (parsed.definition.template !== templateId)
		throw new TemplateError(
			draftLabel(templateId),
			parsed.lineAt(['template']),
			`the template id must stay ${templateId}`,
			undefined,
			{ code: 'id_changed', params: { id: templateId } }
		);
	return parsed;
}

export function checkTemplateText(templateId: string, source: string): TextCheck {
	try {
		checked(templateId, source);
		return { ok: true };
	} catch (error) {
		if (error instanceof TemplateError)
			return {
				ok: false,
				problems: templateProblems(error).map(({ line, issue }) => ({ line, issue }))
			};
		throw error;
	}
}

export interface PreviewRequest {
	templateId: string;
	source: string;
	project: string;
	lang: Locale;
}

/** The PDF of an unsaved text on a project's data, numbered as the version it would become. */
export async function previewTemplateText(db: Database, request: PreviewRequest): Promise<Buffer> {
	const parsed = checked(request.templateId, request.source);
	const current = await currentTemplate(db, request.templateId);
	const loaded = await loadDocumentData(db, request.project, parsed.definition.data);
	if (!loaded) throw new UnknownProjectError(request.project);
	return renderInWorker(
		{
			label: draftLabel(request.templateId),
			source: request.source,
			templateId: request.templateId,
			version: current.version + 1,
			lang: request.lang,
			date: today(),
			data: loaded.data,
			keys: {}
		},
		WORKER_LIMITS
	);
}
