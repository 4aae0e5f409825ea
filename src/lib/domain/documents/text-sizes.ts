/**
 * The size in points of each text style a template may name, from the template's base size: one
 * table for the PDF (pdfmake-blocks.ts) and the Word document's styles (docx-styles.ts).
 */
import type { ModelBlock } from './render-document';

export type TextStyle = Extract<ModelBlock, { kind: 'text' }>['style'];

export function textSize(style: TextStyle, base: number): number {
	return {
		body: base,
		title: base + 2,
		heading: base + 2,
		subheading: base + 1,
		small: base - 2,
		note: base - 1
	}[style];
}
