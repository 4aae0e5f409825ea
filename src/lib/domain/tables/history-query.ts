/**
 * The filter, sort and page of a project's two history lists as their URLs carry them: the
 * imports (kind, file name, who, date range) and the documents made (template, language, date
 * range). One schema each, read by the page that lists them. The documents page also takes a
 * preview's `template`, `lang` and `date`, so the list's keys are its own (`made_…`).
 */
import { z } from 'zod';
import {
	dateParam,
	pagedTableSchema,
	pageParam,
	paramsObject,
	readSort,
	sortAndPage,
	sortParam,
	textParam,
	toQuery,
	type Sort
} from './query-params';

export const IMPORT_SORT_COLUMNS = ['made', 'file', 'records', 'accepted'] as const;
export type ImportSortColumn = (typeof IMPORT_SORT_COLUMNS)[number];

export const importQuerySchema = pagedTableSchema(IMPORT_SORT_COLUMNS, '-made').extend({
	kind: z.enum(['expenses', 'participation']).optional().catch(undefined),
	/** `live` hides the reverted imports, `reverted` shows only them. */
	state: z.enum(['live', 'reverted']).optional().catch(undefined)
});
export type ImportQuery = z.output<typeof importQuerySchema>;

export const DOCUMENT_SORT_COLUMNS = ['made', 'template', 'lang'] as const;
export type DocumentSortColumn = (typeof DOCUMENT_SORT_COLUMNS)[number];

export const documentQuerySchema = z
	.object({
		made_template: textParam,
		made_lang: z.enum(['lv', 'en']).optional().catch(undefined),
		made_from: dateParam,
		made_to: dateParam,
		made_sort: sortParam(DOCUMENT_SORT_COLUMNS, '-made'),
		made_page: pageParam
	})
	.transform((q) => ({
		template: q.made_template,
		lang: q.made_lang,
		from: q.made_from,
		to: q.made_to,
		sort: q.made_sort,
		page: q.made_page
	}));
export type DocumentQuery = z.output<typeof documentQuerySchema>;

export const readImportQuery = (q: URLSearchParams): ImportQuery =>
	importQuerySchema.parse(paramsObject(q));
export const readDocumentQuery = (q: URLSearchParams): DocumentQuery =>
	documentQuerySchema.parse(paramsObject(q));

export const importSort = (q: ImportQuery): Sort<ImportSortColumn> => readSort(q.sort);
export const documentSort = (q: DocumentQuery): Sort<DocumentSortColumn> => readSort(q.sort);

export function importQueryString(q: Partial<ImportQuery>): string {
	return toQuery({
		q: q.q,
		kind: q.kind,
		state: q.state,
		from: q.from,
		to: q.to,
		...sortAndPage(q, '-made')
	});
}

export function documentQueryString(q: Partial<DocumentQuery>): string {
	return toQuery({
		made_template: q.template,
		made_lang: q.lang,
		made_from: q.from,
		made_to: q.to,
		made_sort: q.sort === '-made' ? undefined : q.sort,
		made_page: q.page === 1 ? undefined : q.page
	});
}
