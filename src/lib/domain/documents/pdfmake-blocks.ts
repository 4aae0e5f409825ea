/**
 * One block of a document model as pdfmake content: a heading, text, label-and-text rows, a data
 * table, a chart, narrative sections, signature lines, the letterhead or a page break, each
 * adding its elements to the structure tree. How blocks are grouped on pages is `to-pdfmake`'s.
 */
import type { Content } from 'pdfmake/interfaces';
import type { DocumentModel, ModelBlock } from './render-document';
import type { ChartName } from './template-definition';
import { headingType, StructTree, tagged } from './pdf-tags';
import { dataTable, RULE, rowsTable } from './pdfmake-tables';
import { textSize } from './text-sizes';

/** The logo prints at most this tall and wide, in points (about 1.8 cm by 4.2 cm). */
const LOGO_BOX: [number, number] = [120, 52];

/** The width between the margins of the document's first page, in points. */
function textWidth(page: DocumentModel['page']): number {
	const [short, long] = page.size === 'LETTER' ? [612, 792] : [595.28, 841.89];
	const width = page.orientation === 'landscape' ? long : short;
	return width - page.margins[0] - page.margins[2];
}

/** Secondary text: notes, the names under signature lines, the footer. */
export const GREY = '#555555';

export function block(
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
			const size = b.size ?? textSize(b.style, base);
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
