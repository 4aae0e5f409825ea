/**
 * Lays a document model out as a pdfmake document definition: page, styles, label-and-text rows,
 * data tables with a repeated header, charts as images, signature lines. Pure, so the layout is
 * tested without rendering, and the same model always gives the same definition.
 */
import type { Content, TDocumentDefinitions, TableCell } from 'pdfmake/interfaces';
import type { DocumentModel, ModelBlock } from './render-document';
import type { ChartName } from './template-definition';

export interface PdfMetadata {
	/** The moment written into the PDF: a parameter of the document, never the clock. */
	creationDate: Date;
	/** Extra keys for the PDF's information dictionary, e.g. the fingerprint. */
	keys: Record<string, string>;
}

const GREY = '#555555';
const RULE = '#9a9a9a';

function block(
	model: DocumentModel,
	b: ModelBlock,
	charts: ReadonlyMap<ChartName, string>
): Content[] {
	const base = model.page.font_size;
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
			return [
				{
					stack: b.lines.map((line) => ({ text: line })),
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
			return [
				{
					table: {
						widths: [b.labelWidth, '*'],
						dontBreakRows: true,
						body: b.rows.map((row) => [
							{ stack: row.label, bold: true },
							{ stack: row.text.map((line) => ({ text: line, margin: [0, 0, 0, 2] })) }
						])
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
				} as Content
			];
		case 'table': {
			const header: TableCell[] = b.columns.map((c) => ({
				text: c.title,
				bold: true,
				fillColor: '#eeeeee',
				alignment: c.align
			}));
			// A left-aligned cell stays a plain string: pdfmake lays out a long appendix faster so.
			const aligned = b.columns.map((c) => c.align !== 'left');
			const body: TableCell[][] = b.body.map((cells) =>
				cells.map((text, i) => (aligned[i] ? { text, alignment: b.columns[i]!.align } : text))
			);
			if (body.length === 0 && b.empty)
				body.push([
					{ text: b.empty, italics: true, colSpan: b.columns.length },
					...b.columns.slice(1).map(() => ({ text: '' }))
				]);
			if (b.footer)
				body.push(
					b.footer.map((text, i) => ({
						text,
						bold: true,
						alignment: b.columns[i]?.align ?? 'left'
					}))
				);
			return [
				{
					table: { headerRows: 1, widths: b.columns.map((c) => c.width), body: [header, ...body] },
					layout: 'lightHorizontalLines',
					fontSize: b.fontSize ?? base - 1,
					margin: [0, 4, 0, 10]
				} as Content
			];
		}
		case 'chart': {
			const image = charts.get(b.chart);
			if (!image) throw new Error(`chart ${b.chart} was not drawn`);
			return [
				{
					unbreakable: true,
					stack: [
						...(b.title ? [{ text: b.title, bold: true, margin: [0, 8, 0, 4] }] : []),
						{ image, fit: [b.width, b.height], alignment: 'center' }
					],
					margin: [0, 4, 0, 8]
				} as Content
			];
		}
		case 'signatures':
			return [
				{
					unbreakable: true,
					margin: [0, b.spaceBefore, 0, 0],
					stack: b.signatures.map((s) => ({
						margin: [0, 0, 0, 22],
						columns: [
							{
								width: '*',
								stack: [
									{ text: s.role, bold: true },
									{ text: s.name, color: GREY, fontSize: base - 1, margin: [0, 2, 0, 0] }
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

/** Blocks short enough to move to the next page whole, together with the heading above them. */
const KEEPS_WITH_HEADING = new Set<ModelBlock['kind']>(['text', 'chart', 'signatures']);

/**
 * A heading never ends a page alone: it and the short blocks after it (text, charts, signatures)
 * go into one unbreakable stack. Before a table, pdfmake's own rule below moves it instead.
 */
function layOut(model: DocumentModel, charts: ReadonlyMap<ChartName, string>): Content[] {
	const content: Content[] = [];
	const blocks = model.blocks;
	for (let i = 0; i < blocks.length; i++) {
		const b = blocks[i]!;
		if (b.kind !== 'heading') {
			content.push(...block(model, b, charts));
			continue;
		}
		const group: ModelBlock[] = [b];
		while (i + 1 < blocks.length && KEEPS_WITH_HEADING.has(blocks[i + 1]!.kind))
			group.push(blocks[++i]!);
		if (group.length === 1) {
			content.push(...block(model, b, charts));
			continue;
		}
		const [head, ...rest] = group.map((g) => block(model, g, charts));
		const first = head![0] as unknown as Record<string, unknown>;
		const { pageBreak, pageOrientation, ...heading } = first;
		content.push({
			unbreakable: true,
			stack: [heading as unknown as Content, ...rest.flat()],
			...(pageBreak ? { pageBreak, pageOrientation } : {})
		} as Content);
	}
	return content;
}

export function toPdfmake(
	model: DocumentModel,
	charts: ReadonlyMap<ChartName, string>,
	meta: PdfMetadata
): TDocumentDefinitions {
	const { page } = model;
	return {
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
			? (current: number, pages: number) => ({
					text: model.footer!(current, pages),
					alignment: 'center',
					fontSize: page.font_size - 3,
					color: GREY,
					margin: [0, 16, 0, 0]
				})
			: undefined,
		content: layOut(model, charts),
		// A heading left last on its page moves to the next one, with what follows it.
		pageBreakBefore: (node: { headlineLevel?: number }, following: unknown[]) =>
			Boolean(node.headlineLevel) && following.length === 0
	} as unknown as TDocumentDefinitions;
}
