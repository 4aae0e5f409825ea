/**
 * The field and filter reference in the reader's language: the fields and filters come from the
 * generated reference (field-reference.ts, the zod schema), their words from the messages, keyed
 * by the field's path (`tpl_ref_events_title` for `events[].title`) and the filter's name. The
 * English source stays in the schema for templates/REFERENCE.md; a test keeps every field worded.
 * The web page (/templates/reference) shows it as tables, `cofund template reference` prints the
 * same text as Markdown (`localReferenceMarkdown`).
 */
import { fieldReference, type FieldType } from '$lib/domain/documents/field-reference';
import { BLOCKS, CHARTS } from '$lib/domain/documents/template-definition';
import { FILTERS } from '$lib/domain/documents/template-engine';
import type { Locale } from '$lib/domain/locale';
import { m } from '$lib/paraglide/messages.js';

type Say = (inputs: Record<string, never>, options: { locale: Locale }) => string;
const messages = m as unknown as Record<string, Say | undefined>;

export const fieldMessageKey = (path: string) =>
	`tpl_ref_${path.replace(/\[\]/g, '').replace(/\./g, '_')}`;
export const filterMessageKey = (name: string) => `tpl_filter_${name}`;

function typeName(type: FieldType, locale: Locale): string {
	const say = { locale };
	const base =
		type.kind === 'enum'
			? type.options.join(' / ')
			: type.kind === 'list'
				? m.tpl_type_list({}, say)
				: type.kind === 'group'
					? m.tpl_type_group({}, say)
					: type.kind === 'int'
						? m.tpl_type_int({}, say)
						: type.kind === 'number'
							? m.tpl_type_number({}, say)
							: type.kind === 'text'
								? m.tpl_type_text({}, say)
								: type.kind === 'bool'
									? m.tpl_type_bool({}, say)
									: m.tpl_type_value({}, say);
	return type.nullable ? m.tpl_type_or_nil({ type: base }, say) : base;
}

/** The reference is written in Markdown; on a page its `code` marks would show as they are. */
const plain = (text: string) => text.replace(/`/g, '');

export function localFieldReference(locale: Locale) {
	return fieldReference().map((f) => ({
		path: f.path,
		type: typeName(f.kind, locale),
		description: plain(messages[fieldMessageKey(f.path)]?.({}, { locale }) ?? f.description)
	}));
}

export function localFilters(locale: Locale) {
	return Object.entries(FILTERS).map(([name, f]) => ({
		name,
		example: f.example,
		result: f.result,
		usage: plain(messages[filterMessageKey(name)]?.({}, { locale }) ?? f.usage)
	}));
}

/** A Markdown table cell: a `|` in the text would end the cell. */
const cell = (text: string) => text.replace(/\|/g, '\\|');

/** The reference page as Markdown, in the reader's language: its lead, blocks, fields, filters. */
export function localReferenceMarkdown(locale: Locale): string {
	const say = { locale };
	const code = (names: readonly string[]) => names.map((n) => `\`${n}\``).join(', ');
	return [
		`# ${m.templates_reference({}, say)}`,
		'',
		m.templates_reference_lead({}, say),
		'',
		`${m.templates_blocks({}, say)} ${code(Object.keys(BLOCKS))}.`,
		`${m.templates_charts({}, say)} ${code(CHARTS)}.`,
		'',
		`## ${m.templates_fields({}, say)}`,
		'',
		`| ${m.templates_field({}, say)} | ${m.templates_type({}, say)} | ${m.templates_meaning({}, say)} |`,
		'| --- | --- | --- |',
		...localFieldReference(locale).map(
			(f) => `| \`${f.path}\` | ${cell(f.type)} | ${cell(f.description)} |`
		),
		'',
		`## ${m.templates_filters({}, say)}`,
		'',
		`| ${m.templates_filter({}, say)} | ${m.templates_use({}, say)} | ${m.templates_example({}, say)} |`,
		'| --- | --- | --- |',
		...localFilters(locale).map(
			(f) => `| \`${f.name}\` | ${cell(f.usage)} | \`${cell(f.example)}\` → ${cell(f.result)} |`
		)
	].join('\n');
}
