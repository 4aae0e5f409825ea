/**
 * Every template's current version as the pages list it: name and description in the reader's
 * language, languages, version and origin. A template whose current text does not parse is
 * listed with its problem instead, so one broken template never hides the others. When the
 * newest version failed to render, the summary is of the last good version, and says so.
 */
import { textIn } from '$lib/domain/documents/parse-template';
import type { Author } from '$lib/domain/author';
import type { Locale } from '$lib/domain/locale';
import { m } from '$lib/paraglide/messages.js';
import type { Database } from '../db';
import { authorsOf } from '../people/authors';
import { failureMarkText } from './render-failure';
import { listTemplates } from './template-store';
import { usableTemplate } from './template-failures';

export interface TemplateSummary {
	id: string;
	name: string;
	description: string;
	languages: Locale[];
	/** Whether it reads the plan: then the reader picks the plan version it is made from. */
	readsPlan: boolean;
	version: number;
	origin: 'file' | 'edit';
	createdBy: Author;
	createdAt: Date | null;
	problem: string | null;
	/** The newest version, when it failed to render and `version` is the one used instead. */
	failedVersion: number | null;
	/** What failed and which version documents are made from instead, in the reader's language. */
	failure: string | null;
}

export async function templateSummaries(db: Database, locale: Locale): Promise<TemplateSummary[]> {
	const summaries = await Promise.all(
		(await listTemplates(db)).map(async ({ id }): Promise<TemplateSummary> => {
			try {
				const { template: t, skipped } = await usableTemplate(db, id);
				const { definition } = t.parsed;
				const failure = skipped
					? m.template_failure_skipped(
							{
								version: skipped.version,
								used: t.version,
								problem: failureMarkText(skipped, `${id} v${skipped.version}`, locale)
							},
							{ locale }
						)
					: null;
				return {
					id,
					name: textIn(definition.name, locale) ?? id,
					description: definition.description ? (textIn(definition.description, locale) ?? '') : '',
					languages: definition.languages,
					readsPlan: definition.data.includes('plan'),
					version: t.version,
					origin: t.origin,
					createdBy: { email: t.createdBy, name: null },
					createdAt: t.createdAt,
					problem: null,
					failedVersion: skipped?.version ?? null,
					failure
				};
			} catch (cause) {
				return {
					id,
					name: id,
					description: '',
					languages: [],
					readsPlan: false,
					version: 0,
					origin: 'file',
					createdBy: { email: '', name: null },
					createdAt: null,
					problem: (cause as Error).message,
					failedVersion: null,
					failure: null
				};
			}
		})
	);
	const authorOf = await authorsOf(
		db,
		summaries.map((t) => t.createdBy.email)
	);
	return summaries.map((t) => ({ ...t, createdBy: authorOf(t.createdBy.email) }));
}

/** Each template's name in the reader's language, by id: how Verify names a document's template. */
export async function templateNames(db: Database, locale: Locale): Promise<Record<string, string>> {
	const summaries = await templateSummaries(db, locale);
	return Object.fromEntries(summaries.map((t) => [t.id, t.name]));
}
