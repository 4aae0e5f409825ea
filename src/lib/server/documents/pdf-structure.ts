/**
 * Turns a document's planned structure tree (`pdf-tags`) into pdfkit's tagged-PDF objects while
 * pdfmake draws: the hooks that the patched pdfmake renderer calls around every drawn item
 * (`src/lib/server/db/patches/pdfmake+0.3.11.patch`).
 *
 * Why a patch: pdfmake 0.3 passes pdfkit's `tagged`, `lang` and `displayTitle` through, but
 * draws everything untagged; pdfkit's structure API (`struct`, `markStructureContent`) needs to
 * know which element each line belongs to, and only pdfmake's layout knows which node a line
 * came from. The patch carries a node's `pdfTag` to the lines and images it lays out and calls
 * these hooks; which element a node is, and how elements nest, stays here and in `pdf-tags`.
 *
 * A line or image with a tag becomes a marked-content sequence of its element; everything else
 * (rules, cell shading, the footer's page numbers, a table header repeated on a later page) is
 * an artifact, so that every mark on a page is either read or declared decoration.
 */
import { StructTree, type StructNode } from '$lib/domain/documents/pdf-tags';

/** What the hooks use of pdfkit's document; its structure element and content stay opaque. */
export interface TaggablePdf {
	markContent(tag: string, options?: Record<string, unknown>): unknown;
	markStructureContent(tag: string, options?: Record<string, unknown>): StructContent;
	endMarkedContent(): unknown;
	struct(type: string, options?: Record<string, unknown>): StructElement;
	addStructure(element: StructElement): unknown;
}
export interface StructContent {
	readonly refs: unknown[];
}
export interface StructElement {
	dictionary: { data: Record<string, unknown> };
	add(child: StructElement | StructContent): StructElement;
	end(): void;
}

/** A drawn item as the renderer sees it: its kind and the tag the layout stamped on it. */
export interface DrawnItem {
	type: string;
	item?: { _pdfTag?: number };
}

/** The hooks the patched renderer calls, and once after the last page. */
export interface Tagging {
	begin(doc: TaggablePdf, tag: number | undefined, type: string): void;
	/** After an item; `next` is the page's next item, if any. */
	end(doc: TaggablePdf, next?: DrawnItem): void;
	finish(doc: TaggablePdf): void;
}

/** The items the renderer marks; anything else it draws (clips, alignment) is not content. */
const DRAWN = new Set(['line', 'image', 'vector', 'svg']);

/** What a drawn item is marked as: its element's id, or an artifact of a kind. */
type Mark = number | 'Layout' | 'Pagination';

/** Cells keep their place in a table's grid even when empty; other empty elements go. */
const KEPT_EMPTY = new Set(['TH', 'TD', 'TR', 'THead', 'TBody', 'TFoot', 'Table', 'Document']);

export function tagging(root: StructNode): Tagging {
	const byId = new Map<number, StructNode>();
	StructTree.walk(root, (node) => byId.set(node.id, node));
	const contents = new Map<number, StructContent[]>();
	const markOf = (tag: number | undefined, type: string): Mark => {
		if (type === 'vector') return 'Layout';
		return tag !== undefined && byId.has(tag) ? tag : 'Pagination';
	};
	/**
	 * The mark of the sequence left open after an item, when the next item takes the same one:
	 * the lines of one paragraph or cell, one after the other, are one sequence, not one each.
	 * Only drawn items run on; anything else between them (a clip) closes the sequence first,
	 * so sequences and the graphics state nest.
	 */
	let carried: Mark | undefined;
	/** The mark of the item being drawn. */
	let current: Mark | undefined;

	const build = (doc: TaggablePdf, node: StructNode): StructElement | undefined => {
		const children = node.children
			.map((child) => build(doc, child))
			.filter((child): child is StructElement => child !== undefined);
		const own = contents.get(node.id) ?? [];
		if (children.length === 0 && own.length === 0 && !KEPT_EMPTY.has(node.type)) return undefined;
		const element = doc.struct(node.type, {
			...(node.alt ? { alt: node.alt } : {}),
			...(node.scope ? { scope: node.scope } : {})
		});
		if (node.colSpan) {
			const data = element.dictionary.data;
			data.A = { ...((data.A as object | undefined) ?? {}), O: 'Table', ColSpan: node.colSpan };
		}
		for (const child of children) element.add(child);
		for (const content of own) element.add(content);
		return element;
	};

	return {
		begin(doc, tag, type) {
			const mark = markOf(tag, type);
			if (carried !== undefined) {
				const same = carried === mark;
				carried = undefined;
				if (same) return;
				doc.endMarkedContent();
			}
			current = mark;
			if (typeof mark !== 'number') {
				doc.markContent('Artifact', { type: mark });
				return;
			}
			const content = doc.markStructureContent(byId.get(mark)!.type);
			const list = contents.get(mark);
			if (list) list.push(content);
			else contents.set(mark, [content]);
		},
		end(doc, next) {
			const drawn = next !== undefined && DRAWN.has(next.type);
			if (drawn && markOf(next.item?._pdfTag, next.type) === current) carried = current;
			else doc.endMarkedContent();
		},
		finish(doc) {
			const element = build(doc, root);
			if (!element) return;
			doc.addStructure(element);
			element.end();
		}
	};
}
