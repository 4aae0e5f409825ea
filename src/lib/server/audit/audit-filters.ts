/** The audit log's filters as a URL carries them, read by the one schema (`audit-query.ts`) for the page and the CSV. */
import { readAuditQuery } from '$lib/domain/tables/audit-query';
import type { AuditFilters } from './list-audit';

export function auditFiltersFrom(query: URLSearchParams): AuditFilters {
	const { order: _order, page: _page, ...filters } = readAuditQuery(query);
	return filters;
}
