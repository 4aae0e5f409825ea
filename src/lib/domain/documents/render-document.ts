/**
 * Fills a compiled template with a context: the result is a document model of plain text,
 * tables and chart slots, with no Liquid left in it. Every error names the template's line.
 * Table cells are rendered row by row with one shared Liquid context, because a 10,000-row
 * appendix would otherwise spend its time building contexts rather than text. All of it, the
 * footers drawn later for every page included, spends from one budget.
 */
import type { Context, Template } from 'liquidjs';
import type { TemplateScope } from './build-context';
import type { CompiledTemplate } from './parse-template';
import { RenderBudget } from './render-budget';
import { budgetedContext } from './template-engine';
import type { ChartName } from './template-definition';

type Align = 'left' | 'center' | 'right' | 'justify';

export type ModelBlock =
	| {
			kind: 'text';
			lines: string[];
			style: 'body' | 'title' | 'heading' | 'subheading' | 'small' | 'note';
			align?: Align | undefined;
			bold?: boolean | undefined;
			size?: number | undefined;
			spaceBefore?: number | undefined;
			spaceAfter?: number | undefined;
	  }
	| {
			kind: 'heading';
			text: string;
			level: 1 | 2 | 3;
			pageBreakBefore: boolean;
			/** The orientation of the pages from this heading on, when it starts a page. */
			orientation?: 'portrait' | 'landscape' | undefined;
	  }
	| {
			kind: 'rows';
			rows: { label: string[]; text: string[] }[];
			labelWidth: number;
			spaceBefore?: number | undefined;
	  }
	| {
			kind: 'table';
			columns: { title: string; width: number | 'auto' | '*'; align: Align }[];
			body: string[][];
			footer: string[] | null;
			fontSize?: number | undefined;
			empty: string | null;
	  }
	| { kind: 'chart'; chart: ChartName; title: string | null; width: number; height: number }
	| { kind: 'signatures'; signatures: { role: string; name: string }[]; spaceBefore: number }
	| { kind: 'page_break' }
	/** The letterhead: the name in the document's language, and whether the logo is drawn. */
	| { kind: 'letterhead'; name: string; logo: boolean }
	| { kind: 'sections'; sections: { heading: string; lines: string[] }[] };

export interface DocumentModel {
	title: string;
	page: CompiledTemplate['parsed']['definition']['page'];
	/** The footer for one page, or null when the template has none. */
	footer: ((page: number, pages: number) => string) | null;
	blocks: ModelBlock[];
}

/** A text's lines: each trimmed, empty ones dropped, so YAML and Liquid layout never shows. */
const toLines = (text: string) =>
	text
		.split('\n')
		.map((line) => line.replace(/[ \t]+/g, ' ').trim())
		.filter((line) => line !== '');

export function renderDocument(
	compiled: CompiledTemplate,
	scope: TemplateScope,
	budget: RenderBudget = new RenderBudget()
): DocumentModel {
	const { engine, parsed } = compiled;
	// Called through the object: TypeScript only narrows on `never` for declared members.
	const fail = (path: (string | number)[], error: unknown): never => compiled.fail(path, error);
	const { definition } = parsed;
	const context = budgetedContext(scope, engine, budget);

	const run = (
		templates: Template[],
		path: (string | number)[],
		ctx: Context = context
	): string => {
		try {
			return engine.renderSync(templates, ctx) as string;
		} catch (error) {
			return fail(path, error);
		}
	};
	const text = (...path: (string | number)[]): string => {
		const compiledText = compiled.texts.get(JSON.stringify(path));
		if (!compiledText) throw new Error(`no compiled text at ${path.join('.')}`);
		return run(compiledText.templates, compiledText.at);
	};
	const shows = (...path: (string | number)[]) => {
		const condition = compiled.conditions.get(JSON.stringify(path));
		return !condition || run(condition.templates, condition.at) === '1';
	};

	/** The list a table or sections block walks, refused whole before a row if it is too long. */
	const listAt = (rows: string, path: (string | number)[]): unknown[] => {
		let items: unknown;
		try {
			items = engine.evalValueSync(rows, context);
		} catch (error) {
			fail(path, error);
		}
		if (!Array.isArray(items)) fail(path, { message: `${rows} is not a list` });
		try {
			budget.iterate((items as unknown[]).length);
		} catch (error) {
			fail(path, error);
		}
		return items as unknown[];
	};

	const blocks: ModelBlock[] = [];
	for (const [i, block] of definition.content.entries()) {
		const at = (...rest: (string | number)[]) => ['content', i, ...rest];
		if ('page_break' in block) {
			blocks.push({ kind: 'page_break' });
			continue;
		}
		if (!shows(...at('if'))) continue;
		if ('text' in block) {
			blocks.push({
				kind: 'text',
				lines: toLines(text(...at('text'))),
				style: block.style ?? 'body',
				align: block.align,
				bold: block.bold,
				size: block.size,
				spaceBefore: block.space_before,
				spaceAfter: block.space_after
			});
		} else if ('heading' in block) {
			blocks.push({
				kind: 'heading',
				text: toLines(text(...at('heading'))).join(' '),
				level: block.level ?? 1,
				pageBreakBefore: block.page_break_before ?? false,
				orientation: block.page_orientation
			});
		} else if ('rows' in block) {
			const rows = block.rows.flatMap((row, r) =>
				shows(...at('rows', r, 'if'))
					? [
							{
								label: toLines(text(...at('rows', r, 'label'))),
								text: toLines(text(...at('rows', r, 'text')))
							}
						]
					: []
			);
			blocks.push({
				kind: 'rows',
				rows,
				labelWidth: block.label_width ?? 170,
				spaceBefore: block.space_before
			});
		} else if ('table' in block) {
			const { table } = block;
			const items = listAt(table.rows, at('table', 'rows'));
			const cells = table.columns.map((_, c) =>
				compiled.texts.get(JSON.stringify(at('table', 'columns', c, 'value')))!
			);
			const body: string[][] = [];
			for (const item of items) {
				context.push({ row: item });
				try {
					body.push(cells.map((cell) => toLines(run(cell.templates, cell.at)).join(' ')));
				} finally {
					context.pop();
				}
			}
			blocks.push({
				kind: 'table',
				columns: table.columns.map((column, c) => ({
					title: toLines(text(...at('table', 'columns', c, 'title'))).join(' '),
					width: column.width ?? 'auto',
					align: column.align ?? 'left'
				})),
				body,
				footer: table.footer
					? table.footer.map((_, f) => toLines(text(...at('table', 'footer', f))).join(' '))
					: null,
				fontSize: table.font_size,
				empty: table.empty ? toLines(text(...at('table', 'empty'))).join(' ') : null
			});
		} else if ('chart' in block) {
			blocks.push({
				kind: 'chart',
				chart: block.chart,
				title: block.title ? toLines(text(...at('title'))).join(' ') : null,
				width: block.width ?? 480,
				height: block.height ?? 220
			});
		} else if ('letterhead' in block) {
			const { letterhead } = scope;
			if (letterhead.name || letterhead.logo)
				blocks.push({ kind: 'letterhead', name: letterhead.name, logo: letterhead.logo });
		} else if ('sections' in block) {
			const items = listAt(block.sections.rows, at('sections', 'rows'));
			const heading = compiled.texts.get(JSON.stringify(at('sections', 'heading')))!;
			const body = compiled.texts.get(JSON.stringify(at('sections', 'text')))!;
			const sections: { heading: string; lines: string[] }[] = [];
			for (const item of items) {
				context.push({ row: item });
				try {
					const lines = toLines(run(body.templates, body.at));
					// No text, no heading: a section nobody wrote is left out whole.
					if (lines.length > 0)
						sections.push({
							heading: toLines(run(heading.templates, heading.at)).join(' '),
							lines
						});
				} finally {
					context.pop();
				}
			}
			if (sections.length > 0) blocks.push({ kind: 'sections', sections });
		} else if ('signatures' in block) {
			blocks.push({
				kind: 'signatures',
				signatures: block.signatures.map((s, n) => ({
					role: toLines(text(...at('signatures', n, 'role'))).join(' '),
					name: s.name ? toLines(text(...at('signatures', n, 'name'))).join(' ') : ''
				})),
				spaceBefore: block.space_before ?? 30
			});
		}
	}

	const footer = compiled.texts.get(JSON.stringify(['page', 'footer']));
	return {
		title: toLines(text('name')).join(' '),
		page: definition.page,
		// Footers are drawn while pdfmake lays the pages out, long after the text above was
		// rendered: each gets a context of its own for its page numbers, spending the same budget.
		footer: footer
			? (page, pages) =>
					toLines(
						run(
							footer.templates,
							footer.at,
							budgetedContext({ ...scope, page, pages }, engine, budget)
						)
					).join(' ')
			: null,
		blocks
	};
}
