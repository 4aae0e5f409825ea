/**
 * Lays a document model out as a pdfmake document definition: page, styles, the letterhead,
 * label-and-text rows, data tables with a repeated header, charts as images, narrative sections,
 * signature lines. Pure, so the layout is tested without rendering, and the same model always
 * gives the same definition. A footer that comes out empty (the annex's page numbers on a
 * one-page annex) is not drawn.
 *
 * Each block also adds its elements to the document's structure tree (`pdf-tags`): headings,
 * paragraphs, tables with their rows and header and data cells, figures with alternative
 * text. What carries no tag (rules, the footer, a table header repeated on a later page) is
 * drawn as an artifact, outside the text a reader reads out.
 */
import type { Content, TDocumentDefinitions } from 'pdfmake/interfaces';
import type { DocumentModel, ModelBlock } from './render-document';
import type { ChartName } from './template-definition';
import { headingType, StructTree, tagged, type StructNode } from './pdf-tags';
import { dataRows, dataTable, PART_ROWS, RULE, rowsTable } from './pdfmake-tables';
import { isLongTable, type Piece } from './pdf-parts';

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

/** The logo prints at most this tall and wide, in points (about 1.8 cm by 4.2 cm). */
const LOGO_BOX: [number, number] = [120, 52];

/** The width between the margins of the document's first page, in points. */
function textWidth(page: DocumentModel['page']): number {
	const [short, long] = page.size === 'LETTER' ? [612, 792] : [595.28, 841.89];
	const width = page.orientation === 'landscape' ? long : short;
	return width - page.margins[0] - page.margins[2];
}

const GREY = '#555555';

function block(
	model: DocumentModel,
	b: ModelBlock,
	charts: ReadonlyMap<ChartName, string>,
	logo: string | undefined,
	tree: StructTree
): Content[] {
	const base = model.page.font_size;
	const doc = tree.root;
	switch (b.kind) {
		case 'text': {
			const size =
				b.size ??
				{
					body: base,
					title: base + 2,
					heading: base + 2,
					subheading: base + 1,
					small: base - 2,
					note: base - 1
				}[b.style];
			// A title or heading is one element however many lines it has; body text is a
			// paragraph a line, as the template wrote it.
			const heading = { title: 'H1', heading: 'H2', subheading: 'H3' } as const;
			const type = b.style in heading ? heading[b.style as keyof typeof heading] : undefined;
			const whole = type ? tree.add(doc, type) : undefined;
			return [
				{
					stack: b.lines.map((line) => tagged({ text: line }, whole ?? tree.add(doc, 'P'))),
					fontSize: size,
					bold:
						b.bold ?? (b.style === 'title' || b.style === 'heading' || b.style === 'subheading'),
					italics: b.style === 'note',
					color: b.style === 'note' ? GREY : undefined,
					alignment: b.align ?? (b.style === 'title' ? 'center' : 'left'),
					margin: [
						0,
						b.spaceBefore ?? (b.style === 'title' ? 18 : 4),
						0,
						b.spaceAfter ?? (b.style === 'title' ? 18 : 4)
					]
				} as Content
			];
		}
		case 'heading':
			return [
				{
					pdfTag: tree.add(doc, headingType(b.level)).id,
					text: b.text,
					fontSize: base + (b.level === 1 ? 4 : b.level === 2 ? 2 : 0),
					bold: true,
					margin: [0, b.level === 1 ? 16 : 12, 0, 6],
					headlineLevel: b.level,
					...(b.pageBreakBefore ? { pageBreak: 'before' as const } : {}),
					...(b.pageBreakBefore && b.orientation ? { pageOrientation: b.orientation } : {})
				} as Content
			];
		case 'rows':
			return [rowsTable(b, tree)];
		case 'table':
			return [dataTable(b, base, tree)];
		case 'chart': {
			const image = charts.get(b.chart);
			if (!image) throw new Error(`chart ${b.chart} was not drawn`);
			return [
				{
					unbreakable: true,
					stack: [
						...(b.title
							? [tagged({ text: b.title, bold: true, margin: [0, 8, 0, 4] }, tree.add(doc, 'P'))]
							: []),
						tagged(
							{ image, fit: [b.width, b.height], alignment: 'center' },
							tree.add(doc, 'Figure', { alt: b.title ?? b.chart })
						)
					],
					margin: [0, 4, 0, 8]
				} as unknown as Content
			];
		}
		case 'letterhead': {
			const figure = logo && b.logo ? tree.add(doc, 'Figure', { alt: b.name }) : undefined;
			const name = {
				pdfTag: tree.add(doc, 'P').id,
				text: b.name,
				bold: true,
				fontSize: base + 2,
				margin: [0, logo && b.logo ? 12 : 0, 0, 0]
			};
			return [
				{
					columns:
						logo && b.logo
							? [
									tagged({ image: logo, fit: LOGO_BOX, width: 'auto' }, figure!),
									{ width: '*', ...name }
								]
							: [{ width: '*', ...name }],
					columnGap: 14,
					margin: [0, 0, 0, 4]
				} as unknown as Content,
				{
					canvas: [
						{
							type: 'line',
							x1: 0,
							y1: 0,
							x2: textWidth(model.page),
							y2: 0,
							lineWidth: 0.6,
							lineColor: RULE
						}
					],
					margin: [0, 2, 0, 10]
				} as Content
			];
		}
		case 'sections':
			// A section's heading moves to the next page with its first paragraph, never alone.
			return b.sections.flatMap((s) => {
				const title = tree.add(doc, 'H3');
				const [first, ...rest] = s.lines.map(
					(line) =>
						tagged({ text: line, margin: [0, 0, 0, 4] }, tree.add(doc, 'P')) as unknown as Content
				);
				return [
					{
						unbreakable: true,
						stack: [
							tagged(
								{ text: s.heading, bold: true, fontSize: base + 1, margin: [0, 10, 0, 4] },
								title
							),
							...(first ? [first] : [])
						]
					} as Content,
					...rest
				];
			});
		case 'signatures':
			// Each signature line keeps together, but the block may start at the foot of a page and
			// go on over the next: it takes the room it needs, not a page of its own.
			return [
				{
					margin: [0, b.spaceBefore, 0, 0],
					stack: b.signatures.map((s) => ({
						unbreakable: true,
						margin: [0, 0, 0, 22],
						columns: [
							{
								width: '*',
								stack: [
									tagged({ text: s.role, bold: true }, tree.add(doc, 'P')),
									tagged(
										{ text: s.name, color: GREY, fontSize: base - 1, margin: [0, 2, 0, 0] },
										tree.add(doc, 'P')
									)
								]
							},
							{
								width: 200,
								stack: [
									{ canvas: [{ type: 'line', x1: 0, y1: 24, x2: 200, y2: 24, lineWidth: 0.6 }] }
								]
							}
						],
						columnGap: 20
					}))
				} as Content
			];
		case 'page_break':
			return [{ text: '', pageBreak: 'after' } as Content];
	}
}

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
