/**
 * The measures a Word document is built from, taken from the template's page and the model:
 * twips (1/20 pt) for page and column widths, half-points for type sizes, the table columns'
 * widths as pdfmake would share them out, the footer split into text and page-number fields,
 * and an image's size read from its header.
 */
import type { DocumentModel, ModelBlock } from './render-document';

export const twips = (points: number) => Math.round(points * 20);
export const halfPoints = (points: number) => Math.round(points * 2);
/** docx sizes images in pixels at 96 to the inch; the PDF's sizes are points (72). */
export const pixels = (points: number) => Math.round((points * 96) / 72);

/** The page's width and height in points, in its orientation. */
export function pageSize(page: DocumentModel['page'], orientation = page.orientation) {
	const [short, long] = page.size === 'LETTER' ? [612, 792] : [595.28, 841.89];
	return orientation === 'landscape'
		? { width: long, height: short }
		: { width: short, height: long };
}

/** The width between the margins, in points. */
export function textWidth(page: DocumentModel['page'], orientation = page.orientation): number {
	return pageSize(page, orientation).width - page.margins[0] - page.margins[2];
}

type TableBlock = Extract<ModelBlock, { kind: 'table' }>;

/** pdfmake pads a table's cells 4 pt left and right, but not outside the first and last column. */
export const cellPadding = (c: number, columns: number) => ({
	left: c === 0 ? 0 : 4,
	right: c === columns - 1 ? 0 : 4
});

/**
 * Column widths in points with the cells' padding, which pdfmake adds to a width as written:
 * fixed ones as written, 'auto' ones as wide as their longest text (at most half the page,
 * judged from the first rows), '*' ones sharing what is left, as in the PDF.
 */
export function columnWidths(table: TableBlock, width: number, fontSize: number): number[] {
	const sample = table.body.slice(0, 200);
	const n = table.columns.length;
	const pad = (c: number) => cellPadding(c, n).left + cellPadding(c, n).right;
	const natural = (c: number) =>
		Math.min(
			width / 2,
			2 +
				fontSize *
					0.6 *
					Math.max(table.columns[c]!.title.length, ...sample.map((row) => row[c]?.length ?? 0))
		);
	const given = table.columns.map((column, c) =>
		column.width === '*' ? 0 : pad(c) + (column.width === 'auto' ? natural(c) : column.width)
	);
	const stars = table.columns.filter((column) => column.width === '*').length;
	const left = width - given.reduce((sum, w) => sum + w, 0);
	const star = stars > 0 ? Math.max(30, left / stars) : 0;
	return table.columns.map((column, c) => (column.width === '*' ? star : given[c]!));
}

/** A footer as text and the page fields in it; null when it is always empty. */
export interface FooterParts {
	parts: (string | { field: 'page' | 'pages' })[];
	/** The footer is empty on a one-page document (the annex's "page n of m"). */
	multiPageOnly: boolean;
}

/**
 * The footer is a Liquid text of `page` and `pages`, but a Word document counts its own pages:
 * it is rendered with two numbers no footer writes otherwise, and where they come out the page
 * and page-count fields go.
 */
export const PAGE_PROBE = 731;
export const PAGES_PROBE = 937;

export function footerParts(footer: DocumentModel['footer']): FooterParts | null {
	if (!footer) return null;
	const probed = footer(PAGE_PROBE, PAGES_PROBE);
	if (probed === '') return null;
	const parts: FooterParts['parts'] = [];
	for (const piece of probed.split(new RegExp(`(${PAGE_PROBE}|${PAGES_PROBE})`))) {
		if (piece === String(PAGE_PROBE)) parts.push({ field: 'page' });
		else if (piece === String(PAGES_PROBE)) parts.push({ field: 'pages' });
		else if (piece !== '') parts.push(piece);
	}
	return { parts, multiPageOnly: footer(1, 1) === '' };
}

/** A PNG's or JPEG's size in pixels, from its header; null when it is neither. */
export function imageSize(bytes: Uint8Array): { width: number; height: number } | null {
	const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
	if (bytes.length > 24 && bytes[0] === 0x89 && bytes[1] === 0x50)
		return { width: view.getUint32(16), height: view.getUint32(20) };
	if (bytes[0] !== 0xff || bytes[1] !== 0xd8) return null;
	// JPEG: walk the segments to the frame header (SOF0–SOF15 less DHT, JPG and DAC).
	let at = 2;
	while (at + 9 < bytes.length) {
		if (bytes[at] !== 0xff) return null;
		const marker = bytes[at + 1]!;
		const length = view.getUint16(at + 2);
		if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc)
			return { width: view.getUint16(at + 7), height: view.getUint16(at + 5) };
		at += 2 + length;
	}
	return null;
}

/** Fits a box of `width` × `height` into `box`, keeping its proportions, in points. */
export function fit(
	width: number,
	height: number,
	box: [number, number]
): { width: number; height: number } {
	const scale = Math.min(box[0] / width, box[1] / height);
	return { width: width * scale, height: height * scale };
}
