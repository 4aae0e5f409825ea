import { describe, expect, it } from 'vitest';
import type { DocumentModel, ModelBlock } from './render-document';
import type { ChartName } from './template-definition';
import { toPdfmake, type PdfMetadata } from './to-pdfmake';

const PAGE: DocumentModel['page'] = {
	size: 'A4',
	orientation: 'portrait',
	margins: [60, 50, 50, 50],
	font_size: 11,
	footer: undefined
};

const META: PdfMetadata = {
	creationDate: new Date('2020-01-15T00:00:00Z'),
	keys: { fingerprint: 'sha256:abc', template: 'final-report v3' },
	lang: 'lv'
};

const CHARTS = new Map<ChartName, string>([
	['year_plan', 'data:image/png;base64,AAAA'],
	['timeline', 'data:image/png;base64,BBBB']
]);

const model = (blocks: ModelBlock[], change: Partial<DocumentModel> = {}): DocumentModel => ({
	title: 'Final report SOLID',
	page: PAGE,
	footer: null,
	blocks,
	...change
});

type Node = Record<string, unknown>;
const contentOf = (m: DocumentModel, charts = CHARTS) =>
	toPdfmake(m, charts, META).content as unknown as Node[];

const heading = (text: string, more: Partial<Extract<ModelBlock, { kind: 'heading' }>> = {}) =>
	({ kind: 'heading', text, level: 1, pageBreakBefore: false, ...more }) as const;
const text = (...lines: string[]) => ({ kind: 'text', lines, style: 'body' }) as const;
const table = (rows: string[][]): ModelBlock => ({
	kind: 'table',
	columns: [
		{ title: 'Gads', width: 40, align: 'left' },
		{ title: 'Summa', width: '*', align: 'right' }
	],
	body: rows,
	footer: null,
	empty: 'Nav.'
});

describe('the document settings', () => {
	it('writes the fixed creation date and the extra keys into the info', () => {
		const definition = toPdfmake(model([text('x')]), CHARTS, META);
		expect(definition.info).toEqual({
			title: 'Final report SOLID',
			author: 'cofund',
			creator: 'cofund',
			producer: 'cofund',
			creationDate: new Date('2020-01-15T00:00:00Z'),
			fingerprint: 'sha256:abc',
			template: 'final-report v3'
		});
	});

	it('takes the page size, orientation, margins and font size from the template', () => {
		const definition = toPdfmake(
			model([text('x')], { page: { ...PAGE, orientation: 'landscape', font_size: 10 } }),
			CHARTS,
			META
		);
		expect(definition).toMatchObject({
			pageSize: 'A4',
			pageOrientation: 'landscape',
			pageMargins: [60, 50, 50, 50],
			defaultStyle: { font: 'Roboto', fontSize: 10 }
		});
	});

	it('gives the same definition for the same model', () => {
		const m = model([heading('A'), text('x'), table([['2018', '1 EUR']])]);
		expect(JSON.stringify(toPdfmake(m, CHARTS, META))).toBe(
			JSON.stringify(toPdfmake(m, CHARTS, META))
		);
	});

	it('prints the footer of each page from the model, centred', () => {
		const definition = toPdfmake(
			model([text('x')], { footer: (page, pages) => `${page} / ${pages}` }),
			CHARTS,
			META
		);
		const footer = definition.footer as unknown as (page: number, pages: number) => Node;
		expect(footer(2, 5)).toMatchObject({ text: '2 / 5', alignment: 'center', fontSize: 8 });
		expect(toPdfmake(model([text('x')]), CHARTS, META).footer).toBeUndefined();
	});
});

describe('blocks', () => {
	it('throws when a chart block has no drawn image', () => {
		const chart: ModelBlock = {
			kind: 'chart',
			chart: 'mobility',
			title: null,
			width: 480,
			height: 200
		};
		expect(() => toPdfmake(model([chart]), CHARTS, META)).toThrow('chart mobility was not drawn');
	});

	it('places a drawn chart as an unbreakable image with its title', () => {
		const [node] = contentOf(
			model([{ kind: 'chart', chart: 'year_plan', title: 'Plāns', width: 480, height: 200 }])
		);
		expect(node).toMatchObject({
			unbreakable: true,
			stack: [
				{ text: 'Plāns', bold: true },
				{ image: 'data:image/png;base64,AAAA', fit: [480, 200] }
			]
		});
	});

	it('gives tables one header row, the column widths and the alignment of each cell', () => {
		const [node] = contentOf(model([table([['2018', '3090 EUR']])]));
		expect(node).toMatchObject({
			table: {
				headerRows: 1,
				widths: [40, '*'],
				body: [
					[
						{ text: 'Gads', bold: true },
						{ text: 'Summa', bold: true, alignment: 'right' }
					],
					[
						// Every cell is a node, to carry the structure element it is drawn into.
						{ text: '2018', pdfTag: expect.any(Number) },
						{ text: '3090 EUR', alignment: 'right' }
					]
				]
			},
			fontSize: 10
		});
	});

	it('writes the empty text across all columns of an empty table', () => {
		const [node] = contentOf(model([table([])]));
		const body = (node!.table as { body: Node[][] }).body;
		expect(body).toHaveLength(2);
		expect(body[1]![0]).toMatchObject({ text: 'Nav.', italics: true, colSpan: 2 });
	});

	it('adds the footer as a bold last row', () => {
		const block = { ...table([['2018', '1 EUR']]), footer: ['Kopā', '1 EUR'] } as ModelBlock;
		const [node] = contentOf(model([block]));
		const body = (node!.table as { body: Node[][] }).body;
		expect(body.at(-1)).toEqual([
			{ text: 'Kopā', bold: true, alignment: 'left', pdfTag: expect.any(Number) },
			{ text: '1 EUR', bold: true, alignment: 'right', pdfTag: expect.any(Number) }
		]);
	});

	it('centres a title and makes it bold', () => {
		const [node] = contentOf(model([{ kind: 'text', lines: ['A', 'B'], style: 'title' }]));
		expect(node).toMatchObject({
			stack: [{ text: 'A' }, { text: 'B' }],
			bold: true,
			alignment: 'center',
			fontSize: 13
		});
	});

	it('ends the page after a page break', () => {
		expect(contentOf(model([text('a'), { kind: 'page_break' }]))[1]).toEqual({
			text: '',
			pageBreak: 'after'
		});
	});
});

describe('headings', () => {
	it('keeps a heading with the text and chart after it in one unbreakable stack', () => {
		const content = contentOf(
			model([
				heading('3. Mobilitātes'),
				text('Apliecinām'),
				{ kind: 'chart', chart: 'timeline', title: null, width: 480, height: 170 },
				text('Paraksti')
			])
		);
		expect(content).toHaveLength(1);
		const stack = content[0]!.stack as Node[];
		expect(content[0]!.unbreakable).toBe(true);
		expect(stack).toHaveLength(4);
		expect(stack[0]).toMatchObject({ text: '3. Mobilitātes', headlineLevel: 1 });
		expect(stack[1]).toMatchObject({ stack: [{ text: 'Apliecinām' }] });
		expect(stack[2]).toMatchObject({ unbreakable: true, stack: [{ image: expect.any(String) }] });
	});

	it('keeps the first signature line with its heading and text, and lets the others follow', () => {
		const content = contentOf(
			model([
				heading('4. Apliecinājums'),
				text('Apliecinām'),
				{
					kind: 'signatures',
					signatures: [
						{ role: 'Koordinators', name: '' },
						{ role: 'Vadītājs', name: '' }
					],
					spaceBefore: 30
				}
			])
		);
		// The heading, its text and the first line move together, so neither the heading nor the
		// text ends a page without a signature; the second line follows on its own, not forced
		// onto a page of its own with the rest.
		expect(content).toHaveLength(2);
		expect(content[0]!.unbreakable).toBe(true);
		const grouped = content[0]!.stack as Node[];
		expect(grouped).toHaveLength(3);
		const firstLine = (grouped[2]!.stack as Node[])[0]!;
		expect(grouped[2]!.margin).toEqual([0, 30, 0, 0]);
		expect(firstLine.unbreakable).toBe(true);
		const second = content[1]!;
		expect(second.unbreakable).toBe(true);
		expect(second.pageBreak).toBeUndefined();
	});

	it('heads a section list with its heading, kept with the first section, and skips none', () => {
		const content = contentOf(
			model([
				heading('4. Pasākumi'),
				{
					kind: 'sections',
					sections: [
						{ heading: '1. Jette', lines: ['Norise.', 'Rezultāti.'] },
						{ heading: '2. Bulgārija', lines: ['Norise.'] }
					]
				}
			])
		);
		expect(content).toHaveLength(3);
		const first = content[0]!.stack as Node[];
		expect(content[0]!.unbreakable).toBe(true);
		expect(first.map((n) => n.text)).toEqual(['4. Pasākumi', '1. Jette', 'Norise.']);
		expect(content[1]).toMatchObject({ text: 'Rezultāti.' });
		expect((content[2]!.stack as Node[]).map((n) => n.text)).toEqual(['2. Bulgārija', 'Norise.']);
	});

	it('draws the letterhead with its logo when one is given, and the name alone otherwise', () => {
		const letterhead = model([{ kind: 'letterhead', name: 'Daugavpils pašvaldība', logo: true }]);
		const withLogo = toPdfmake(letterhead, CHARTS, { ...META, logo: 'data:image/png;base64,AA' });
		const [row] = (withLogo as unknown as { content: Node[] }).content;
		const columns = row!.columns as Node[];
		expect(columns[0]).toMatchObject({ image: 'data:image/png;base64,AA' });
		expect(columns[1]).toMatchObject({ text: 'Daugavpils pašvaldība', bold: true });
		const [plain] = (toPdfmake(letterhead, CHARTS, META) as unknown as { content: Node[] }).content;
		expect(plain!.columns as Node[]).toHaveLength(1);
	});

	it('draws no footer where the footer text comes out empty', () => {
		const numbered = {
			...model([text('a')]),
			footer: (page: number, pages: number) => (pages > 1 ? `${page}. lpp. no ${pages}` : '')
		};
		const { footer } = toPdfmake(numbered, CHARTS, META) as unknown as {
			footer: (page: number, pages: number) => unknown;
		};
		expect(footer(1, 1)).toBeNull();
		expect(footer(1, 2)).toMatchObject({ text: '1. lpp. no 2' });
	});

	it('leaves a heading before a table on its own, for the page-break rule to move', () => {
		const content = contentOf(model([heading('2. Budžets'), table([['2018', '1 EUR']])]));
		expect(content).toHaveLength(2);
		expect(content[0]).toMatchObject({ text: '2. Budžets', headlineLevel: 1 });
		expect(content[0]!.unbreakable).toBeUndefined();
		expect(content[1]!.table).toBeDefined();
	});

	it('moves a heading left last on its page to the next one', () => {
		const { pageBreakBefore } = toPdfmake(model([heading('A')]), CHARTS, META) as unknown as {
			pageBreakBefore: (
				node: { headlineLevel?: number },
				around: { getFollowingNodesOnPage(): unknown[] }
			) => boolean;
		};
		// pdfmake 0.3 hands over the nodes around as functions that walk the page.
		const following = (nodes: unknown[]) => ({ getFollowingNodesOnPage: () => nodes });
		expect(pageBreakBefore({ headlineLevel: 1 }, following([]))).toBe(true);
		expect(pageBreakBefore({ headlineLevel: 1 }, following([{}]))).toBe(false);
		expect(pageBreakBefore({}, following([]))).toBe(false);
	});

	it('starts a new landscape page with a heading that asks for it', () => {
		const [alone] = contentOf(
			model([
				heading('Pielikums', { pageBreakBefore: true, orientation: 'landscape' }),
				table([['2018', '1 EUR']])
			])
		);
		expect(alone).toMatchObject({ pageBreak: 'before', pageOrientation: 'landscape' });
	});

	it('moves the page break and orientation onto the stack a heading starts', () => {
		const [group] = contentOf(
			model([
				heading('Pielikums', { pageBreakBefore: true, orientation: 'landscape' }),
				text('3 izdevumi')
			])
		);
		expect(group).toMatchObject({
			unbreakable: true,
			pageBreak: 'before',
			pageOrientation: 'landscape'
		});
		const [inner] = group!.stack as Node[];
		expect(inner).toMatchObject({ text: 'Pielikums' });
		expect(inner).not.toHaveProperty('pageBreak');
		expect(inner).not.toHaveProperty('pageOrientation');
	});

	it('ignores an orientation without a page break', () => {
		const [node] = contentOf(model([heading('A', { orientation: 'landscape' })]));
		expect(node).not.toHaveProperty('pageBreak');
		expect(node).not.toHaveProperty('pageOrientation');
	});

	it('sizes headings by level', () => {
		const content = contentOf(
			model([heading('A', { level: 1 }), heading('B', { level: 2 }), heading('C', { level: 3 })])
		);
		expect(content.map((n) => n.fontSize)).toEqual([15, 13, 11]);
	});
});
