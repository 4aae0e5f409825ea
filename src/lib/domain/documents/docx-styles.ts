/**
 * The Word styles of a document: the default face and size from the template's page, one
 * paragraph style for each text style a template may name, the three heading levels and the
 * table text, sized as the PDF sizes them, so that a clerk edits the document through its
 * styles rather than through hand-set runs.
 */
import { AlignmentType, LineRuleType, type IStylesOptions } from 'docx';
import { halfPoints, twips } from './docx-layout';
import { textSize, type TextStyle } from './text-sizes';

export const GREY = '555555';
export const RULE = '9A9A9A';
export const FONT = 'Roboto';

/** The id of the paragraph style a template's text style is written in. */
export const textStyleId = (style: TextStyle) =>
	`Cofund${style.charAt(0).toUpperCase()}${style.slice(1)}`;

export const TABLE_STYLE = 'CofundTable';
export const FOOTER_STYLE = 'Footer';

export function docxStyles(base: number, language: string): IStylesOptions {
	const text = (style: TextStyle, name: string) => ({
		id: textStyleId(style),
		name,
		basedOn: 'Normal',
		next: 'Normal',
		quickFormat: true,
		run: {
			size: halfPoints(textSize(style, base)),
			bold: style === 'title' || style === 'heading' || style === 'subheading',
			italics: style === 'note',
			...(style === 'note' ? { color: GREY } : {})
		}
	});
	const heading = (level: 1 | 2 | 3) => ({
		id: `Heading${level}`,
		name: `heading ${level}`,
		basedOn: 'Normal',
		next: 'Normal',
		quickFormat: true,
		run: {
			font: FONT,
			size: halfPoints(base + (level === 1 ? 4 : level === 2 ? 2 : 0)),
			bold: true,
			color: '000000'
		},
		paragraph: {
			keepNext: true,
			keepLines: true,
			spacing: { before: twips(level === 1 ? 16 : 12), after: twips(6) },
			outlineLevel: level - 1
		}
	});
	return {
		default: {
			document: {
				run: { font: FONT, size: halfPoints(base), language: { value: language } },
				// pdfmake's line height of 1.15, and no space between paragraphs unless asked.
				paragraph: { spacing: { line: 276, lineRule: LineRuleType.AUTO, before: 0, after: 0 } }
			}
		},
		paragraphStyles: [
			text('body', 'Cofund body'),
			text('title', 'Cofund title'),
			text('heading', 'Cofund heading'),
			text('subheading', 'Cofund subheading'),
			text('small', 'Cofund small'),
			text('note', 'Cofund note'),
			heading(1),
			heading(2),
			heading(3),
			{
				// Word's own footer style, sized here: the page fields take the paragraph's size.
				id: FOOTER_STYLE,
				name: 'footer',
				basedOn: 'Normal',
				run: { size: halfPoints(base - 3), color: GREY },
				paragraph: { alignment: AlignmentType.CENTER }
			},
			{
				id: TABLE_STYLE,
				name: 'Cofund table text',
				basedOn: 'Normal',
				quickFormat: true,
				run: { size: halfPoints(base - 1) }
			}
		]
	};
}
