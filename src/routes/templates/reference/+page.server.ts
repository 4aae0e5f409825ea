// Thin: the field and filter reference in the reader's language, from the same generator as templates/REFERENCE.md.
import { localFieldReference, localFilters } from '$lib/i18n/reference-messages';
import { BLOCKS, CHARTS } from '$lib/domain/documents/template-definition';

export const load = ({ locals }) => ({
	fields: localFieldReference(locals.locale),
	filters: localFilters(locals.locale),
	blocks: Object.keys(BLOCKS),
	charts: [...CHARTS]
});
