/**
 * What is wrong with a template, as a code and its parameters rather than a sentence, so that the
 * editor, the pages and the CLI can say it in the reader's language (src/lib/i18n/template-messages.ts).
 * The codes are read from the YAML parser's, zod's and Liquid's own errors here, in one place.
 */
import type { z } from 'zod';

export type TemplateIssue =
	| { code: 'yaml'; params: { kind: 'duplicate_key' | 'indent' | 'quote' | 'other' } }
	| { code: 'alias'; params: Record<string, never> }
	| { code: 'not_map'; params: Record<string, never> }
	| { code: 'unknown_option'; params: { where: string; keys: string } }
	| { code: 'invalid_type'; params: { where: string; expected: string } }
	| { code: 'invalid_value'; params: { where: string; options: string } }
	| { code: 'too_small'; params: { where: string; minimum: string } }
	| { code: 'too_big'; params: { where: string; maximum: string } }
	| { code: 'template_id'; params: { where: string } }
	| { code: 'table_rows'; params: { where: string } }
	| { code: 'invalid'; params: { where: string } }
	| { code: 'block_unknown'; params: { kinds: string } }
	| { code: 'block_two_kinds'; params: { kinds: string } }
	| { code: 'no_language'; params: { lang: string; languages: string } }
	| { code: 'no_text'; params: { lang: string } }
	| { code: 'id_changed'; params: { id: string } }
	| { code: 'unknown_field'; params: { field: string } }
	| { code: 'unknown_field_in'; params: { field: string; path: string } }
	| { code: 'needs_data'; params: { field: string; part: string } }
	| { code: 'liquid_tag'; params: { tag: string } }
	| { code: 'liquid_unclosed'; params: { what: string } }
	| { code: 'liquid_filter'; params: { filter: string } }
	| { code: 'liquid_sandbox'; params: { tag: string } }
	| { code: 'liquid'; params: { detail: string } }
	| { code: 'budget'; params: { kind: 'timeMs' | 'iterations' | 'characters'; limit: number } }
	| { code: 'render'; params: { detail: string } };

export type TemplateIssueCode = TemplateIssue['code'];

/** The YAML parser's error codes, in the few groups a reader can act on. */
export function yamlIssue(yamlCode: string): TemplateIssue {
	const kind =
		yamlCode === 'DUPLICATE_KEY'
			? 'duplicate_key'
			: ['BAD_INDENT', 'TAB_AS_INDENT', 'MULTILINE_IMPLICIT_KEY', 'BLOCK_AS_IMPLICIT_KEY'].includes(
						yamlCode
				  )
				? 'indent'
				: ['MISSING_CHAR', 'BAD_DQ_ESCAPE', 'BAD_SCALAR_START'].includes(yamlCode)
					? 'quote'
					: 'other';
	return { code: 'yaml', params: { kind } };
}

/** A zod issue of the template's shape, at `where` (a path such as `content[2].heading`). */
export function zodIssue(issue: z.core.$ZodIssue, where: string): TemplateIssue {
	const last = issue.path[issue.path.length - 1];
	switch (issue.code) {
		case 'unrecognized_keys':
			return { code: 'unknown_option', params: { where, keys: issue.keys.join(', ') } };
		case 'invalid_type':
			return { code: 'invalid_type', params: { where, expected: String(issue.expected) } };
		case 'invalid_value':
			return {
				code: 'invalid_value',
				params: { where, options: issue.values.map((v) => String(v)).join(', ') }
			};
		case 'too_small':
			return { code: 'too_small', params: { where, minimum: String(issue.minimum) } };
		case 'too_big':
			return { code: 'too_big', params: { where, maximum: String(issue.maximum) } };
		case 'invalid_union': {
			// A choice of literals (`level: 1 | 2 | 3`) says its values; any other choice, that it is wrong.
			const branches = issue.errors.flat();
			if (branches.length > 0 && branches.every((b) => b.code === 'invalid_value'))
				return {
					code: 'invalid_value',
					params: {
						where,
						options: branches
							.flatMap((b) => (b.code === 'invalid_value' ? b.values : []))
							.map((v) => String(v))
							.join(', ')
					}
				};
			return { code: 'invalid', params: { where } };
		}
		case 'invalid_format':
			if (last === 'template') return { code: 'template_id', params: { where } };
			if (last === 'rows') return { code: 'table_rows', params: { where } };
			return { code: 'invalid', params: { where } };
		default:
			return { code: 'invalid', params: { where } };
	}
}

/** Liquid's parse errors by their wording (liquidjs has no codes), without the position. */
export function liquidIssue(message: string, sandboxTag?: string): TemplateIssue {
	if (sandboxTag) return { code: 'liquid_sandbox', params: { tag: sandboxTag } };
	const tag = /^tag "([^"]+)" not found/.exec(message);
	if (tag) return { code: 'liquid_tag', params: { tag: tag[1]! } };
	const unclosed = /^(?:tag|output) (.+) not closed/.exec(message);
	if (unclosed)
		return { code: 'liquid_unclosed', params: { what: unclosed[1]!.replace(/"/g, '') } };
	const filter = /^undefined filter: (\S+)/.exec(message);
	if (filter) return { code: 'liquid_filter', params: { filter: filter[1]! } };
	return { code: 'liquid', params: { detail: message } };
}
