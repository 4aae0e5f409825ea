/**
 * Lays out the two kinds of table as pdfmake nodes, each with its structure elements: the
 * labelled fields (`rows`: a label heading its row, then the text) and data tables (a header
 * row repeated on every page, the body, an optional total row). Part of `to-pdfmake`.
 */
import type { Content, TableCell } from 'pdfmake/interfaces';
import { tagged, type StructNode, type StructTree } from './pdf-tags';
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

/**
 * A data table's structure elements, made once, and its pdfmake table for any run of its body
 * rows: the whole body at once, or a part at a time when the table is long (`pdf-parts`).
 */
export interface DataRows {
	/** Body rows. */
	readonly rows: number;
	/**
	 * The table with body rows [from, to): the first run with its tagged header, a later one with
	 * the header as drawn on a later page (an artifact); the last run with the total row.
	 */
	slice(from: number, to: number): Content;
	/** The body row a drawn item's tag belongs to, when it is one of this table's. */
	rowOf(tag: number): number | undefined;
}

/**
 * A body longer than this is laid out a part at a time (`pdf-parts`), with rows that never break
 * over a page, so that a part ends where a page does.
 */
export const PART_ROWS = 2000;

/** A data table: THead with column header cells, TBody, and TFoot for the total row. */
export function dataRows(b: Block<'table'>, base: number, tree: StructTree): DataRows {
	const grid = tree.add(tree.root, 'Table');
	const headRow = tree.add(tree.add(grid, 'THead'), 'TR');
	const heads = b.columns.map(() => tree.add(headRow, 'TH', { scope: 'Column' }));
	const header = (tags: boolean): TableCell[] =>
		b.columns.map((c, i) => {
			const cell = { text: c.title, bold: true, fillColor: '#eeeeee', alignment: c.align };
			return tags ? tagged(cell, heads[i]!) : cell;
		});
	const tbody = tree.add(grid, 'TBody');
	const aligned = b.columns.map((c) => c.align !== 'left');
	const byCell = b.body.length <= CELL_TAGGED_ROWS;
	// Each body row's elements: its cells', or the one cell spanning it.
	const tags: StructNode[][] = b.body.map((cells) => {
		const tr = tree.add(tbody, 'TR');
		return byCell
			? cells.map(() => tree.add(tr, 'TD'))
			: [tree.add(tr, 'TD', { colSpan: cells.length })];
	});
	const row = (r: number): TableCell[] =>
		b.body[r]!.map((text, i) =>
			tagged(
				aligned[i] ? { text, alignment: b.columns[i]!.align } : { text },
				tags[r]![byCell ? i : 0]!
			)
		);
	const empty: TableCell[][] = [];
	if (b.body.length === 0 && b.empty)
		empty.push([
			tagged(
				{ text: b.empty, italics: true, colSpan: b.columns.length },
				tree.add(tree.add(tbody, 'TR'), 'TD', { colSpan: b.columns.length })
			),
			...b.columns.slice(1).map(() => ({ text: '' }))
		]);
	const total: TableCell[][] = [];
	if (b.footer) {
		const tr = tree.add(tree.add(grid, 'TFoot'), 'TR');
		total.push(
			b.footer.map((text, i) =>
				tagged({ text, bold: true, alignment: b.columns[i]?.align ?? 'left' }, tree.add(tr, 'TD'))
			)
		);
	}
	const long = b.body.length > PART_ROWS;
	let rowOfTag: Map<number, number> | undefined;
	return {
		rows: b.body.length,
		slice(from, to) {
			const first = from === 0;
			const last = to >= b.body.length;
			const body = Array.from({ length: to - from }, (_, k) => row(from + k));
			return {
				table: {
					headerRows: 1,
					...(long ? { dontBreakRows: true } : {}),
					widths: b.columns.map((c) => c.width),
					body: [header(first), ...body, ...(last ? [...empty, ...total] : [])]
				},
				layout: 'lightHorizontalLines',
				fontSize: b.fontSize ?? base - 1,
				margin: [0, first ? 4 : 0, 0, last ? 10 : 0]
			} as Content;
		},
		rowOf(tag) {
			rowOfTag ??= new Map(tags.flatMap((t, r) => t.map((node) => [node.id, r] as const)));
			return rowOfTag.get(tag);
		}
	};
}

/** A data table laid out whole. */
export function dataTable(b: Block<'table'>, base: number, tree: StructTree): Content {
	return dataRows(b, base, tree).slice(0, b.body.length);
}
