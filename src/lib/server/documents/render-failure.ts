/**
 * A failed render said in the reader's language: which limit of the document's budget or of
 * its worker was hit, or which error in its text, and what became of the template version.
 * The same words serve the pages, the endpoints and the CLI.
 */
import { formatInteger } from '$lib/domain/format';
import type { Locale } from '$lib/domain/locale';
import { TemplateError } from '$lib/domain/documents/parse-template';
import { m } from '$lib/paraglide/messages.js';
import { TemplateFailedError } from './make-document';
import { DocumentRenderError } from './render-pool';
import type { TemplateFailure } from './template-failures';

/** What a failure says, whether it has just happened or was kept as a mark. */
interface FailureFacts {
	templateId: string;
	version: number;
	file: string;
	kind: TemplateFailure['kind'];
	problem: string;
	line: number | null;
	limitName: string | null;
	limitValue: number | null;
}

function say(f: FailureFacts, locale: Locale): string {
	const o = { locale };
	const at = { file: f.file, line: f.line ?? 1 };
	const limit = formatInteger(f.limitValue ?? 0, locale);
	const seconds = formatInteger(Math.round((f.limitValue ?? 0) / 1000), locale);
	const who = { template: f.templateId, version: f.version };
	if (f.kind === 'memory') return m.template_failure_memory({ ...who, limit }, o);
	if (f.kind === 'timeout') return m.template_failure_timeout({ ...who, seconds }, o);
	if (f.kind === 'budget' && f.limitName === 'iterations')
		return m.template_failure_iterations({ ...at, limit }, o);
	if (f.kind === 'budget' && f.limitName === 'characters')
		return m.template_failure_characters({ ...at, limit }, o);
	if (f.kind === 'budget') return m.template_failure_time({ ...at, seconds }, o);
	return m.template_failure_error({ ...at, problem: f.problem.replace(/\.$/, '') }, o);
}

function factsOf(error: TemplateFailedError): FailureFacts {
	const { reason, templateId, version } = error;
	const base = { templateId, version };
	if (reason instanceof TemplateError)
		return {
			...base,
			file: reason.file,
			kind: reason.budget ? 'budget' : 'template',
			problem: reason.problem,
			line: reason.line,
			limitName: reason.budget?.kind ?? null,
			limitValue: reason.budget?.limit ?? null
		};
	return {
		...base,
		file: templateId,
		kind: reason.kind === 'memory' ? 'memory' : 'timeout',
		problem: reason.message,
		line: null,
		limitName: null,
		limitValue: reason.limit
	};
}

/** The failure, then what became of the version; null when the error is not a render's. */
export function renderFailureText(error: unknown, locale: Locale): string | null {
	if (error instanceof DocumentRenderError)
		return m.template_failure_crashed({ detail: error.message }, { locale });
	if (!(error instanceof TemplateFailedError)) return null;
	const what = say(factsOf(error), locale);
	const who = { template: error.templateId, version: error.version };
	const then =
		error.fallback === null
			? m.template_failure_marked_alone(who, { locale })
			: m.template_failure_marked({ ...who, fallback: error.fallback }, { locale });
	return `${what} ${m.template_failure_nothing_made({}, { locale })} ${then}`;
}

/** A kept mark as a sentence: what failed when a document was last made from that version. */
export function failureMarkText(failure: TemplateFailure, file: string, locale: Locale): string {
	return say({ ...failure, file }, locale);
}
