/**
 * Reads a template file (YAML) into a checked definition, or fails with the file, the line and
 * the problem: bad YAML, an unknown block or option, a text missing a language, Liquid that does
 * not parse, a field the data does not have. Nothing is rendered until all of it passes.
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

type Fail = (path: Path, problem: string, issue: TemplateIssue) => never;

function checkBlock(raw: unknown, index: number, fail: Fail) {
	const path = ['content', index];
	const blocks = Object.keys(BLOCKS).join(', ');
	if (!raw || typeof raw !== 'object' || Array.isArray(raw))
		fail(path, `a block must be one of: ${blocks}`, {
			code: 'block_unknown',
			params: { kinds: blocks }
		});
	const kinds = Object.keys(raw).filter((key): key is BlockKind => key in BLOCKS);
	if (kinds.length === 0)
		fail(path, `unknown block; a block starts with one of: ${blocks}`, {
			code: 'block_unknown',
			params: { kinds: blocks }
		});
	if (kinds.length > 1)
		fail(path, `a block has one kind, this one has ${kinds.join(' and ')}`, {
			code: 'block_two_kinds',
			params: { kinds: kinds.join(', ') }
		});
	const result = BLOCKS[kinds[0]!].safeParse(raw);
	if (!result.success) {
		const issue = result.error.issues[0]!;
		const where = pathToString(issuePath(issue)) || kinds[0]!;
		fail(
			[...path, ...issuePath(issue)],
			`${kinds[0]} block: ${zodProblem(issue)}`,
			zodIssue(issue, where)
		);
	}
	return result.data as TemplateBlock;
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

export function compileTemplate(
	parsed: ParsedTemplate,
	lang: Locale,
	currency = 'EUR'
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
	const compile = (
		path: Path,
		source: string,
		scope: 'document' | 'row' | 'page',
		rows?: string
	) => {
		let templates: Template[];
		try {
			templates = engine.parse(source);
		} catch (error) {
			fail(path, error);
		}
		for (const variables of Object.values(engine.analyzeSync(templates!).globals))
			for (const variable of variables) {
				const unknown = unknownField(variable.segments, scope, definition.data, rows);
				if (!unknown) continue;
				// The field's own line inside the text, so a long `|` block points at it.
				const row = variable.location.row;
				fail(path, {
					message: unknown.problem,
					issue: unknown.issue,
					token: { getPosition: () => [row, variable.location.col] }
				});
			}
		return templates!;
	};
	const texts: CompiledTemplate['texts'] = new Map();
	const rowsOf = new Map<string, string>();
	for (const [i, block] of definition.content.entries())
		if ('table' in block) rowsOf.set(String(i), block.table.rows);
		else if ('sections' in block) rowsOf.set(String(i), block.sections.rows);
	for (const { path, text, scope } of templateTexts(definition)) {
		const source = textIn(text, lang);
		const textPath = typeof text === 'string' ? path : [...path, lang];
		if (source === undefined)
			fail(path, {
				message: `no ${lang.toUpperCase()} text here`,
				issue: { code: 'no_text', params: { lang } }
			});
		const rows = path[0] === 'content' ? rowsOf.get(String(path[1])) : undefined;
		texts.set(JSON.stringify(path), {
			templates: compile(textPath, source!, scope, rows),
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
				fail(['content', i, 'table', 'rows'], { message: unknown.problem, issue: unknown.issue });
		}
		if ('sections' in block) {
			const unknown = unknownField(block.sections.rows.split('.'), 'document', definition.data);
			if (unknown) fail(['content', i, 'sections', 'rows'], { message: unknown });
		}
	}
	return { parsed, lang, engine, texts, conditions, fail };
}

/** What an anchor or alias is told, at its line. */
const ALIAS_PROBLEM =
	'YAML anchors and aliases (&name, *name) are not allowed in a template: write the text out where it is used';

/**
 * A template is read as plain data: an alias would let a few lines stand for an exponential
 * amount of text (the "billion laughs"), so the first anchor or alias is refused at its line.
 */
function refuseAliases(file: string, doc: Document, counter: LineCounter): void {
	let at: number | undefined;
	visit(doc, {
		Alias(_, node) {
			at = node.range?.[0] ?? 0;
			return visit.BREAK;
		},
		Node(_, node) {
			if (!node.anchor) return undefined;
			at = node.range?.[0] ?? 0;
			return visit.BREAK;
		}
	});
	if (at !== undefined)
		throw new TemplateError(file, counter.linePos(at).line, ALIAS_PROBLEM, undefined, {
			code: 'alias',
			params: {}
		});
}

export function parseTemplate(file: string, source: string): ParsedTemplate {
	const counter = new LineCounter();
	const doc = parseDocument(source, {
		lineCounter: counter,
		prettyErrors: false,
		uniqueKeys: true
	});
	const yamlError = doc.errors[0];
	if (yamlError) {
		const line = counter.linePos(yamlError.pos[0]).line;
		throw new TemplateError(
			file,
			line,
			yamlError.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, ''),
			undefined,
			yamlIssue(yamlError.code)
		);
	}
	refuseAliases(file, doc, counter);
	const { lineAt, textOffset } = locate(doc, counter);
	const fail: Fail = (path, problem, issue) => {
		throw new TemplateError(file, lineAt(path), problem, undefined, issue);
	};
	const raw: unknown = doc.toJS({ maxAliasCount: 0 });
	if (!isMap(doc.contents))
		fail([], 'a template is a set of keys: template, name, languages, data, content', {
			code: 'not_map',
			params: {}
		});
	const head = templateHeadSchema.safeParse(raw);
	if (!head.success) {
		const issue = head.error.issues[0]!;
		const where = pathToString(issue.path);
		fail(
			issuePath(issue),
			where ? `${where}: ${zodProblem(issue)}` : zodProblem(issue),
			zodIssue(issue, pathToString(issuePath(issue)))
		);
	}
	const content = head.data!.content.map((block, i) => checkBlock(block, i, fail));
	const parsed: ParsedTemplate = {
		file,
		source,
		definition: { ...head.data!, content },
		lineAt,
		textOffset
	};
	// Every language is compiled once here, so a broken text fails before any data is read.
	for (const lang of parsed.definition.languages) compileTemplate(parsed, lang);
	return parsed;
}
