// Thin: the field and filter reference, from the same generator as templates/REFERENCE.md.
import { fieldReference } from '$lib/domain/documents/field-reference';
import { FILTERS } from '$lib/domain/documents/template-engine';
import { BLOCKS, CHARTS } from '$lib/domain/documents/template-definition';

/** The reference is written in Markdown; on the page its `code` marks would show as they are. */
const plain = (text: string) => text.replace(/`/g, '');

export const load = () => ({
	fields: fieldReference().map((f) => ({
		path: f.path,
		type: plain(f.type),
		description: plain(f.description)
	})),
	filters: Object.entries(FILTERS).map(([name, f]) => ({ name, ...f, usage: plain(f.usage) })),
	blocks: Object.keys(BLOCKS),
	charts: [...CHARTS]
});
