/**
 * Lays out the two kinds of table as pdfmake nodes, each with its structure elements: the
 * labelled fields (`rows`: a label heading its row, then the text) and data tables (a header
 * row repeated on every page, the body, an optional total row). Part of `to-pdfmake`.
 */
import type { Content, TableCell } from 'pdfmake/interfaces';
import { tagged, type StructTree } from './pdf-tags';
import type { ModelBlock } from './render-document';

export const RULE = '#9a9a9a';

/**
 * A body longer than this is tagged a row at a time (one cell spanning the row) instead of a
 * cell at a time. pdfkit writes each structure element as an object of its own, about 90
 * bytes, so a 20,000-row appendix tagged by cell would grow by some 12 MB, past what the
 * Verify page accepts; by row it grows by a fifth of that, and its rows stay in reading order.
 */
export const CELL_TAGGED_ROWS = 1000;

type Block<K extends ModelBlock['kind']> = Extract<ModelBlock, { kind: K }>;

/** Labelled fields: a table whose first cell heads its row. */
export function rowsTable(b: Block<'rows'>, tree: StructTree): Content {
	const grid = tree.add(tree.root, 'Table');
	return {
		table: {
			widths: [b.labelWidth, '*'],
			dontBreakRows: true,
			body: b.rows.map((row) => {
				const tr = tree.add(grid, 'TR');
				const th = tree.add(tr, 'TH', { scope: 'Row' });
				const td = tree.add(tr, 'TD');
				// Each of a field's lines is a paragraph of its own (one partner, one sum), so a
				// reader does not run the last word of one into the first of the next.
				const paragraph = (line: string) => {
					const node = { text: line, margin: [0, 0, 0, 2] };
					return row.text.length > 1 ? tagged(node, tree.add(td, 'P')) : node;
				};
				return [
					tagged({ stack: row.label, bold: true }, th),
					row.text.length > 1
						? { stack: row.text.map(paragraph) }
						: tagged({ stack: row.text.map(paragraph) }, td)
				];
			})
		},
		layout: {
			hLineWidth: (i: number, node: { table: { body: unknown[] } }) =>
				i === 0 || i === node.table.body.length ? 0 : 0.5,
			vLineWidth: () => 0,
			hLineColor: () => RULE,
			paddingTop: () => 6,
			paddingBottom: () => 6,
			paddingLeft: (i: number) => (i === 0 ? 0 : 8),
			paddingRight: (i: number) => (i === 0 ? 8 : 0)
		},
		margin: [0, b.spaceBefore ?? 4, 0, 4]
	} as Content;
}

/** A data table: THead with column header cells, TBody, and TFoot for the total row. */
export function dataTable(b: Block<'table'>, base: number, tree: StructTree): Content {
	const grid = tree.add(tree.root, 'Table');
	const headRow = tree.add(tree.add(grid, 'THead'), 'TR');
	const header: TableCell[] = b.columns.map((c) =>
		tagged(
			{ text: c.title, bold: true, fillColor: '#eeeeee', alignment: c.align },
			tree.add(headRow, 'TH', { scope: 'Column' })
		)
	);
	const tbody = tree.add(grid, 'TBody');
	const aligned = b.columns.map((c) => c.align !== 'left');
	const byCell = b.body.length <= CELL_TAGGED_ROWS;
	const body: TableCell[][] = b.body.map((cells) => {
		const tr = tree.add(tbody, 'TR');
		const row = byCell ? undefined : tree.add(tr, 'TD', { colSpan: cells.length });
		return cells.map((text, i) =>
			tagged(
				aligned[i] ? { text, alignment: b.columns[i]!.align } : { text },
				row ?? tree.add(tr, 'TD')
			)
		);
	});
	if (body.length === 0 && b.empty)
		body.push([
			tagged(
				{ text: b.empty, italics: true, colSpan: b.columns.length },
				tree.add(tree.add(tbody, 'TR'), 'TD', { colSpan: b.columns.length })
			),
			...b.columns.slice(1).map(() => ({ text: '' }))
		]);
	if (b.footer) {
		const tr = tree.add(tree.add(grid, 'TFoot'), 'TR');
		body.push(
			b.footer.map((text, i) =>
				tagged({ text, bold: true, alignment: b.columns[i]?.align ?? 'left' }, tree.add(tr, 'TD'))
			)
		);
	}
	return {
		table: { headerRows: 1, widths: b.columns.map((c) => c.width), body: [header, ...body] },
		layout: 'lightHorizontalLines',
		fontSize: b.fontSize ?? base - 1,
		margin: [0, 4, 0, 10]
	} as Content;
}
