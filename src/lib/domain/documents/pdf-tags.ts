/**
 * The logical structure of a tagged PDF, planned while the layout is built: a tree of standard
 * structure elements (ISO 32000-1, 14.8.4) whose leaves own content. A pdfmake node carries the
 * id of its leaf as `pdfTag`; the patched layout engine stamps that id on the lines and images
 * the node draws, and the renderer turns the tree into pdfkit structure elements. Pure, so the
 * mapping of a model to its tags is tested without rendering.
 */

export type StructType =
	| 'Document'
	| 'H1'
	| 'H2'
	| 'H3'
	| 'H4'
	| 'P'
	| 'Table'
	| 'THead'
	| 'TBody'
	| 'TFoot'
	| 'TR'
	| 'TH'
	| 'TD'
	| 'Figure';

export interface StructNode {
	type: StructType;
	/** The number a pdfmake node names this element by; unique within one document. */
	id: number;
	/** A figure's alternative text, read out instead of the picture. */
	alt?: string;
	/** Whether a header cell heads its column or its row. */
	scope?: 'Column' | 'Row';
	/** How many columns a cell spans, when more than one. */
	colSpan?: number;
	children: StructNode[];
}

/** Builds one document's tree; ids are given in order, so the same model gives the same tree. */
export class StructTree {
	readonly root: StructNode = { type: 'Document', id: 0, children: [] };
	private next = 1;

	add(
		parent: StructNode,
		type: StructType,
		extra: Pick<StructNode, 'alt' | 'scope' | 'colSpan'> = {}
	): StructNode {
		const node: StructNode = { type, id: this.next++, ...extra, children: [] };
		parent.children.push(node);
		return node;
	}

	/** Every element, depth first, in reading order. */
	static walk(node: StructNode, visit: (node: StructNode) => void): void {
		visit(node);
		for (const child of node.children) StructTree.walk(child, visit);
	}
}

/** The heading element of a heading level: the document's title is the one H1 above them. */
export function headingType(level: number): StructType {
	return level <= 1 ? 'H2' : level === 2 ? 'H3' : 'H4';
}

/** A pdfmake node that draws the content of `node`. */
export function tagged<T extends object>(content: T, node: StructNode): T & { pdfTag: number } {
	return { ...content, pdfTag: node.id };
}
