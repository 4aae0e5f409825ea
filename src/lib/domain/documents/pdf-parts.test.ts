import { describe, expect, it } from 'vitest';
import type { Content } from 'pdfmake/interfaces';
import { isLongTable, layOutInParts, type LaidPage, type PartSteps, type Piece } from './pdf-parts';
import { StructTree } from './pdf-tags';
import { dataRows } from './pdfmake-tables';
import type { ModelBlock } from './render-document';

/** A page as the fake layout makes it: what it holds, as text, and the tags it draws. */
interface FakePage extends LaidPage {
	pageSize: { orientation: string };
	texts: string[];
	/** What footers were drawn onto it. */
	footers: unknown[];
}

type Node = {
	text?: string;
	pdfTag?: number;
	table?: { body: Node[][] };
	pageOrientation?: string;
};

/**
 * A stand-in for pdfmake: every text and table row takes one line of a page that holds
 * `perPage`; a table's header row is repeated at the top of each page it runs onto.
 */
function fakeSteps(perPage: number) {
	const laidRows: number[] = [];
	const drawn: FakePage[] = [];
	const steps: PartSteps = {
		layout(content, firstPageSize) {
			const pages: FakePage[] = [];
			let size = (firstPageSize as FakePage['pageSize'] | undefined) ?? { orientation: 'portrait' };
			const newPage = () => pages.push({ pageSize: size, items: [], texts: [], footers: [] });
			const put = (text: string, tag?: number, header?: string) => {
				if (!pages.length || pages.at(-1)!.texts.length >= perPage) {
					newPage();
					if (header) pages.at(-1)!.texts.push(header);
				}
				pages.at(-1)!.texts.push(text);
				pages.at(-1)!.items.push({ type: 'line', item: { _pdfTag: tag } });
			};
			let rows = 0;
			for (const node of content as unknown as Node[]) {
				if (node.pageOrientation) {
					size = { orientation: node.pageOrientation };
					newPage();
				}
				if (!node.table) {
					put(node.text!, node.pdfTag);
					continue;
				}
				const [head, ...body] = node.table.body;
				const header = `[${head!.map((c) => c.text).join('|')}]`;
				put(header, head![0]!.pdfTag);
				for (const row of body) put(row.map((c) => c.text).join('|'), row[0]!.pdfTag, header);
				rows += body.length;
			}
			laidRows.push(rows);
			return pages;
		},
		render(pages) {
			drawn.push(...(pages as FakePage[]));
		},
		layoutFooter(pageSize, footer) {
			// pdfmake hands a lone footer page number 1 of 1: the numbers must come from the parts.
			const page = { pageSize, items: [], texts: [], footers: [footer(1, 1, pageSize)] };
			return [page as unknown as FakePage];
		},
		renderOnto(index, pages) {
			drawn[index]!.footers.push(...(pages as FakePage[]).flatMap((p) => p.footers));
		}
	};
	return { steps, laidRows, drawn };
}

const table = (rows: number): Extract<ModelBlock, { kind: 'table' }> => ({
	kind: 'table',
	columns: [
		{ title: 'No.', width: 20, align: 'left' },
		{ title: 'Sum', width: 40, align: 'right' }
	],
	body: Array.from({ length: rows }, (_, r) => [`row ${r}`, `${r} EUR`]),
	footer: ['Total', 'all'],
	empty: null
});

/** What one long layout of everything would draw: the reference the parts must match. */
function wholeLayout(pieces: Piece[], perPage: number): string[][] {
	const { steps, drawn } = fakeSteps(perPage);
	const content = pieces.map((p) => (isLongTable(p) ? p.longTable.slice(0, p.longTable.rows) : p));
	steps.render(steps.layout(content as Content[], undefined) as FakePage[]);
	return drawn.map((p) => p.texts);
}

function document(rows: number) {
	const tree = new StructTree();
	const pieces: Piece[] = [
		{ text: 'Report' } as Content,
		{ text: 'Appendix', pageOrientation: 'landscape' } as Content,
		{ longTable: dataRows(table(rows), 10, tree) },
		{ text: 'Signed' } as Content
	];
	return { pieces, tree };
}

describe('a long table laid out a part at a time', () => {
	it('draws the pages one long layout would, each row once, with footers numbered over all', () => {
		const { pieces } = document(23);
		const { steps, laidRows, drawn } = fakeSteps(6);
		layOutInParts(pieces, steps, (current, pages) => [current, pages], 7);

		expect(drawn.map((p) => p.texts)).toEqual(wholeLayout(pieces, 6));
		const rows = drawn.flatMap((p) => p.texts).filter((t) => t.startsWith('row '));
		expect(rows).toEqual(Array.from({ length: 23 }, (_, r) => `row ${r}|${r} EUR`));
		// No layout held more than a part's rows (each part's first layout may carry a few more).
		expect(Math.max(...laidRows)).toBeLessThanOrEqual(7);
		// The appendix's pages stay landscape across the parts.
		expect(drawn.slice(1).every((p) => p.pageSize.orientation === 'landscape')).toBe(true);
		// Each drawn page gets one footer, drawn after its content, numbered over the whole document.
		expect(drawn.map((p) => p.footers)).toEqual(drawn.map((_, i) => [[i + 1, drawn.length]]));
	});

	it('keeps the continued header out of the structure: it is tagged only where the table starts', () => {
		const { pieces } = document(10);
		const long = (pieces[2] as { longTable: ReturnType<typeof dataRows> }).longTable;
		const head = (content: Content) =>
			(content as unknown as { table: { body: Node[][] } }).table.body[0]!;
		expect(head(long.slice(0, 4)).every((c) => typeof c.pdfTag === 'number')).toBe(true);
		expect(head(long.slice(4, 8)).every((c) => c.pdfTag === undefined)).toBe(true);
		// The total row comes with the last run only.
		const last = (content: Content) =>
			(content as unknown as { table: { body: Node[][] } }).table.body.at(-1)![0]!.text;
		expect(last(long.slice(4, 8))).toBe('row 7');
		expect(last(long.slice(8, 10))).toBe('Total');
		// A drawn row's tag names its row.
		expect(long.rowOf(head(long.slice(0, 10)).at(0)!.pdfTag!)).toBeUndefined();
		const fifth = (long.slice(5, 6) as unknown as { table: { body: Node[][] } }).table.body[1]!;
		expect(long.rowOf(fifth[0]!.pdfTag!)).toBe(5);
	});

	it('moves on when a part’s rows all fit on its last page, so a part never loops', () => {
		const { pieces } = document(12);
		const { steps, drawn } = fakeSteps(50);
		layOutInParts(pieces, steps, undefined, 5);
		const rows = drawn.flatMap((p) => p.texts).filter((t) => t.startsWith('row '));
		expect(rows).toHaveLength(12);
		expect(new Set(rows).size).toBe(12);
	});

	it('lays the same pieces out into the same pages every time', () => {
		const runs = [1, 2].map(() => {
			const { pieces } = document(40);
			const { steps, drawn } = fakeSteps(9);
			layOutInParts(pieces, steps, undefined, 11);
			return drawn.map((p) => p.texts);
		});
		expect(runs[0]).toEqual(runs[1]);
	});
});
