/**
 * Checks a field a template names against the context schema before anything is rendered, so a
 * misspelt field in a branch that this project never reaches still fails with its line, and a
 * field whose rows the template did not ask for (`data:`) is named as such.
 */
import { z } from 'zod';
import type { DataPart } from './document-data';
import { documentContextSchema } from './document-context';
import type { TemplateIssue } from './template-issue';

type Segment = string | number | object;

/** Fields that are only filled when the template asks for these rows. */
const NEEDS: { prefix: string[]; part: DataPart }[] = [
	{ prefix: ['budget'], part: 'expenses' },
	{ prefix: ['expenses'], part: 'expenses' },
	{ prefix: ['mobility'], part: 'trips' },
	{ prefix: ['events', '*', 'participants'], part: 'trips' },
	{ prefix: ['events', '*', 'done'], part: 'trips' },
	{ prefix: ['events', '*', 'cancelled'], part: 'trips' },
	{ prefix: ['events', '*', 'spent'], part: 'expenses' },
	{ prefix: ['report'], part: 'narratives' },
	{ prefix: ['plan_version'], part: 'versions' },
	{ prefix: ['amendment'], part: 'versions' },
	{ prefix: ['control'], part: 'expenses' },
	{ prefix: ['control_work'], part: 'control' }
];

/** The schema inside any nullable or optional wrappers. */
export function unwrap(schema: z.ZodType): z.ZodType {
	let current = schema;
	while (current instanceof z.ZodNullable || current instanceof z.ZodOptional)
		current = current.unwrap() as z.ZodType;
	return current;
}

/** Walks the schema along the segments; returns the schema reached, or the first unknown name. */
function walk(
	root: z.ZodType,
	segments: readonly Segment[]
): { schema: z.ZodType | null; unknown?: string; normalised: string[] } {
	let schema: z.ZodType | null = unwrap(root);
	const normalised: string[] = [];
	for (const segment of segments) {
		if (schema === null) break;
		if (typeof segment === 'object') return { schema: null, normalised };
		if (schema instanceof z.ZodArray) {
			if (
				typeof segment === 'number' ||
				/^\d+$/.test(segment) ||
				segment === 'first' ||
				segment === 'last'
			) {
				schema = unwrap(schema.element as z.ZodType);
				normalised.push('*');
				continue;
			}
			if (segment === 'size') return { schema: null, normalised };
			return { schema: null, unknown: String(segment), normalised };
		}
		if (schema instanceof z.ZodObject) {
			// Own keys only: `constructor` or `__proto__` are not fields, whatever the prototype says.
			const shape = schema.shape as Record<string, z.ZodType>;
			const next = Object.hasOwn(shape, segment) ? shape[String(segment)] : undefined;
			if (!next) return { schema: null, unknown: String(segment), normalised };
			schema = unwrap(next);
			normalised.push(String(segment));
			continue;
		}
		if (schema instanceof z.ZodString && segment === 'size') return { schema: null, normalised };
		return { schema: null, unknown: String(segment), normalised };
	}
	return { schema, normalised };
}

const startsWith = (path: readonly string[], prefix: readonly string[]) =>
	prefix.every((p, i) => path[i] === p);

/** Why a field cannot be read: in English for logs and the CLI, and as an issue for the reader. */
export interface FieldProblem {
	problem: string;
	issue: TemplateIssue;
}

/**
 * Why a field does not exist for this template, or null when it does. `scope` says what else is
 * in reach: `row` (a table column, whose item is `row`) or `page` (the footer's page numbers).
 */
export function unknownField(
	segments: readonly Segment[],
	scope: 'document' | 'row' | 'page',
	data: readonly DataPart[],
	rows?: string
): FieldProblem | null {
	const [first, ...rest] = segments;
	if (typeof first !== 'string') return null;
	if (first === 'forloop' || first === 'tablerowloop') return null;
	if (scope === 'page' && (first === 'page' || first === 'pages')) return null;

	let path: Segment[] = [...segments];
	if (first === 'row' && scope === 'row' && rows) path = [...rows.split('.'), 0, ...rest];
	const shown = segments
		.filter((s) => typeof s !== 'object')
		.map((s, i) => (typeof s === 'number' ? `[${s}]` : i === 0 ? s : `.${s}`))
		.join('');
	const { unknown, normalised } = walk(documentContextSchema, path);
	if (unknown !== undefined)
		return unknown === first
			? {
					problem: `unknown field "${first}"`,
					issue: { code: 'unknown_field', params: { field: first } }
				}
			: {
					problem: `unknown field "${unknown}" in ${shown}`,
					issue: { code: 'unknown_field_in', params: { field: unknown, path: shown } }
				};
	for (const need of NEEDS)
		if (startsWith(normalised, need.prefix) && !data.includes(need.part))
			return {
				problem: `${shown} needs the ${need.part}: add ${need.part} to the template's data list`,
				issue: { code: 'needs_data', params: { field: shown, part: need.part } }
			};
	return null;
}
