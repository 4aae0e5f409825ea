/**
 * The document request a page or endpoint receives (template, language, date, version, plan
 * version), parsed
 * once with a schema, and the answers to the failures a person can act on.
 */
import { z } from 'zod';
import { parseIsoDate } from '$lib/domain/format';
import { LOCALES, type Locale } from '$lib/domain/locale';
import { TemplateError } from '$lib/domain/documents/parse-template';
import { templateProblemAt } from '$lib/i18n/template-messages';
import { TemplateFailedError, UnknownProjectError } from './make-document';
import { renderFailureText } from './render-failure';
import { DocumentRenderError } from './render-pool';
import { UnknownTemplateError } from './template-store';
import { UnknownPlanError } from './load-document-data';
import { m } from '$lib/paraglide/messages.js';

export const documentRequestSchema = z.object({
	template: z.string().regex(/^[a-z][a-z0-9-]{1,40}$/),
	lang: z.enum(LOCALES),
	date: z
		.string()
		.refine((v) => parseIsoDate(v) !== null)
		.optional()
		.or(z.literal('').transform(() => undefined)),
	version: z
		.string()
		.regex(/^[1-9]\d{0,8}$/)
		.transform(Number)
		.optional()
		.or(z.literal('').transform(() => undefined)),
	/** A plan version number; empty or absent: the plan in force now. */
	plan: z
		.string()
		.regex(/^[1-9]\d{0,8}$/)
		.transform(Number)
		.optional()
		.or(z.literal('').transform(() => undefined))
});

export function readDocumentRequest(params: URLSearchParams | FormData) {
	const value = (key: string) => params.get(key) ?? undefined;
	return documentRequestSchema.safeParse({
		template: value('template'),
		lang: value('lang'),
		date: value('date'),
		version: value('version'),
		plan: value('plan')
	});
}

/** A failure the reader can act on, as text for the page; anything else is a real error. */
export function documentProblem(
	error: unknown,
	locale: Locale
): { status: number; text: string } | null {
	// A render that failed: the template is marked, and the reader is told what it hit.
	if (error instanceof TemplateFailedError)
		return { status: 422, text: renderFailureText(error, locale)! };
	if (error instanceof DocumentRenderError)
		return { status: 503, text: renderFailureText(error, locale)! };
	if (error instanceof TemplateError)
		return {
			status: 422,
			text: `${error.file}: ${templateProblemAt(error.line, error.issue, locale)}`
		};
	if (error instanceof UnknownTemplateError) return { status: 404, text: error.message };
	if (error instanceof UnknownProjectError) return { status: 404, text: error.message };
	if (error instanceof UnknownPlanError)
		return {
			status: 404,
			text:
				'plan' in error.asked
					? m.decision_unknown_plan({ code: error.code, plan: error.asked.plan }, { locale })
					: m.decision_unknown_decision(
							{ code: error.code, number: error.asked.decision },
							{ locale }
						)
		};
	return null;
}
