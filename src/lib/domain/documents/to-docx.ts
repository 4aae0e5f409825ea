/**
 * Lays a document model out as a Word document (the `docx` library's objects, not yet packed):
 * the same blocks the PDF is made of, as real paragraphs in named styles, tables with a repeated
 * header row, the page and margins of the template, page-number fields in the footer, and the
 * letterhead's logo and the charts as pictures. Pure: the packing into a file is server code.
 */
import {
	AlignmentType,
	BorderStyle,
	Document,
	Footer,
	ImageRun,
	LineRuleType,
	PageBreak,
	PageNumber,
	PageOrientation,
	Paragraph,
	ShadingType,
	Table,
	TableCell,
	TableLayoutType,
	TableRow,
	TextRun,
	WidthType,
	type ISectionOptions
} from 'docx';
import {
	cellPadding,
	columnWidths,
	fit,
	footerParts,
	halfPoints,
	imageSize,
	pageSize,
	pixels,
	textWidth,
	twips
} from './docx-layout';
import { docxStyles, FOOTER_STYLE, GREY, RULE, TABLE_STYLE, textStyleId } from './docx-styles';
import { textSize } from './text-sizes';
import type { DocumentModel, ModelBlock } from './render-document';
import type { ChartName } from './template-definition';

export interface DocxInput {
	/** Each chart the model names, as the PNG the PDF embeds. */
	charts: ReadonlyMap<ChartName, Uint8Array>;
	/** The letterhead's logo (PNG or JPEG), when one is set. */
	logo?: Uint8Array | undefined;
	/** Written into the document's custom properties, as the PDF's information dictionary has them. */
	keys: Record<string, string>;
	/** The document's language, for the spelling checker (lv-LV, en-GB). */
	language: string;
}

type Align = 'left' | 'center' | 'right' | 'justify';
const ALIGN = {
	left: AlignmentType.LEFT,
	center: AlignmentType.CENTER,
	right: AlignmentType.RIGHT,
	justify: AlignmentType.JUSTIFIED
} as const;

/** The logo prints at most this wide and tall, in points, as in the PDF. */
const LOGO_BOX: [number, number] = [120, 52];
const NONE = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' } as const;
const NO_BORDERS = {
	top: NONE,
	bottom: NONE,
	left: NONE,
	right: NONE,
	insideHorizontal: NONE,
	insideVertical: NONE
};
/** A rule in eighths of a point, as Word measures borders. */
const rule = (points: number, color = RULE) => ({
	style: BorderStyle.SINGLE,
	size: Math.max(2, Math.round(points * 8)),
	color
});

type Child = Paragraph | Table;

/**
 * The room under a table, as an empty paragraph one line of `points` high: Word joins two tables
 * with nothing between them into one, and a table has no space after of its own.
 */
const spacer = (points: number) =>
	new Paragraph({ spacing: { line: twips(points), lineRule: LineRuleType.EXACT }, children: [] });

/** Renders blocks; `width` is the text width of the section they are in, in points. */
class Builder {
	private pictures = 0;
	constructor(
		private readonly model: DocumentModel,
		private readonly input: DocxInput
	) {}

	private get base() {
		return this.model.page.font_size;
	}

	private picture(data: Uint8Array, width: number, height: number, name: string) {
		this.pictures++;
		return new ImageRun({
			type: imageSize(data) && data[0] === 0xff ? 'jpg' : 'png',
			data,
			transformation: { width: pixels(width), height: pixels(height) },
			// Each picture has its own id: Word counts a repeated one as damage.
			altText: { id: String(this.pictures), name, description: name, title: name }
		});
	}

	/** Lines as paragraphs of one style: the space before the first and after the last. */
	private lines(
		lines: string[],
		options: {
			style?: string;
			align?: Align;
			bold?: boolean;
			size?: number;
			before?: number;
			after?: number;
			between?: number;
			keepNext?: boolean;
		}
	): Paragraph[] {
		return lines.map(
			(line, i) =>
				new Paragraph({
					style: options.style,
					alignment: options.align ? ALIGN[options.align] : undefined,
					keepNext: options.keepNext,
					spacing: {
						before: twips(i === 0 ? (options.before ?? 0) : 0),
						after: twips(i === lines.length - 1 ? (options.after ?? 0) : (options.between ?? 0))
					},
					children: [
						new TextRun({
							text: line,
							bold: options.bold,
							size: options.size === undefined ? undefined : halfPoints(options.size)
						})
					]
				})
		);
	}

	block(b: ModelBlock, width: number, keepNext: boolean): Child[] {
		const base = this.base;
		switch (b.kind) {
			case 'text':
				return this.lines(b.lines, {
					style: textStyleId(b.style),
					align: b.align ?? (b.style === 'title' ? 'center' : undefined),
					bold: b.bold,
					size: b.size === undefined || b.size === textSize(b.style, base) ? undefined : b.size,
					before: b.spaceBefore ?? (b.style === 'title' ? 18 : 4),
					after: b.spaceAfter ?? (b.style === 'title' ? 18 : 4),
					keepNext
				});
			case 'heading':
				return [
					new Paragraph({
						style: `Heading${b.level}`,
						pageBreakBefore: b.pageBreakBefore && !b.orientation,
						children: [new TextRun(b.text)]
					})
				];
			case 'rows':
				return [this.rows(b, width), spacer(4)];
			case 'table':
				return [this.table(b, width), spacer(10)];
			case 'chart': {
				const png = this.input.charts.get(b.chart);
				if (!png) throw new Error(`chart ${b.chart} was not drawn`);
				const size = fit(b.width, b.height, [Math.min(b.width, width), b.height]);
				return [
					...(b.title
						? this.lines([b.title], { bold: true, before: 8, after: 4, keepNext: true })
						: []),
					new Paragraph({
						alignment: AlignmentType.CENTER,
						spacing: { before: twips(b.title ? 0 : 4), after: twips(8) },
						keepNext,
						children: [this.picture(png, size.width, size.height, b.title ?? b.chart)]
					})
				];
			}
			case 'letterhead':
				return this.letterhead(b, width);
			case 'sections':
				// A section's heading stays with its first paragraph, never alone at a page's foot.
				return b.sections.flatMap((s) => [
					...this.lines([s.heading], {
						bold: true,
						size: base + 1,
						before: 10,
						after: 4,
						keepNext: true
					}),
					...this.lines(s.lines, { between: 4, after: 4 })
				]);
			case 'signatures':
				return [this.signatures(b, width), spacer(4)];
			case 'page_break':
				return [new Paragraph({ children: [new PageBreak()] })];
		}
	}

	private rows(b: Extract<ModelBlock, { kind: 'rows' }>, width: number): Table {
		const widths = [b.labelWidth, width - b.labelWidth];
		const pad = { top: twips(6), bottom: twips(6) };
		return new Table({
			width: { size: twips(width), type: WidthType.DXA },
			columnWidths: widths.map(twips),
			layout: TableLayoutType.FIXED,
			borders: { ...NO_BORDERS, insideHorizontal: rule(0.5) },
			rows: b.rows.map(
				(row) =>
					new TableRow({
						cantSplit: true,
						children: [
							new TableCell({
								width: { size: twips(widths[0]!), type: WidthType.DXA },
								margins: { ...pad, left: 0, right: twips(8) },
								children: this.lines(row.label.length ? row.label : [''], { bold: true })
							}),
							new TableCell({
								width: { size: twips(widths[1]!), type: WidthType.DXA },
								margins: { ...pad, left: twips(8), right: 0 },
								children: this.lines(row.text.length ? row.text : [''], { between: 2 })
							})
						]
					})
			)
		});
	}

	private table(b: Extract<ModelBlock, { kind: 'table' }>, width: number): Table {
		const size = b.fontSize ?? this.base - 1;
		const widths = columnWidths(b, width, size);
		const cell = (
			text: string,
			c: number,
			options: {
				bold?: boolean;
				italics?: boolean;
				fill?: string;
				span?: number;
				under?: ReturnType<typeof rule>;
			} = {}
		) =>
			new TableCell({
				...(options.under ? { borders: { bottom: options.under } } : {}),
				width: { size: twips(widths[c]!), type: WidthType.DXA },
				columnSpan: options.span,
				margins: {
					top: twips(2),
					bottom: twips(2),
					left: twips(cellPadding(c, widths.length).left),
					right: twips(cellPadding(c, widths.length).right)
				},
				...(options.fill
					? { shading: { fill: options.fill, type: ShadingType.CLEAR, color: 'auto' } }
					: {}),
				children: [
					new Paragraph({
						style: TABLE_STYLE,
						alignment: ALIGN[b.columns[c]?.align ?? 'left'],
						children: [
							new TextRun({
								text,
								bold: options.bold,
								italics: options.italics,
								size: b.fontSize === undefined ? undefined : halfPoints(size)
							})
						]
					})
				]
			});
		const rows = [
			new TableRow({
				tableHeader: true,
				cantSplit: true,
				children: b.columns.map((c, i) =>
					cell(c.title, i, { bold: true, fill: 'EEEEEE', under: rule(1, '000000') })
				)
			}),
			...b.body.map(
				(cells) =>
					new TableRow({ cantSplit: true, children: cells.map((text, i) => cell(text, i)) })
			)
		];
		if (b.body.length === 0 && b.empty)
			rows.push(
				new TableRow({
					children: [cell(b.empty, 0, { italics: true, span: b.columns.length })]
				})
			);
		if (b.footer)
			rows.push(
				new TableRow({
					cantSplit: true,
					children: b.footer.map((text, i) => cell(text, i, { bold: true }))
				})
			);
		return new Table({
			width: { size: twips(widths.reduce((sum, w) => sum + w, 0)), type: WidthType.DXA },
			columnWidths: widths.map(twips),
			layout: TableLayoutType.FIXED,
			// pdfmake's light horizontal lines: a dark one under the header, light ones between rows.
			borders: { ...NO_BORDERS, insideHorizontal: rule(0.5, 'AAAAAA') },
			rows
		});
	}

	/** The logo and the name side by side, as the PDF's two columns, over a thin rule. */
	private letterhead(b: Extract<ModelBlock, { kind: 'letterhead' }>, width: number): Child[] {
		const logo = b.logo ? this.input.logo : undefined;
		const natural = logo ? imageSize(logo) : null;
		const ruled = (children: TextRun[]) =>
			new Paragraph({
				children,
				keepNext: true,
				// Under the logo's table, a rule alone: a paragraph no taller than its line.
				spacing:
					children.length > 0
						? { after: twips(12) }
						: { line: twips(2), lineRule: LineRuleType.EXACT, after: twips(12) },
				border: { bottom: { ...rule(0.6), space: 4 } }
			});
		const name = new TextRun({ text: b.name, bold: true, size: halfPoints(this.base + 2) });
		if (!logo || !natural) return [ruled([name])];
		const size = fit(natural.width, natural.height, LOGO_BOX);
		const widths = [size.width + 14, width - size.width - 14];
		return [
			new Table({
				width: { size: twips(width), type: WidthType.DXA },
				columnWidths: widths.map(twips),
				layout: TableLayoutType.FIXED,
				borders: NO_BORDERS,
				margins: { top: 0, bottom: 0, left: 0, right: 0 },
				rows: [
					new TableRow({
						cantSplit: true,
						children: [
							new TableCell({
								width: { size: twips(widths[0]!), type: WidthType.DXA },
								children: [
									new Paragraph({
										children: [this.picture(logo, size.width, size.height, b.name)]
									})
								]
							}),
							new TableCell({
								width: { size: twips(widths[1]!), type: WidthType.DXA },
								children: [new Paragraph({ spacing: { before: twips(12) }, children: [name] })]
							})
						]
					})
				]
			}),
			ruled([])
		];
	}

	private signatures(b: Extract<ModelBlock, { kind: 'signatures' }>, width: number): Table {
		const widths = [width - 220, 20, 200];
		return new Table({
			width: { size: twips(width), type: WidthType.DXA },
			columnWidths: widths.map(twips),
			layout: TableLayoutType.FIXED,
			borders: NO_BORDERS,
			margins: { top: 0, bottom: 0, left: 0, right: 0 },
			rows: b.signatures.map(
				(s, i) =>
					new TableRow({
						cantSplit: true,
						children: [
							new TableCell({
								width: { size: twips(widths[0]!), type: WidthType.DXA },
								margins: { top: twips(i === 0 ? b.spaceBefore : 22), bottom: 0 },
								children: [
									...this.lines([s.role], { bold: true }),
									...(s.name
										? [
												new Paragraph({
													spacing: { before: twips(2) },
													children: [
														new TextRun({
															text: s.name,
															color: GREY,
															size: halfPoints(this.base - 1)
														})
													]
												})
											]
										: [])
								]
							}),
							new TableCell({
								width: { size: twips(widths[1]!), type: WidthType.DXA },
								children: [new Paragraph('')]
							}),
							// The line to sign on: the cell's own bottom border.
							new TableCell({
								width: { size: twips(widths[2]!), type: WidthType.DXA },
								borders: { bottom: rule(0.6, '000000') },
								children: [new Paragraph('')]
							})
						]
					})
			)
		});
	}
}

/**
 * Short blocks keep with a heading above them, as in the PDF: the heading's paragraph and theirs
 * carry "keep with next", so Word moves them to the next page together.
 */
const KEEPS_WITH_HEADING = new Set<ModelBlock['kind']>(['text', 'chart']);

function footer(model: DocumentModel): Footer | undefined {
	const parts = footerParts(model.footer);
	if (!parts) return undefined;
	return new Footer({
		children: [
			new Paragraph({
				style: FOOTER_STYLE,
				children: parts.parts.map((part) =>
					typeof part === 'string'
						? new TextRun(part)
						: new TextRun({
								children: [part.field === 'page' ? PageNumber.CURRENT : PageNumber.TOTAL_PAGES]
							})
				)
			})
		]
	});
}

export function toDocx(model: DocumentModel, input: DocxInput): Document {
	const { page } = model;
	const builder = new Builder(model, input);
	const made = footer(model);
	const sections: ISectionOptions[] = [];
	let orientation = page.orientation;
	let children: Child[] = [];
	const close = () => {
		const size = pageSize(page, 'portrait');
		sections.push({
			properties: {
				page: {
					size: {
						width: twips(size.width),
						height: twips(size.height),
						orientation:
							orientation === 'landscape' ? PageOrientation.LANDSCAPE : PageOrientation.PORTRAIT
					},
					margin: {
						left: twips(page.margins[0]),
						top: twips(page.margins[1]),
						right: twips(page.margins[2]),
						bottom: twips(page.margins[3]),
						// The footer sits in the bottom margin, as pdfmake draws it.
						footer: twips(Math.max(12, page.margins[3] / 2 - 4)),
						header: twips(Math.max(12, page.margins[1] / 2))
					}
				}
			},
			...(made ? { footers: { default: made } } : {}),
			children: children.length > 0 ? children : [new Paragraph('')]
		});
		children = [];
	};
	let heading = false;
	for (const [i, b] of model.blocks.entries()) {
		// A heading that turns the pages starts a section of its own in that orientation.
		if (b.kind === 'heading' && b.pageBreakBefore && b.orientation && i > 0) {
			close();
			orientation = b.orientation;
		}
		const next = model.blocks[i + 1];
		const keepNext = heading && next !== undefined && KEEPS_WITH_HEADING.has(next.kind);
		heading = b.kind === 'heading' || (heading && KEEPS_WITH_HEADING.has(b.kind));
		children.push(...builder.block(b, textWidth(page, orientation), keepNext));
	}
	close();

	return new Document({
		title: model.title,
		creator: 'cofund',
		lastModifiedBy: 'cofund',
		customProperties: Object.entries(input.keys).map(([name, value]) => ({ name, value })),
		styles: docxStyles(page.font_size, input.language),
		sections
	});
}
