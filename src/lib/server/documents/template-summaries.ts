/**
 * Every template's current version as the pages list it: name and description in the reader's
 * language, languages, version and origin. A template whose current text does not parse is
 * listed with its problem instead, so one broken template never hides the others.
 */
import { textIn } from '$lib/domain/documents/parse-template';
import type { Locale } from '$lib/domain/locale';
import type { Database } from '../db';
import { currentTemplate, listTemplates } from './template-store';

export interface TemplateSummary {
	id: string;
	name: string;
	description: string;
	languages: Locale[];
	version: number;
	origin: 'file' | 'edit';
	createdBy: string;
	createdAt: Date | null;
	problem: string | null;
}

export async function templateSummaries(db: Database, locale: Locale): Promise<TemplateSummary[]> {
	return Promise.all(
		(await listTemplates(db)).map(async ({ id }): Promise<TemplateSummary> => {
			try {
				const t = await currentTemplate(db, id);
				const { definition } = t.parsed;
				return {
					id,
					name: textIn(definition.name, locale) ?? id,
					description: definition.description ? (textIn(definition.description, locale) ?? '') : '',
					languages: definition.languages,
					version: t.version,
					origin: t.origin,
					createdBy: t.createdBy,
					createdAt: t.createdAt,
					problem: null
				};
			} catch (cause) {
				return {
					id,
					name: id,
					description: '',
					languages: [],
					version: 0,
					origin: 'file',
					createdBy: '',
					createdAt: null,
					problem: (cause as Error).message
				};
			}
		})
	);
}
