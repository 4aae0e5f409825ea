/**
 * Lays a document model out as a pdfmake document definition: page, styles, information
 * dictionary and footer, and the blocks (`pdfmake-blocks`) grouped so that a heading never ends
 * a page alone, with a long table handed on in parts (`pdf-parts`). Pure, so the layout is tested
 * without rendering, and the same model always gives the same definition. A footer that comes
 * out empty (the annex's page numbers on a one-page annex) is not drawn.
 *
 * Each block also adds its elements to the document's structure tree (`pdf-tags`): headings,
 * paragraphs, tables with their rows and header and data cells, figures with alternative
 * text. What carries no tag (rules, the footer, a table header repeated on a later page) is
 * drawn as an artifact, outside the text a reader reads out.
 */
import type { Content, TDocumentDefinitions } from 'pdfmake/interfaces';
import type { DocumentModel, ModelBlock } from './render-document';
import type { ChartName } from './template-definition';
import { StructTree, type StructNode } from './pdf-tags';
import { dataRows, PART_ROWS } from './pdfmake-tables';
import { isLongTable, type Piece } from './pdf-parts';
import { block, GREY } from './pdfmake-blocks';

export interface PdfMetadata {
	/** The moment written into the PDF: a parameter of the document, never the clock. */
	creationDate: Date;
	/** Extra keys for the PDF's information dictionary, e.g. the fingerprint. */
	keys: Record<string, string>;
	/** The letterhead's logo as a data URL, when one is set. */
	logo?: string | undefined;
	/** The document's language, written as the PDF's /Lang. */
	lang: string;
}

/**
 * The definition with the structure tree its nodes' `pdfTag`s name (read by `render-pdf`); with
 * a long table, its content is `pieces`, laid out a part at a time (`pdf-parts`).
 */
export type TaggedDefinition = TDocumentDefinitions & { structure: StructNode; pieces?: Piece[] };

/**
 * Blocks short enough to move to the next page whole, together with the heading above them.
 * Signatures are not: kept with their heading and text they would move as one block, and an
 * almost full page would send the lot to a page of its own. Only their first line joins the
 * heading (signatureLines), so a heading and its text never end a page without a signature.
 */
const KEEPS_WITH_HEADING = new Set<ModelBlock['kind']>(['text', 'chart']);

/** A signatures block as its lines: the first with the space before the block, then the rest. */
function signatureLines(model: DocumentModel, b: ModelBlock, tree: StructTree): Content[] {
	const [whole] = block(model, b, new Map(), undefined, tree) as {
		margin: [number, number, number, number];
		stack: Content[];
	}[];
	const [first, ...rest] = whole!.stack;
	return [{ margin: whole!.margin, stack: [first!] } as Content, ...rest];
}

/**
 * A heading never ends a page alone: it and the short blocks after it (text, charts, signatures)
 * go into one unbreakable stack. Before a table, pdfmake's own rule below moves it instead.
 */
function layOut(
	model: DocumentModel,
	charts: ReadonlyMap<ChartName, string>,
	logo: string | undefined,
	tree: StructTree
): Piece[] {
	const content: Piece[] = [];
	const blocks = model.blocks;
	for (let i = 0; i < blocks.length; i++) {
		const b = blocks[i]!;
		if (b.kind === 'table' && b.body.length > PART_ROWS) {
			content.push({ longTable: dataRows(b, model.page.font_size, tree) });
			continue;
		}
		if (b.kind !== 'heading') {
			content.push(...block(model, b, charts, logo, tree));
			continue;
		}
		const next = blocks[i + 1];
		if (next?.kind === 'sections') {
			// The heading joins the first section's unbreakable stack, so neither ends a page alone.
			const { pageBreak, pageOrientation, ...heading } = block(
				model,
				b,
				charts,
				logo,
				tree
			)[0] as unknown as Record<string, unknown>;
			const [first, ...rest] = block(model, next, charts, logo, tree) as { stack?: Content[] }[];
			content.push(
				{
					...first,
					stack: [heading as unknown as Content, ...(first?.stack ?? [])],
					...(pageBreak ? { pageBreak, pageOrientation } : {})
				} as Content,
				...(rest as Content[])
			);
			i++;
			continue;
		}
		const group: ModelBlock[] = [b];
		while (i + 1 < blocks.length && KEEPS_WITH_HEADING.has(blocks[i + 1]!.kind))
			group.push(blocks[++i]!);
		const signing = blocks[i + 1]?.kind === 'signatures' ? blocks[++i]! : undefined;
		if (group.length === 1 && !signing) {
			content.push(...block(model, b, charts, logo, tree));
			continue;
		}
		const [head, ...rest] = group.map((g) => block(model, g, charts, logo, tree));
		const [firstLine, ...otherLines] = signing ? signatureLines(model, signing, tree) : [];
		const first = head![0] as unknown as Record<string, unknown>;
		const { pageBreak, pageOrientation, ...heading } = first;
		content.push(
			{
				unbreakable: true,
				stack: [heading as unknown as Content, ...rest.flat(), ...(firstLine ? [firstLine] : [])],
				...(pageBreak ? { pageBreak, pageOrientation } : {})
			} as Content,
			...otherLines
		);
	}
	return content;
}

export function toPdfmake(
	model: DocumentModel,
	charts: ReadonlyMap<ChartName, string>,
	meta: PdfMetadata
): TaggedDefinition {
	const { page } = model;
	const tree = new StructTree();
	const pieces = layOut(model, charts, meta.logo, tree);
	const parted = pieces.some(isLongTable);
	return {
		language: meta.lang,
		pageSize: page.size,
		pageOrientation: page.orientation,
		pageMargins: page.margins,
		info: {
			title: model.title,
			author: 'cofund',
			creator: 'cofund',
			producer: 'cofund',
			creationDate: meta.creationDate,
			...meta.keys
		},
		defaultStyle: { font: 'Roboto', fontSize: page.font_size, lineHeight: 1.15 },
		footer: model.footer
			? (current: number, pages: number) => {
					const text = model.footer!(current, pages);
					return text
						? {
								text,
								alignment: 'center',
								fontSize: page.font_size - 3,
								color: GREY,
								margin: [0, 16, 0, 0]
							}
						: null;
				}
			: undefined,
		content: parted ? [] : pieces,
		...(parted ? { pieces } : {}),
		structure: tree.root,
		// A heading left last on its page moves to the next one, with what follows it. pdfmake 0.3
		// passes the nodes around as functions, called only for a heading: each walks the page.
		pageBreakBefore: (
			node: { headlineLevel?: number },
			around: { getFollowingNodesOnPage(): unknown[] }
		) => Boolean(node.headlineLevel) && around.getFollowingNodesOnPage().length === 0
	} as unknown as TaggedDefinition;
}
