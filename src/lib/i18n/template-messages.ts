/** Says a template problem (a code and its parameters) in the reader's language, with or without its line. */
import { formatInteger } from '$lib/domain/format';
import type { Locale } from '$lib/domain/locale';
import type { TemplateIssue } from '$lib/domain/documents/template-issue';
import { m } from '$lib/paraglide/messages.js';

/** zod's names of the kinds of value, as the field reference names them. */
function kindName(expected: string, locale: Locale): string {
	const say = { locale };
	if (expected === 'string') return m.tpl_type_text({}, say);
	if (expected === 'number') return m.tpl_type_number({}, say);
	if (expected === 'int') return m.tpl_type_int({}, say);
	if (expected === 'boolean') return m.tpl_type_bool({}, say);
	if (expected === 'array') return m.tpl_type_list({}, say);
	if (expected === 'object' || expected === 'record') return m.tpl_type_group({}, say);
	return expected;
}

export function templateIssueText(issue: TemplateIssue, locale: Locale): string {
	const say = { locale };
	switch (issue.code) {
		case 'yaml':
			if (issue.params.kind === 'duplicate_key') return m.tpl_err_yaml_duplicate_key({}, say);
			if (issue.params.kind === 'indent') return m.tpl_err_yaml_indent({}, say);
			if (issue.params.kind === 'quote') return m.tpl_err_yaml_quote({}, say);
			return m.tpl_err_yaml_other({}, say);
		case 'alias':
			return m.tpl_err_alias({}, say);
		case 'not_map':
			return m.tpl_err_not_map({}, say);
		case 'unknown_option':
			return m.tpl_err_unknown_option(issue.params, say);
		case 'invalid_type':
			return m.tpl_err_invalid_type(
				{ ...issue.params, expected: kindName(issue.params.expected, locale) },
				say
			);
		case 'invalid_value':
			return m.tpl_err_invalid_value(issue.params, say);
		case 'too_small':
			return m.tpl_err_too_small(issue.params, say);
		case 'too_big':
			return m.tpl_err_too_big(issue.params, say);
		case 'template_id':
			return m.tpl_err_template_id(issue.params, say);
		case 'table_rows':
			return m.tpl_err_table_rows(issue.params, say);
		case 'invalid':
			return m.tpl_err_invalid(issue.params, say);
		case 'block_unknown':
			return m.tpl_err_block_unknown(issue.params, say);
		case 'block_two_kinds':
			return m.tpl_err_block_two_kinds(issue.params, say);
		case 'no_language':
			return m.tpl_err_no_language({ ...issue.params, lang: issue.params.lang.toUpperCase() }, say);
		case 'no_text':
			return m.tpl_err_no_text({ lang: issue.params.lang.toUpperCase() }, say);
		case 'id_changed':
			return m.tpl_err_id_changed(issue.params, say);
		case 'unknown_field':
			return m.tpl_err_unknown_field(issue.params, say);
		case 'unknown_field_in':
			return m.tpl_err_unknown_field_in(issue.params, say);
		case 'needs_data':
			return m.tpl_err_needs_data(issue.params, say);
		case 'liquid_tag':
			return m.tpl_err_liquid_tag(issue.params, say);
		case 'liquid_unclosed':
			return m.tpl_err_liquid_unclosed(issue.params, say);
		case 'liquid_filter':
			return m.tpl_err_liquid_filter(issue.params, say);
		case 'liquid_sandbox':
			return m.tpl_err_liquid_sandbox(issue.params, say);
		case 'liquid':
			return m.tpl_err_liquid(issue.params, say);
		case 'budget': {
			const { kind, limit } = issue.params;
			if (kind === 'iterations')
				return m.tpl_err_budget_iterations({ limit: formatInteger(limit, locale) }, say);
			if (kind === 'characters')
				return m.tpl_err_budget_characters({ limit: formatInteger(limit, locale) }, say);
			const seconds = formatInteger(Math.round(limit / 1000), locale);
			return m.tpl_err_budget_time({ seconds }, say);
		}
		case 'render':
			return m.tpl_err_render(issue.params, say);
	}
}

/** "Line 12: …", as the save form and the preview say it. */
export const templateProblemAt = (line: number, issue: TemplateIssue, locale: Locale) =>
	m.tpl_err_at({ line, problem: templateIssueText(issue, locale) }, { locale });
