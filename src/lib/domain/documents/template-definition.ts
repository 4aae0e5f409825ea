/**
 * The shape of a document template file: page settings and a list of blocks (text, headings,
 * label-and-text rows, data tables, charts, signatures, page breaks). Text is a Liquid string, the
 * same in every language, or one string per language. Checked with zod, so every problem has a
 * path that the parser turns into a line of the file.
 */
import { z } from 'zod';
import { LOCALES } from '../locale';
import { DATA_PARTS } from './document-data';

export const CHARTS = ['year_plan', 'cumulative', 'mobility', 'timeline'] as const;
export type ChartName = (typeof CHARTS)[number];

const localized = z.partialRecord(z.enum(LOCALES), z.string());
export const textSchema = z.union([z.string(), localized]);
export type TemplateText = z.infer<typeof textSchema>;

const align = z.enum(['left', 'center', 'right', 'justify']);
/** A Liquid condition such as `expenses.listed` or `events.size > 0`; the block shows when true. */
const condition = z.string().min(1);
const space = z.number().min(0).max(200);

const textBlock = z.strictObject({
	text: textSchema,
	style: z.enum(['body', 'title', 'heading', 'subheading', 'small', 'note']).optional(),
	align: align.optional(),
	bold: z.boolean().optional(),
	size: z.number().min(5).max(40).optional(),
	space_before: space.optional(),
	space_after: space.optional(),
	if: condition.optional()
});

const headingBlock = z.strictObject({
	heading: textSchema,
	level: z.union([z.literal(1), z.literal(2), z.literal(3)]).optional(),
	page_break_before: z.boolean().optional(),
	/** With page_break_before: the pages from here on turn, e.g. landscape for a wide appendix. */
	page_orientation: z.enum(['portrait', 'landscape']).optional(),
	if: condition.optional()
});

const row = z.strictObject({ label: textSchema, text: textSchema, if: condition.optional() });
const rowsBlock = z.strictObject({
	rows: z.array(row).min(1),
	label_width: z.number().min(40).max(400).optional(),
	space_before: space.optional(),
	if: condition.optional()
});

const column = z.strictObject({
	title: textSchema,
	value: textSchema,
	width: z.union([z.number().min(10).max(800), z.enum(['auto', '*'])]).optional(),
	align: align.optional()
});
const tableBlock = z.strictObject({
	table: z.strictObject({
		/** A list in the data, e.g. `budget.years` or `expenses.rows`; each item is `row`. */
		rows: z.string().regex(/^[a-z_][a-z0-9_]*(\.[a-z_][a-z0-9_]*)*$/, {
			error: 'rows must name a list in the data, such as budget.years'
		}),
		columns: z.array(column).min(1).max(20),
		/** One text per column under the rows, e.g. totals; it sees the whole data, not `row`. */
		footer: z.array(textSchema).optional(),
		font_size: z.number().min(5).max(20).optional(),
		empty: textSchema.optional()
	}),
	if: condition.optional()
});

const chartBlock = z.strictObject({
	chart: z.enum(CHARTS),
	title: textSchema.optional(),
	width: z.number().min(100).max(800).optional(),
	height: z.number().min(60).max(800).optional(),
	if: condition.optional()
});

const signaturesBlock = z.strictObject({
	signatures: z.array(z.strictObject({ role: textSchema, name: textSchema.optional() })).min(1),
	space_before: space.optional(),
	if: condition.optional()
});

const pageBreakBlock = z.strictObject({ page_break: z.literal(true) });

/** The municipality's name and logo, as an admin set them; nothing when none is set. */
const letterheadBlock = z.strictObject({ letterhead: z.literal(true), if: condition.optional() });

/**
 * A heading and text for each item of a list, e.g. each event's narrative. An item whose text
 * comes out empty gets no heading either, so an unwritten section prints nothing.
 */
const sectionsBlock = z.strictObject({
	sections: z.strictObject({
		rows: z.string().regex(/^[a-z_][a-z0-9_]*(\.[a-z_][a-z0-9_]*)*$/, {
			error: 'rows must name a list in the data, such as report.events'
		}),
		heading: textSchema,
		text: textSchema
	}),
	if: condition.optional()
});

/** Each block is told apart by its one leading key, so a problem can name the block kind. */
export const BLOCKS = {
	text: textBlock,
	heading: headingBlock,
	rows: rowsBlock,
	table: tableBlock,
	chart: chartBlock,
	signatures: signaturesBlock,
	page_break: pageBreakBlock,
	letterhead: letterheadBlock,
	sections: sectionsBlock
} as const;
export type BlockKind = keyof typeof BLOCKS;

export type TextBlock = z.infer<typeof textBlock>;
export type HeadingBlock = z.infer<typeof headingBlock>;
export type RowsBlock = z.infer<typeof rowsBlock>;
export type TableBlock = z.infer<typeof tableBlock>;
export type ChartBlock = z.infer<typeof chartBlock>;
export type SignaturesBlock = z.infer<typeof signaturesBlock>;
export type PageBreakBlock = z.infer<typeof pageBreakBlock>;
export type LetterheadBlock = z.infer<typeof letterheadBlock>;
export type SectionsBlock = z.infer<typeof sectionsBlock>;
export type TemplateBlock =
	| TextBlock
	| HeadingBlock
	| RowsBlock
	| TableBlock
	| ChartBlock
	| SignaturesBlock
	| PageBreakBlock
	| LetterheadBlock
	| SectionsBlock;

export const templateHeadSchema = z.strictObject({
	template: z.string().regex(/^[a-z][a-z0-9-]{1,40}$/, {
		error: 'template must be a short id of small letters, digits and dashes'
	}),
	name: textSchema,
	description: textSchema.optional(),
	languages: z.array(z.enum(LOCALES)).min(1),
	data: z.array(z.enum(DATA_PARTS)).min(1),
	page: z
		.strictObject({
			size: z.enum(['A4', 'LETTER']).default('A4'),
			orientation: z.enum(['portrait', 'landscape']).default('portrait'),
			/** left, top, right, bottom, in points (72 to the inch) */
			margins: z.tuple([space, space, space, space]).default([60, 50, 50, 50]),
			font_size: z.number().min(6).max(20).default(11),
			footer: textSchema.optional()
		})
		.default({ size: 'A4', orientation: 'portrait', margins: [60, 50, 50, 50], font_size: 11 }),
	limits: z
		.strictObject({ expense_rows: z.int().min(0).max(1_000_000).default(20_000) })
		.default({ expense_rows: 20_000 }),
	content: z.array(z.unknown()).min(1)
});

export type TemplateDefinition = Omit<z.infer<typeof templateHeadSchema>, 'content'> & {
	content: TemplateBlock[];
};
