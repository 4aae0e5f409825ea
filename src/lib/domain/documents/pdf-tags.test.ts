import { describe, expect, it } from 'vitest';
import { headingType, StructTree, type StructNode } from './pdf-tags';
import type { DocumentModel, ModelBlock } from './render-document';
import { CELL_TAGGED_ROWS } from './pdfmake-tables';
import { toPdfmake } from './to-pdfmake';

const model = (blocks: ModelBlock[]): DocumentModel => ({
	title: 'Annex',
	page: { size: 'A4', orientation: 'portrait', margins: [60, 50, 50, 50], font_size: 11 },
	footer: () => '1 / 1',
	blocks
});
const META = { creationDate: new Date('2020-01-15T00:00:00Z'), keys: {}, lang: 'lv' };
const CHARTS = new Map([['year_plan', 'data:image/png;base64,AAAA']] as const);

/** The tree as nested type names, `Type(child, child)`, for a compact comparison. */
const shape = (node: StructNode): string =>
	node.children.length === 0
		? node.type
		: `${node.type}(${node.children.map((child) => shape(child)).join(', ')})`;

/** Every `pdfTag` in a definition's content, wherever it is nested. */
function tagsIn(value: unknown, found: number[] = []): number[] {
	if (Array.isArray(value)) for (const item of value) tagsIn(item, found);
	else if (value && typeof value === 'object')
		for (const [key, inner] of Object.entries(value))
			if (key === 'pdfTag') found.push(inner as number);
			else tagsIn(inner, found);
	return found;
}

const BLOCKS: ModelBlock[] = [
	{ kind: 'letterhead', name: 'Daugavpils pilsētas dome', logo: true },
	{ kind: 'text', lines: ['Projekta apraksts', 'Description'], style: 'title' },
	{ kind: 'text', lines: ['Pirmā rinda.', 'Otrā rinda.'], style: 'body' },
	{ kind: 'heading', text: '1. Budžets', level: 1, pageBreakBefore: false },
	{
		kind: 'rows',
		labelWidth: 150,
		rows: [
			{ label: ['Termiņš:'], text: ['01.01.2018. – 15.11.2019.'] },
			{ label: ['Partneri:'], text: ['1. Daugavpils', '2. Jette'] }
		]
	} as ModelBlock,
	{
		kind: 'table',
		columns: [
			{ title: 'Gads', width: 40, align: 'left' },
			{ title: 'Summa', width: '*', align: 'right' }
		],
		body: [
			['2018', '1100 EUR'],
			['2019', '400 EUR']
		],
		footer: ['Kopā', '1500 EUR'],
		empty: null
	} as ModelBlock,
	{ kind: 'chart', chart: 'year_plan', title: 'Plāns pret faktu', width: 400, height: 200 },
	{ kind: 'sections', sections: [{ heading: '1. Jette', lines: ['Norise.'] }] },
	{
		kind: 'signatures',
		signatures: [{ role: 'Koordinators', name: 'I. Kalniņa' }],
		spaceBefore: 20
	}
];

describe('the structure tree of a document', () => {
	const definition = toPdfmake(model(BLOCKS), CHARTS, {
		...META,
		logo: 'data:image/png;base64,AA'
	});

	it('names headings, paragraphs, tables with rows and cells, and figures, in reading order', () => {
		expect(shape(definition.structure)).toBe(
			'Document(' +
				['Figure', 'P', 'H1', 'P', 'P', 'H2'].join(', ') +
				', Table(TR(TH, TD), TR(TH, TD(P, P)))' +
				', Table(THead(TR(TH, TH)), TBody(TR(TD, TD), TR(TD, TD)), TFoot(TR(TD, TD)))' +
				', P, Figure, H3, P, P, P)'
		);
	});

	it('gives figures their alternative text and header cells their scope', () => {
		const all: StructNode[] = [];
		StructTree.walk(definition.structure, (node) => all.push(node));
		expect(all.filter((n) => n.type === 'Figure').map((n) => n.alt)).toEqual([
			'Daugavpils pilsētas dome',
			'Plāns pret faktu'
		]);
		expect(all.filter((n) => n.type === 'TH').map((n) => n.scope)).toEqual([
			'Row',
			'Row',
			'Column',
			'Column'
		]);
	});

	it('tags content only into leaves of the tree, each leaf once or more, ids unique', () => {
		const all: StructNode[] = [];
		StructTree.walk(definition.structure, (node) => all.push(node));
		const ids = all.map((n) => n.id);
		expect(new Set(ids).size).toBe(ids.length);
		const leaves = new Set(all.filter((n) => n.children.length === 0).map((n) => n.id));
		const tags = tagsIn(definition.content);
		expect(tags.every((tag) => leaves.has(tag))).toBe(true);
		expect([...leaves].every((leaf) => tags.includes(leaf))).toBe(true);
	});

	it('writes the document language and leaves the footer untagged, an artifact', () => {
		expect(definition.language).toBe('lv');
		const footer = definition.footer as (page: number, pages: number) => object;
		expect(tagsIn(footer(1, 1))).toEqual([]);
	});

	it('spans the empty-table cell over its columns in the tree too', () => {
		const empty = toPdfmake(
			model([
				{ ...(BLOCKS[5] as object), body: [], footer: null, empty: 'Nav.' } as unknown as ModelBlock
			]),
			CHARTS,
			META
		);
		const body = empty.structure.children[0]!.children[1]!;
		expect(body.children[0]!.children).toEqual([
			expect.objectContaining({ type: 'TD', colSpan: 2 })
		]);
	});

	it('tags a long table a row at a time, one cell spanning each row', () => {
		const rows = Array.from({ length: CELL_TAGGED_ROWS + 1 }, (_, i) => [`${i}`, '1 EUR']);
		const long = toPdfmake(
			model([{ ...(BLOCKS[5] as object), body: rows, footer: null } as unknown as ModelBlock]),
			CHARTS,
			META
		);
		const [head, body] = long.structure.children[0]!.children;
		expect(shape(head!)).toBe('THead(TR(TH, TH))');
		expect(body!.children).toHaveLength(rows.length);
		for (const tr of body!.children)
			expect(tr.children).toEqual([expect.objectContaining({ type: 'TD', colSpan: 2 })]);
		// At the limit, still a cell at a time.
		const short = toPdfmake(
			model([
				{ ...(BLOCKS[5] as object), body: rows.slice(1), footer: null } as unknown as ModelBlock
			]),
			CHARTS,
			META
		);
		expect(short.structure.children[0]!.children[1]!.children[0]!.children).toHaveLength(2);
	});

	it('gives the same tree for the same model', () => {
		const again = toPdfmake(model(BLOCKS), CHARTS, { ...META, logo: 'data:image/png;base64,AA' });
		expect(JSON.stringify(again.structure)).toBe(JSON.stringify(definition.structure));
	});

	it('puts headings under the title: level 1 is H2, deeper ones H3 and H4', () => {
		expect([1, 2, 3, 4].map(headingType)).toEqual(['H2', 'H3', 'H4', 'H4']);
	});
});
