/**
 * The audit log as one reader may see it (./audit-scope.ts), newest first, filtered by action,
 * person, object and date; a page at a time.
 */
import { and, count, desc, eq, gte, ilike, lt, type SQL } from 'drizzle-orm';
import { officeDayStart } from '$lib/domain/format';
import type { Viewer } from '../access/authorize';
import type { Database } from '../db';
import { auditEvents } from '../db/schema';
import { auditScope } from './audit-scope';

export interface AuditFilters {
	action?: string;
	actor?: string;
	object?: string;
	/** Plain dates, YYYY-MM-DD; `to` is inclusive. */
	from?: string;
	to?: string;
}

export const AUDIT_PAGE_SIZE = 50;

const escapeLike = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

/** The start of the office day after `iso`: a "to" date includes the whole of its Riga day. */
function nextDay(iso: string): Date {
	// Plain-date arithmetic at noon UTC, where no clock change can move the day.
	const day = new Date(`${iso}T12:00:00Z`);
	day.setUTCDate(day.getUTCDate() + 1);
	return officeDayStart(day.toISOString().slice(0, 10));
}

export async function listAuditEvents(
	db: Database,
	reader: Viewer,
	filters: AuditFilters,
	page = 1
) {
	const scope = auditScope(reader);
	const conditions: SQL[] = scope ? [scope] : [];
	if (filters.action) conditions.push(eq(auditEvents.action, filters.action));
	if (filters.actor)
		conditions.push(ilike(auditEvents.actorEmail, `%${escapeLike(filters.actor)}%`));
	if (filters.object)
		conditions.push(ilike(auditEvents.objectId, `%${escapeLike(filters.object)}%`));
	if (filters.from) conditions.push(gte(auditEvents.at, officeDayStart(filters.from)));
	if (filters.to) conditions.push(lt(auditEvents.at, nextDay(filters.to)));
	const where = conditions.length ? and(...conditions) : undefined;
	const [rows, [total], actions] = await Promise.all([
		db
			.select()
			.from(auditEvents)
			.where(where)
			.orderBy(desc(auditEvents.id))
			.limit(AUDIT_PAGE_SIZE)
			.offset((Math.max(1, page) - 1) * AUDIT_PAGE_SIZE),
		db.select({ n: count() }).from(auditEvents).where(where),
		db
			.selectDistinct({ action: auditEvents.action })
			.from(auditEvents)
			.where(scope)
			.orderBy(auditEvents.action)
	]);
	return {
		events: rows.map((row) => ({ ...row, at: row.at.toISOString() })),
		total: total?.n ?? 0,
		actions: actions.map((a) => a.action)
	};
}
