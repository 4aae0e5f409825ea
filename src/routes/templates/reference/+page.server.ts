// Thin: the field and filter reference, from the same generator as templates/REFERENCE.md.
import { fieldReference } from '$lib/domain/documents/field-reference';
import { FILTERS } from '$lib/domain/documents/template-engine';
import { BLOCKS, CHARTS } from '$lib/domain/documents/template-definition';

export const load = () => ({
	fields: fieldReference(),
	filters: Object.entries(FILTERS).map(([name, f]) => ({ name, ...f })),
	blocks: Object.keys(BLOCKS),
	charts: [...CHARTS]
});
