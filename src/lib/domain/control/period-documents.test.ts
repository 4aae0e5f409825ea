import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { solidDefinition } from '$tests/factories/projects';
import { fromPackageRoot } from '../../server/package-root';
import { buildContext, type ContextOptions } from '../documents/build-context';
import type { DocumentData } from '../documents/document-data';
import { compileTemplate, parseTemplate } from '../documents/parse-template';
import { renderDocument, type ModelBlock } from '../documents/render-document';
import type { Locale } from '../locale';
import { reportNarratives } from '../report/narratives';

const options = (lang: Locale, template: string): ContextOptions => ({
	lang,
	date: '2020-01-15',
	template,
	version: 1,
	expenseLimit: 100,
	csvLink: '/projects/SOLID/expenses.csv'
});

const closed: DocumentData['closedPeriods'] = [
	{ starts: '2018-01-01', ends: '2018-12-31', closedOn: '2019-01-15', closedBy: 'a@x.lv' },
	{ starts: '2019-03-01', ends: '2019-06-30', closedOn: '2019-07-02', closedBy: 'a@x.lv' }
];

/** SOLID with no rows yet: what every template can be made from. */
const bare = (): DocumentData => ({
	plan: solidDefinition(),
	expenses: [],
	trips: [],
	narratives: reportNarratives([])
});

/** The text of the rows block's row with this label, as the template renders it. */
function rowText(template: string, lang: Locale, data: DocumentData, label: string) {
	const source = readFileSync(fromPackageRoot(`templates/${template}.yaml`), 'utf8');
	const model = renderDocument(
		compileTemplate(parseTemplate(`${template}.yaml`, source), lang),
		buildContext(data, options(lang, template))
	);
	const rows = model.blocks.filter(
		(b): b is Extract<ModelBlock, { kind: 'rows' }> => b.kind === 'rows'
	);
	return rows.flatMap((b) => b.rows).find((row) => row.label.join(' ') === label)?.text;
}

describe('documents made for a closed period say so', () => {
	for (const template of ['final-report', 'council-annex']) {
		it(`${template}: names each closed period and the day it was closed, LV and EN`, () => {
			const data = { ...bare(), closedPeriods: closed };
			expect(rowText(template, 'lv', data, 'Izmaiņām slēgtie periodi:')).toEqual([
				'2018 (slēgts 15.01.2019.); 01.03.2019. – 30.06.2019. (slēgts 02.07.2019.)'
			]);
			expect(rowText(template, 'en', data, 'Periods closed to changes:')).toEqual([
				'2018 (closed 15 Jan 2019); 1 March 2019 – 30 June 2019 (closed 2 Jul 2019)'
			]);
		});

		it(`${template}: has no such line when no period is closed`, () => {
			const data = bare();
			expect(rowText(template, 'en', data, 'Periods closed to changes:')).toBeUndefined();
		});
	}
});
