/**
 * Lays a document with a long table out a part at a time, so that memory holds one part's layout,
 * not the whole document's: a part is what comes before the table and its first `PART_ROWS` rows,
 * then the next rows, and so on, with what follows the table in the last part.
 *
 * pdfmake lays a document out whole before it draws a line, and its layout of a row costs some
 * 30 kB; a 20,000-row appendix would hold 600 MB of it at once. Here each part is laid out, drawn
 * into the one PDF and let go. A part ends where a page does: its last page, with rows that run
 * on, is not drawn, and the next part starts from the first row on it, on a page of its size. So
 * the pages are those of one long layout, and the structure tree is one tree (its rows are made
 * once, before any part). Footers need the page count, so the pages stay open (a few tens of kB
 * each) and every page's footer is laid out and drawn onto it once all are counted, last on the
 * page as pdfmake itself draws it. Same inputs, same parts, same bytes.
 */
import type { Content } from 'pdfmake/interfaces';
import { PART_ROWS, type DataRows } from './pdfmake-tables';

/** A long table among a document's content, laid out in parts. */
export interface LongTable {
	longTable: DataRows;
}

/** What a document's content is made of when it has a long table. */
export type Piece = Content | LongTable;

export function isLongTable(piece: Piece): piece is LongTable {
	return typeof piece === 'object' && piece !== null && 'longTable' in piece;
}

/** A page as pdfmake laid it out: its size, and the tags of what it draws. */
export interface LaidPage {
	pageSize: unknown;
	items: { type: string; item?: { _pdfTag?: number } }[];
}

export type Footer = (current: number, pages: number, pageSize: unknown) => unknown;

/** What pdfmake does for a part (the `layoutInParts` hook of the patched printer). */
export interface PartSteps<P extends LaidPage = LaidPage> {
	/** Lays content out, without footers, from a first page of the given size (else the document's). */
	layout(content: Content[], firstPageSize: unknown): P[];
	/** Draws pages into the document, after those drawn before. */
	render(pages: P[]): void;
	/** Lays out a footer alone, on one page of the given size. */
	layoutFooter(pageSize: unknown, footer: Footer): P[];
	/** Draws a laid-out page onto the document's page `index` (from 0), after what it has. */
	renderOnto(index: number, pages: P[]): void;
}

/** Where a part starts: a piece, and the row of it when the piece is a long table. */
interface Cursor {
	piece: number;
	row: number;
}

interface Part {
	content: Content[];
	/** Where the next part starts, when this one stops inside a long table. */
	next: Cursor | null;
	/** The table it stops inside, and the first of its rows in this part. */
	table: DataRows | null;
	from: number;
}

/**
 * A copy of content that pdfmake may write into (it keeps its measures on the nodes) without
 * touching the original, which the next layout of the same part reads again.
 */
function fresh<T>(value: T): T {
	if (Array.isArray(value)) return value.map(fresh) as T;
	if (typeof value !== 'object' || value === null || value instanceof Date) return value;
	if (Object.getPrototypeOf(value) !== Object.prototype) return value;
	return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, fresh(v)])) as T;
}

/** The part from `at`: pieces in turn, until `rows` rows of long tables are in it. */
function partFrom(pieces: readonly Piece[], at: Cursor, rows: number): Part {
	const content: Content[] = [];
	let room = rows;
	for (let p = at.piece; p < pieces.length; p++) {
		const piece = pieces[p]!;
		if (!isLongTable(piece)) {
			content.push(fresh(piece));
			continue;
		}
		const table = piece.longTable;
		const from = p === at.piece ? at.row : 0;
		const to = Math.min(table.rows, from + room);
		content.push(table.slice(from, to));
		room -= to - from;
		if (to < table.rows) return { content, next: { piece: p, row: to }, table, from };
	}
	return { content, next: null, table: null, from: 0 };
}

/** The last row of `table` drawn on these pages, if any. */
function lastRowOn(pages: readonly LaidPage[], table: DataRows): number | undefined {
	let last: number | undefined;
	for (const page of pages)
		for (const { item } of page.items) {
			const tag = item?._pdfTag;
			const row = tag === undefined ? undefined : table.rowOf(tag);
			if (row !== undefined && (last === undefined || row > last)) last = row;
		}
	return last;
}

/**
 * Lays the pieces out and draws them a part at a time, then draws each page's footer, numbered
 * over them all; `rows` is a part's size in long-table rows.
 */
export function layOutInParts(
	pieces: readonly Piece[],
	steps: PartSteps,
	footer: Footer | undefined,
	rows = PART_ROWS
): void {
	const sizes: unknown[] = [];
	let at: Cursor | null = { piece: 0, row: 0 };
	let firstPageSize: unknown;
	while (at) {
		const part = partFrom(pieces, at, rows);
		const pages = steps.layout(part.content, firstPageSize);
		let kept = pages.length;
		let next = part.next;
		if (next && part.table && pages.length > 1) {
			const last = lastRowOn(pages.slice(0, -1), part.table);
			// Without a row of its own on an earlier page the part keeps every page: it moves on.
			if (last !== undefined && last >= part.from) {
				next = { piece: next.piece, row: last + 1 };
				kept = pages.length - 1;
			}
		}
		const drawn = pages.slice(0, kept);
		steps.render(drawn);
		sizes.push(...drawn.map((page) => page.pageSize));
		firstPageSize = pages.at(-1)?.pageSize;
		at = next;
	}
	if (!footer) return;
	sizes.forEach((size, index) =>
		steps.renderOnto(
			index,
			steps.layoutFooter(size, (_current, _pages, pageSize) =>
				footer(index + 1, sizes.length, pageSize)
			)
		)
	);
}
