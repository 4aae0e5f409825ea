/**
 * The audit log as one reader may see it (./audit-scope.ts), newest first, filtered by action,
 * person, project, object and date; a page at a time, or all of it for the CSV. Each event comes
 * with the project it belongs to and its actor's name (the chain stores the email only), and the
 * filters' choices are what the reader's log holds.
 */
import {
	and,
	asc,
	count,
	desc,
	eq,
	gte,
	ilike,
	isNotNull,
	lt,
	or,
	sql,
	type SQL
} from 'drizzle-orm';
import type { Author } from '$lib/domain/author';
import { officeDayStart } from '$lib/domain/format';
import type { AuditFilter } from '$lib/domain/tables/audit-query';
import type { Viewer } from '../access/authorize';
import type { Database } from '../db';
import { auditEvents, users } from '../db/schema';
import { auditScope } from './audit-scope';

/** The filters, as the one schema reads them (`audit-query.ts`); every key may be left out. */
export type AuditFilters = { [K in keyof AuditFilter]?: AuditFilter[K] };

export const AUDIT_PAGE_SIZE = 50;

const escapeLike = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

/** The start of the office day after `iso`: a "to" date includes the whole of its Riga day. */
function nextDay(iso: string): Date {
	// Plain-date arithmetic at noon UTC, where no clock change can move the day.
	const day = new Date(`${iso}T12:00:00Z`);
	day.setUTCDate(day.getUTCDate() + 1);
	return officeDayStart(day.toISOString().slice(0, 10));
}

/**
 * The project an event belongs to, found as ./audit-scope.ts finds it (through its target), and
 * for an event of no such target the project its payload names (a template that failed for one).
 */
// Written out with its tables named: drizzle leaves a one-table select's columns unqualified,
// which the subqueries' own `id` columns would make ambiguous.
const projectOf = sql<string | null>`${sql.raw(`(case audit_events.object_type
	when 'project' then audit_events.object_id
	when 'import' then (select p.code from import_batches b join projects p on p.id = b.project_id
		where b.id::text = audit_events.object_id)
	when 'document' then (select p.code from documents d join projects p on p.id = d.project_id
		where d.id::text = audit_events.object_id)
	when 'control_sample' then (select p.code from control_samples s
		join projects p on p.id = s.project_id
		where s.project_id::text || '/' || s.number::text = audit_events.object_id)
	else coalesce(audit_events.after->>'project', audit_events.before->>'project') end)`)}`;

/** The user behind an event's email, if any: cofund's own steps (`system`) have none. */
const actorJoin = eq(users.email, auditEvents.actorEmail);

function conditionsOf(filters: AuditFilters, scope: SQL | undefined): SQL | undefined {
	const conditions: SQL[] = scope ? [scope] : [];
	if (filters.action) conditions.push(eq(auditEvents.action, filters.action));
	if (filters.actor)
		conditions.push(eq(auditEvents.actorEmail, filters.actor.trim().toLowerCase()));
	if (filters.project) conditions.push(sql`${projectOf} = ${filters.project}`);
	if (filters.object)
		conditions.push(ilike(auditEvents.objectId, `%${escapeLike(filters.object)}%`));
	if (filters.q) {
		const like = `%${escapeLike(filters.q)}%`;
		conditions.push(
			or(
				ilike(auditEvents.action, like),
				ilike(auditEvents.actorEmail, like),
				ilike(users.name, like),
				ilike(auditEvents.objectId, like),
				sql`${auditEvents.before}::text ilike ${like}`,
				sql`${auditEvents.after}::text ilike ${like}`
			)!
		);
	}
	if (filters.from) conditions.push(gte(auditEvents.at, officeDayStart(filters.from)));
	if (filters.to) conditions.push(lt(auditEvents.at, nextDay(filters.to)));
	return conditions.length ? and(...conditions) : undefined;
}

/** The events that pass the filters, newest first: one page, or with `page: 'all'` every one. */
export async function listAuditEvents(
	db: Database,
	reader: Viewer,
	filters: AuditFilters,
	page: number | 'all' = 1,
	order: 'newest' | 'oldest' = 'newest'
) {
	const scope = auditScope(reader);
	const where = conditionsOf(filters, scope);
	const query = db
		.select({ event: auditEvents, project: projectOf, actorName: users.name })
		.from(auditEvents)
		.leftJoin(users, actorJoin)
		.where(where)
		.orderBy(order === 'newest' ? desc(auditEvents.id) : asc(auditEvents.id));
	const [rows, [total], actions, actors, projectCodes] = await Promise.all([
		page === 'all'
			? query
			: query.limit(AUDIT_PAGE_SIZE).offset((Math.max(1, page) - 1) * AUDIT_PAGE_SIZE),
		db.select({ n: count() }).from(auditEvents).leftJoin(users, actorJoin).where(where),
		db
			.selectDistinct({ action: auditEvents.action })
			.from(auditEvents)
			.where(scope)
			.orderBy(auditEvents.action),
		db
			.selectDistinct({ email: auditEvents.actorEmail, name: users.name })
			.from(auditEvents)
			.leftJoin(users, actorJoin)
			.where(scope)
			.orderBy(auditEvents.actorEmail),
		db
			.selectDistinct({ project: projectOf })
			.from(auditEvents)
			.where(and(scope, isNotNull(projectOf)))
			.orderBy(asc(projectOf))
	]);
	return {
		events: rows.map(({ event, project, actorName }) => ({
			...event,
			at: event.at.toISOString(),
			project: project ?? null,
			actorName: actorName ?? null
		})),
		total: total?.n ?? 0,
		actions: actions.map((a) => a.action),
		/** Filtered by email, which the chain stores; labelled by name on the page. */
		actors: actors.map(({ email, name }): Author => ({ email, name: name ?? null })),
		projects: projectCodes.map((p) => p.project).filter((p): p is string => p !== null)
	};
}

export type ListedAuditEvent = Awaited<ReturnType<typeof listAuditEvents>>['events'][number];
