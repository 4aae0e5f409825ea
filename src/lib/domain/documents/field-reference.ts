/**
 * The reference of every field and filter a template can use, generated from the context schema
 * and the filter list, so that it cannot drift from what the engine accepts. Published as
 * templates/REFERENCE.md (a test keeps the file current) and on the templates page.
 */
import { z } from 'zod';
import { documentContextSchema } from './document-context';
import { unwrap } from './field-check';
import { FILTERS } from './template-engine';
import { BLOCKS, CHARTS } from './template-definition';

/** A field's type as data, so that a page can name it in the reader's language. */
export type FieldType =
	| { kind: 'list' | 'group' | 'int' | 'number' | 'text' | 'bool' | 'value'; nullable: boolean }
	| { kind: 'enum'; options: string[]; nullable: boolean };

export interface FieldEntry {
	path: string;
	type: string;
	kind: FieldType;
	description: string;
}

function kindOf(schema: z.ZodType, nullable = false): FieldType {
	if (schema instanceof z.ZodNullable) return kindOf(schema.unwrap() as z.ZodType, true);
	if (schema instanceof z.ZodOptional) return kindOf(schema.unwrap() as z.ZodType, nullable);
	if (schema instanceof z.ZodArray) return { kind: 'list', nullable };
	if (schema instanceof z.ZodObject) return { kind: 'group', nullable };
	if (schema instanceof z.ZodEnum)
		return { kind: 'enum', options: schema.options.map((o) => String(o)), nullable };
	if (schema instanceof z.ZodNumber)
		return { kind: schema.format?.includes('int') ? 'int' : 'number', nullable };
	if (schema instanceof z.ZodString) return { kind: 'text', nullable };
	if (schema instanceof z.ZodBoolean) return { kind: 'bool', nullable };
	return { kind: 'value', nullable };
}

function typeOf(schema: z.ZodType): string {
	if (schema instanceof z.ZodNullable) return `${typeOf(schema.unwrap() as z.ZodType)} or nil`;
	if (schema instanceof z.ZodOptional) return typeOf(schema.unwrap() as z.ZodType);
	if (schema instanceof z.ZodArray) return 'list';
	if (schema instanceof z.ZodObject) return 'group';
	if (schema instanceof z.ZodEnum) return schema.options.map((o) => `\`${String(o)}\``).join(' / ');
	if (schema instanceof z.ZodNumber)
		return schema.format?.includes('int') ? 'whole number' : 'number';
	if (schema instanceof z.ZodString) return 'text';
	if (schema instanceof z.ZodBoolean) return 'yes/no';
	return 'value';
}

function walk(schema: z.ZodType, path: string, out: FieldEntry[]) {
	const inner = unwrap(schema);
	const description =
		z.globalRegistry.get(schema)?.description ?? z.globalRegistry.get(inner)?.description ?? '';
	if (path) out.push({ path, type: typeOf(schema), kind: kindOf(schema), description });
	if (inner instanceof z.ZodObject)
		for (const [key, child] of Object.entries(inner.shape as Record<string, z.ZodType>))
			walk(child, path ? `${path}.${key}` : key, out);
	if (inner instanceof z.ZodArray) walk(inner.element as z.ZodType, `${path}[]`, out);
}

export function fieldReference(): FieldEntry[] {
	const out: FieldEntry[] = [];
	walk(documentContextSchema, '', out);
	// The item of a list has no description of its own; the list's says what it holds.
	return out.filter((entry) => !entry.path.endsWith('[]'));
}

export function referenceMarkdown(): string {
	const escape = (text: string) => text.replace(/\|/g, '\\|');
	const lines = [
		'# Template reference',
		'',
		'Generated from the data types by `npm run templates:reference`; do not edit by hand.',
		'',
		'A template is a YAML file in `templates/`. Its texts are [Liquid](https://liquidjs.com/):',
		'`{{ field | filter }}` prints a value, `{% if %}` and `{% for %}` decide and repeat. A text is',
		'one string for every language, or one per language (`lv:` and `en:`). Templates cannot read',
		'files or fetch anything: `include`, `render` and `layout` are refused.',
		'',
		'## Blocks',
		'',
		`The \`content\` list holds blocks, each starting with its kind: ${Object.keys(BLOCKS)
			.map((k) => `\`${k}\``)
			.join(', ')}. Any block may carry \`if:\` with a condition such as \`expenses.listed\`.`,
		'',
		`Charts: ${CHARTS.map((c) => `\`${c}\``).join(', ')}, drawn like the dashboard's.`,
		'',
		'In a `table`, each column reads the current item as `row` (e.g. `{{ row.date | date }}`).',
		'In `page.footer`, `page` and `pages` are the page numbers.',
		'',
		'## Fields',
		'',
		'`[]` marks the items of a list; in a `{% for x in list %}` loop they are `x`.',
		'Amounts are whole cents: print them with `| money`.',
		'',
		'| Field | Type | Meaning |',
		'| --- | --- | --- |',
		...fieldReference().map(
			(f) => `| \`${f.path}\` | ${escape(f.type)} | ${escape(f.description)} |`
		),
		'',
		'## Filters',
		'',
		"Besides Liquid's own (upcase, join, size, …):",
		'',
		'| Filter | Use | Example | Gives (LV) |',
		'| --- | --- | --- | --- |',
		...Object.entries(FILTERS).map(
			([name, f]) =>
				`| \`${name}\` | ${escape(f.usage)} | \`${escape(f.example)}\` | ${escape(f.result)} |`
		),
		''
	];
	return lines.join('\n');
}
