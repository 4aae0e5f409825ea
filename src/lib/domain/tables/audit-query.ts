/**
 * The audit log's filter, order and page as its URL carries them: one schema read by the log
 * page, its CSV and `cofund audit log`, so the same words select the same events everywhere.
 */
import { z } from 'zod';
import { dateParam, pageParam, paramsObject, textParam, toQuery } from './query-params';

export const auditFilterSchema = z.object({
	/** Free text over the action, the person, the object and what changed. */
	q: textParam,
	action: textParam,
	/** The person who did it, by email. */
	actor: textParam,
	/** The project the event belongs to, by code. */
	project: textParam,
	object: textParam,
	/** Plain dates, YYYY-MM-DD; `to` is inclusive. */
	from: dateParam,
	to: dateParam
});

export const auditQuerySchema = auditFilterSchema.extend({
	/** Newest first unless `order=oldest`. */
	order: z.enum(['newest', 'oldest']).catch('newest'),
	page: pageParam
});

export type AuditFilter = z.output<typeof auditFilterSchema>;
export type AuditQuery = z.output<typeof auditQuerySchema>;

export const readAuditQuery = (query: URLSearchParams): AuditQuery =>
	auditQuerySchema.parse(paramsObject(query));

export function auditQueryString(query: Partial<AuditQuery>): string {
	return toQuery({
		q: query.q,
		action: query.action,
		actor: query.actor,
		project: query.project,
		object: query.object,
		from: query.from,
		to: query.to,
		order: query.order === 'newest' ? undefined : query.order,
		page: query.page === 1 ? undefined : query.page
	});
}
