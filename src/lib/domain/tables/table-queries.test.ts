import { describe, expect, it } from 'vitest';
import { controlFigures } from '../dashboard/control-figures';
import type { PortfolioProject } from '../dashboard/portfolio';
import { auditQueryString, readAuditQuery } from './audit-query';
import { documentQueryString, readDocumentQuery, readImportQuery } from './history-query';
import { readPortfolioQuery, selectPortfolioProjects } from './portfolio-query';
import { readTripQuery, tripQueryString } from './trip-query';

const params = (q: string) => new URLSearchParams(q);

describe('the other tables’ URLs', () => {
	it('trips: the mobility figure’s link, the filter bar, and a round trip', () => {
		expect(readTripQuery(params('event=3'))).toMatchObject({
			event: 3,
			sort: 'departure',
			page: 1
		});
		const query = readTripQuery(params('q=Inese&status=done&from=2018-01-01&sort=-person&page=2'));
		expect(query).toMatchObject({
			q: 'Inese',
			status: 'done',
			from: '2018-01-01',
			sort: '-person'
		});
		expect(readTripQuery(params(tripQueryString(query)))).toEqual(query);
		expect(readTripQuery(params('status=lost&sort=city'))).toMatchObject({
			status: undefined,
			sort: 'departure'
		});
	});

	it('audit: the filters the page, the CSV and the CLI read, with text and order', () => {
		const query = readAuditQuery(
			params('q=ledger&project=SOLID&action=import.commit&to=2026-12-01&order=oldest&page=2')
		);
		expect(query).toEqual({
			q: 'ledger',
			action: 'import.commit',
			actor: undefined,
			project: 'SOLID',
			object: undefined,
			from: undefined,
			to: '2026-12-01',
			order: 'oldest',
			page: 2
		});
		expect(readAuditQuery(params(auditQueryString(query)))).toEqual(query);
		expect(readAuditQuery(params('from=yesterday&order=random'))).toMatchObject({
			from: undefined,
			order: 'newest'
		});
	});

	it('imports and documents: their own keys, beside a preview’s template and lang', () => {
		expect(readImportQuery(params('kind=expenses&state=reverted&sort=file'))).toMatchObject({
			kind: 'expenses',
			state: 'reverted',
			sort: 'file'
		});
		const documents = readDocumentQuery(
			params('template=annex&lang=en&made_template=final-report&made_lang=lv&made_page=2')
		);
		expect(documents).toMatchObject({
			template: 'final-report',
			lang: 'lv',
			page: 2,
			sort: '-made'
		});
		expect(documentQueryString(documents)).toBe(
			'made_template=final-report&made_lang=lv&made_page=2'
		);
	});

	it('portfolio: searches code and titles, keeps those that need attention, sorts by a figure', () => {
		const project = (
			code: string,
			execution: number | null,
			attention: number
		): PortfolioProject => ({
			code,
			title: { lv: `Projekts ${code}`, en: `Project ${code}` },
			currency: 'EUR',
			plan: 1000,
			actual: 500,
			execution,
			mobilityPlanned: 1,
			mobilityDone: 1,
			completion: 1,
			attention: Array.from({ length: attention }, () => ({ kind: 'events-behind', count: 1 })),
			control: controlFigures([], []).total
		});
		const all = [project('B', 0.5, 1), project('A', 0.9, 0), project('C', null, 2)];
		const pick = (q: string) =>
			selectPortfolioProjects(all, readPortfolioQuery(params(q))).map((p) => p.code);
		expect(pick('')).toEqual(['A', 'B', 'C']);
		expect(pick('sort=-execution')).toEqual(['A', 'B', 'C']);
		expect(pick('sort=execution')).toEqual(['B', 'A', 'C']);
		expect(pick('attention=needs')).toEqual(['B', 'C']);
		expect(pick('q=project b')).toEqual(['B']);
	});
});
