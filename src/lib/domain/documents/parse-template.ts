/**
 * Reads a template file (YAML) into a checked definition, or fails with the file, the line and
 * the problem: bad YAML, an unknown block or option, a text missing a language, Liquid that does
 * not parse, a field the data does not have. Nothing is rendered until all of it passes. The check
 * finds every independent problem, not only the first (`lintTemplate`): all the YAML parser's
 * errors, all of zod's issues, and each Liquid text on its own, so one bad text hides no other.
 */
import { isMap, isScalar, LineCounter, parseDocument, visit, type Document } from 'yaml';
import type { Template } from 'liquidjs';
import { z } from 'zod';
import type { Locale } from '../locale';
import { pathToString } from '../project/definition';
import { unknownField } from './field-check';
import { RenderBudgetError, type BudgetKind } from './render-budget';
import { createTemplateEngine, TemplateSandboxError } from './template-engine';
import { liquidIssue, yamlIssue, zodIssue, type TemplateIssue } from './template-issue';
import {
	BLOCKS,
	templateHeadSchema,
	type BlockKind,
	type TemplateBlock,
	type TemplateDefinition,
	type TemplateText
} from './template-definition';

export class TemplateError extends Error {
	constructor(
		readonly file: string,
		readonly line: number,
		readonly problem: string,
		/** Set when the render ran out of its budget: which limit, and its figure. */
		readonly budget?: { kind: BudgetKind; limit: number },
		/** The problem as a code and its parameters, said in the reader's language by the caller. */
		readonly issue: TemplateIssue = budget
			? { code: 'budget', params: budget }
			: { code: 'render', params: { detail: problem } }
	) {
		super(`${file}:${line}: ${problem}`);
		this.name = 'TemplateError';
	}
}

/**
 * Every problem of a template, thrown as its first (the earliest line), so that a caller that
 * shows one problem still can, and one that lists them reads `problems`.
 */
export class TemplateErrors extends TemplateError {
	constructor(readonly problems: readonly [TemplateError, ...TemplateError[]]) {
		const [first] = problems;
		super(first.file, first.line, first.problem, first.budget, first.issue);
	}
}

/** Every problem an error says: each of a {@link TemplateErrors}, or the one. */
export const templateProblems = (error: TemplateError): readonly TemplateError[] =>
	error instanceof TemplateErrors ? error.problems : [error];

type Path = (string | number)[];

export interface ParsedTemplate {
	file: string;
	source: string;
	definition: TemplateDefinition;
	/** The line of the file where the value at a path starts (1-based). */
	lineAt(path: Path): number;
	/** How many lines the value's text starts below its key: 1 for `|` blocks, else 0. */
	textOffset(path: Path): number;
}

function locate(doc: Document, counter: LineCounter) {
	const nodeAt = (path: Path) => {
		for (let end = path.length; end >= 0; end--) {
			const node = end === 0 ? doc.contents : doc.getIn(path.slice(0, end), true);
			if (node && typeof node === 'object' && 'range' in node && node.range)
				return node as { range: [number, number, number]; type?: string };
		}
		return null;
	};
	return {
		lineAt: (path: Path) => {
			const node = nodeAt(path);
			return node ? counter.linePos(node.range[0]).line : 1;
		},
		textOffset: (path: Path) => {
			const node = doc.getIn(path, true);
			return isScalar(node) && (node.type === 'BLOCK_LITERAL' || node.type === 'BLOCK_FOLDED')
				? 1
				: 0;
		}
	};
}

/** Where a zod issue points: an unknown key is found at the key itself, not its parent. */
const issuePath = (issue: z.core.$ZodIssue): Path =>
	issue.code === 'unrecognized_keys'
		? [...(issue.path as Path), issue.keys[0]!]
		: (issue.path as Path);

const zodProblem = (issue: z.core.$ZodIssue) =>
	issue.code === 'unrecognized_keys'
		? `unknown option ${issue.keys.map((k) => `"${k}"`).join(', ')}`
		: issue.message;

/** Notes a problem at a path of the file; the check goes on to find the others. */
type Report = (path: Path, problem: string, issue: TemplateIssue) => void;

/** One block checked against its kind's schema: the block, or null after reporting each issue. */
function checkBlock(raw: unknown, index: number, report: Report): TemplateBlock | null {
	const path = ['content', index];
	const blocks = Object.keys(BLOCKS).join(', ');
	if (!raw || typeof raw !== 'object' || Array.isArray(raw)) {
		report(path, `a block must be one of: ${blocks}`, {
			code: 'block_unknown',
			params: { kinds: blocks }
		});
		return null;
	}
	const kinds = Object.keys(raw).filter((key): key is BlockKind => key in BLOCKS);
	if (kinds.length === 0) {
		report(path, `unknown block; a block starts with one of: ${blocks}`, {
			code: 'block_unknown',
			params: { kinds: blocks }
		});
		return null;
	}
	if (kinds.length > 1) {
		report(path, `a block has one kind, this one has ${kinds.join(' and ')}`, {
			code: 'block_two_kinds',
			params: { kinds: kinds.join(', ') }
		});
		return null;
	}
	const result = BLOCKS[kinds[0]!].safeParse(raw);
	if (result.success) return result.data as TemplateBlock;
	for (const issue of result.error.issues) {
		const where = pathToString(issuePath(issue)) || kinds[0]!;
		report(
			[...path, ...issuePath(issue)],
			`${kinds[0]} block: ${zodProblem(issue)}`,
			zodIssue(issue, where)
		);
	}
	return null;
}

/** Every Liquid text in a template with its path: what gets compiled and checked per language. */
export function* templateTexts(
	definition: TemplateDefinition
): Generator<{ path: Path; text: TemplateText; scope: 'document' | 'row' | 'page' }> {
	yield { path: ['name'], text: definition.name, scope: 'document' };
	if (definition.page.footer)
		yield { path: ['page', 'footer'], text: definition.page.footer, scope: 'page' };
	for (const [i, block] of definition.content.entries()) {
		const at = (...rest: Path) => ['content', i, ...rest];
		if ('text' in block) yield { path: at('text'), text: block.text, scope: 'document' };
		if ('heading' in block) yield { path: at('heading'), text: block.heading, scope: 'document' };
		if ('rows' in block)
			for (const [r, row] of block.rows.entries()) {
				yield { path: at('rows', r, 'label'), text: row.label, scope: 'document' };
				yield { path: at('rows', r, 'text'), text: row.text, scope: 'document' };
			}
		if ('table' in block) {
			for (const [c, column] of block.table.columns.entries()) {
				yield { path: at('table', 'columns', c, 'title'), text: column.title, scope: 'document' };
				yield { path: at('table', 'columns', c, 'value'), text: column.value, scope: 'row' };
			}
			for (const [f, text] of (block.table.footer ?? []).entries())
				yield { path: at('table', 'footer', f), text, scope: 'document' };
			if (block.table.empty)
				yield { path: at('table', 'empty'), text: block.table.empty, scope: 'document' };
		}
		if ('chart' in block && block.chart && 'title' in block && block.title)
			yield { path: at('title'), text: block.title, scope: 'document' };
		if ('sections' in block) {
			yield { path: at('sections', 'heading'), text: block.sections.heading, scope: 'row' };
			yield { path: at('sections', 'text'), text: block.sections.text, scope: 'row' };
		}
		if ('signatures' in block)
			for (const [s, signature] of block.signatures.entries()) {
				yield { path: at('signatures', s, 'role'), text: signature.role, scope: 'document' };
				if (signature.name)
					yield { path: at('signatures', s, 'name'), text: signature.name, scope: 'document' };
			}
	}
}

/** The text in one language: a plain string serves every language. */
export function textIn(text: TemplateText, lang: Locale): string | undefined {
	return typeof text === 'string' ? text : text[lang];
}

/** The budget error behind an error, as thrown or as Liquid wrapped it. */
function budgetError(error: unknown): RenderBudgetError | undefined {
	if (error instanceof RenderBudgetError) return error;
	const original = (error as { originalError?: unknown } | null)?.originalError;
	return original instanceof RenderBudgetError ? original : undefined;
}

/** Liquid's own message without its position, which the caller turns into a file line. */
function liquidProblem(error: unknown): { problem: string; line: number; issue?: TemplateIssue } {
	if (error instanceof TemplateSandboxError)
		return { problem: error.message, line: 1, issue: liquidIssue(error.message, error.tag) };
	const e = error as {
		message?: string;
		token?: { getPosition?: () => [number, number] };
		issue?: TemplateIssue;
		originalError?: unknown;
	};
	const budget = budgetError(error);
	if (budget) return { problem: budget.message, line: e.token?.getPosition?.()[0] ?? 1 };
	const position = e.token?.getPosition?.() ?? [1, 0];
	const message = String(e.message ?? error)
		.split('\n')[0]!
		.replace(/, line:\d+, col:\d+$/, '');
	const sandbox = e.originalError instanceof TemplateSandboxError ? e.originalError.tag : undefined;
	return { problem: message, line: position[0], issue: e.issue ?? liquidIssue(message, sandbox) };
}

/** A template made ready for one language: every text parsed by that language's engine. */
export interface CompiledTemplate {
	parsed: ParsedTemplate;
	lang: Locale;
	engine: ReturnType<typeof createTemplateEngine>;
	/** Keyed by the JSON of the text's path; `at` is where its source starts (with the language). */
	texts: Map<string, { templates: Template[]; at: Path }>;
	conditions: Map<string, { templates: Template[]; at: Path }>;
	/** Fails with the line of a text; for errors found while rendering. */
	fail(path: Path, error: unknown): never;
}

const CONDITIONS_SCOPE = 'document';

/**
 * Parses every text of the template in one language. Without `report`, the first problem is
 * thrown; with it, each text, condition and field is checked on its own and every problem is
 * reported, so one bad text does not hide the next.
 */
export function compileTemplate(
	parsed: ParsedTemplate,
	lang: Locale,
	currency = 'EUR',
	report?: (problem: TemplateError) => void
): CompiledTemplate {
	const { definition } = parsed;
	if (!definition.languages.includes(lang))
		throw new TemplateError(
			parsed.file,
			parsed.lineAt(['languages']),
			`the template has no ${lang.toUpperCase()} version (languages: ${definition.languages.join(', ')})`,
			undefined,
			{ code: 'no_language', params: { lang, languages: definition.languages.join(', ') } }
		);
	const engine = createTemplateEngine(lang, currency);
	const fail = (path: Path, error: unknown): never => {
		if (error instanceof TemplateError) throw error;
		const { problem, line, issue } = liquidProblem(error);
		const budget = budgetError(error);
		throw new TemplateError(
			parsed.file,
			parsed.lineAt(path) + parsed.textOffset(path) + line - 1,
			problem,
			budget && { kind: budget.kind, limit: budget.limit },
			budget ? undefined : issue
		);
	};
	/** Runs one check; a problem it finds is reported, when reporting, instead of ending the rest. */
	const attempt = (check: () => void) => {
		try {
			check();
		} catch (error) {
			if (!report || !(error instanceof TemplateError)) throw error;
			report(error);
		}
	};
	const compile = (
		path: Path,
		source: string,
		scope: 'document' | 'row' | 'page',
		rows?: string
	) => {
		let templates: Template[] = [];
		try {
			templates = engine.parse(source);
		} catch (error) {
			attempt(() => fail(path, error));
			return templates;
		}
		for (const variables of Object.values(engine.analyzeSync(templates).globals))
			for (const variable of variables) {
				const unknown = unknownField(variable.segments, scope, definition.data, rows);
				if (!unknown) continue;
				// The field's own line inside the text, so a long `|` block points at it.
				const row = variable.location.row;
				attempt(() =>
					fail(path, {
						message: unknown.problem,
						issue: unknown.issue,
						token: { getPosition: () => [row, variable.location.col] }
					})
				);
			}
		return templates;
	};
	const texts: CompiledTemplate['texts'] = new Map();
	const rowsOf = new Map<string, string>();
	for (const [i, block] of definition.content.entries())
		if ('table' in block) rowsOf.set(String(i), block.table.rows);
		else if ('sections' in block) rowsOf.set(String(i), block.sections.rows);
	for (const { path, text, scope } of templateTexts(definition)) {
		const source = textIn(text, lang);
		const textPath = typeof text === 'string' ? path : [...path, lang];
		if (source === undefined) {
			attempt(() =>
				fail(path, {
					message: `no ${lang.toUpperCase()} text here`,
					issue: { code: 'no_text', params: { lang } }
				})
			);
			continue;
		}
		const rows = path[0] === 'content' ? rowsOf.get(String(path[1])) : undefined;
		texts.set(JSON.stringify(path), {
			templates: compile(textPath, source, scope, rows),
			at: textPath
		});
	}
	const conditions: CompiledTemplate['conditions'] = new Map();
	const conditionAt = (path: Path, expression: string) =>
		conditions.set(JSON.stringify(path), {
			templates: compile(path, `{% if ${expression} %}1{% endif %}`, CONDITIONS_SCOPE),
			at: path
		});
	for (const [i, block] of definition.content.entries()) {
		if ('if' in block && block.if) conditionAt(['content', i, 'if'], block.if);
		if ('rows' in block)
			for (const [r, row] of block.rows.entries())
				if (row.if) conditionAt(['content', i, 'rows', r, 'if'], row.if);
		if ('table' in block) {
			const unknown = unknownField(block.table.rows.split('.'), 'document', definition.data);
			if (unknown)
				attempt(() =>
					fail(['content', i, 'table', 'rows'], {
						message: unknown.problem,
						issue: unknown.issue
					})
				);
		}
		if ('sections' in block) {
			const unknown = unknownField(block.sections.rows.split('.'), 'document', definition.data);
			if (unknown) attempt(() => fail(['content', i, 'sections', 'rows'], { message: unknown }));
		}
	}
	return { parsed, lang, engine, texts, conditions, fail };
}

/** What an anchor or alias is told, at its line. */
const ALIAS_PROBLEM =
	'YAML anchors and aliases (&name, *name) are not allowed in a template: write the text out where it is used';

/**
 * A template is read as plain data: an alias would let a few lines stand for an exponential
 * amount of text (the "billion laughs"), so every anchor and alias is refused at its line.
 */
function aliasProblems(file: string, doc: Document, counter: LineCounter): TemplateError[] {
	const lines = new Set<number>();
	const note = (node: { range?: [number, number, number] | null }) =>
		lines.add(counter.linePos(node.range?.[0] ?? 0).line);
	visit(doc, {
		Alias(_, node) {
			note(node);
		},
		Node(_, node) {
			if (node.anchor) note(node);
		}
	});
	return [...lines].map(
		(line) => new TemplateError(file, line, ALIAS_PROBLEM, undefined, { code: 'alias', params: {} })
	);
}

/** The YAML parser's errors, every one, each at its line. */
function yamlProblems(file: string, doc: Document, counter: LineCounter): TemplateError[] {
	return doc.errors.map(
		(error) =>
			new TemplateError(
				file,
				counter.linePos(error.pos[0]).line,
				error.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, ''),
				undefined,
				yamlIssue(error.code)
			)
	);
}

/** The template's shape: its head and each of its blocks, every zod issue reported. */
function checkShape(
	raw: unknown,
	report: Report
): Omit<TemplateDefinition, 'content'> & { content: (TemplateBlock | null)[] } {
	const head = templateHeadSchema.safeParse(raw);
	if (!head.success)
		for (const issue of head.error.issues) {
			const where = pathToString(issue.path);
			report(
				issuePath(issue),
				where ? `${where}: ${zodProblem(issue)}` : zodProblem(issue),
				zodIssue(issue, pathToString(issuePath(issue)))
			);
		}
	// The blocks are checked even when the head is wrong, so a bad block is said at once too.
	const blocks: unknown = head.success ? head.data.content : (raw as { content?: unknown }).content;
	const content = Array.isArray(blocks) ? blocks.map((b, i) => checkBlock(b, i, report)) : [];
	return { ...head.data!, content };
}

/**
 * Every problem of a template, each at its line and sorted by it, and the parsed template when
 * there are none. YAML errors come alone (the file's shape cannot be trusted past them), then the
 * shape's, then the texts' in every language, each said once even when two languages share it.
 */
export function lintTemplate(
	file: string,
	source: string
): { parsed: ParsedTemplate | null; problems: TemplateError[] } {
	const counter = new LineCounter();
	const doc = parseDocument(source, {
		lineCounter: counter,
		prettyErrors: false,
		uniqueKeys: true
	});
	const early = yamlProblems(file, doc, counter);
	if (early.length === 0) early.push(...aliasProblems(file, doc, counter));
	if (early.length > 0) return { parsed: null, problems: early };
	const { lineAt, textOffset } = locate(doc, counter);
	const problems: TemplateError[] = [];
	const seen = new Set<string>();
	const add = (problem: TemplateError) => {
		const key = JSON.stringify([problem.line, problem.issue]);
		if (seen.has(key)) return;
		seen.add(key);
		problems.push(problem);
	};
	const report: Report = (path, problem, issue) =>
		add(new TemplateError(file, lineAt(path), problem, undefined, issue));
	if (!isMap(doc.contents)) {
		report([], 'a template is a set of keys: template, name, languages, data, content', {
			code: 'not_map',
			params: {}
		});
		return { parsed: null, problems };
	}
	const shape = checkShape(doc.toJS({ maxAliasCount: 0 }), report);
	const byLine = () => problems.sort((a, b) => a.line - b.line);
	if (problems.length > 0) return { parsed: null, problems: byLine() };
	const parsed: ParsedTemplate = {
		file,
		source,
		definition: { ...shape, content: shape.content as TemplateBlock[] },
		lineAt,
		textOffset
	};
	for (const lang of parsed.definition.languages) compileTemplate(parsed, lang, 'EUR', add);
	return problems.length > 0 ? { parsed: null, problems: byLine() } : { parsed, problems: [] };
}

/** The checked template; fails with all its problems (a {@link TemplateErrors}) when it has any. */
export function parseTemplate(file: string, source: string): ParsedTemplate {
	const { parsed, problems } = lintTemplate(file, source);
	const [first, ...rest] = problems;
	if (first) throw rest.length > 0 ? new TemplateErrors([first, ...rest]) : first;
	return parsed!;
}
