/** The audit log's filters as a URL carries them, read the same way by the page and the CSV. */
import { parseIsoDate } from '$lib/domain/format';
import type { AuditFilters } from './list-audit';

const date = (value: string | null) => (value && parseIsoDate(value) ? value : undefined);

export function auditFiltersFrom(query: URLSearchParams): AuditFilters {
	const text = (key: string) => query.get(key)?.trim() || undefined;
	return {
		action: text('action'),
		actor: text('actor'),
		project: text('project'),
		object: text('object'),
		from: date(query.get('from')),
		to: date(query.get('to'))
	};
}
