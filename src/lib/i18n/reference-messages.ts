/**
 * The field and filter reference in the reader's language: the fields and filters come from the
 * generated reference (field-reference.ts, the zod schema), their words from the messages, keyed
 * by the field's path (`tpl_ref_events_title` for `events[].title`) and the filter's name. The
 * English source stays in the schema for templates/REFERENCE.md; a test keeps every field worded.
 */
import { fieldReference, type FieldType } from '$lib/domain/documents/field-reference';
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
