/**
 * Each project's retention date (the default, or one set with a reason), the projects whose date
 * comes within a year, and the admin's purge after it: one transaction that the database's
 * triggers allow only once begin_project_purge() has checked the date (migration 0015).
 */
import { and, eq, isNull, max, sql } from 'drizzle-orm';
import {
	endsWithinYear,
	mayPurge,
	retentionOf,
	type Retention
} from '$lib/domain/control/retention';
import { officeToday } from '$lib/domain/format';
import { queryRows, type Database, type Transaction } from '../db';
import { projectRetention } from '../db/control-schema';
import { expenses } from '../db/import-schema';
import { dataVersions, projects } from '../db/schema';
import { cachedFigure } from '../cache/figure-cache';
import { recordAudit, type Actor } from '../audit/record-audit';

type Queryable = Database | Transaction;

export async function loadRetention(db: Queryable, projectId: number): Promise<Retention | null> {
	const [project] = await db
		.select({ end: projects.periodEnd })
		.from(projects)
		.where(eq(projects.id, projectId));
	if (!project) return null;
	const [[last], [set]] = await Promise.all([
		db
			.select({ day: max(expenses.date) })
			.from(expenses)
			.where(and(eq(expenses.projectId, projectId), isNull(expenses.revertedAt))),
		db.select().from(projectRetention).where(eq(projectRetention.projectId, projectId))
	]);
	return retentionOf({ lastPayment: last?.day ?? null, projectEnd: project.end, set: set ?? null });
}

export type RetentionEditResult =
	| { status: 'saved'; retention: Retention }
	| { status: 'reason-required' }
	/** Before the date the law sets (Art. 82): records are never kept for less. */
	| { status: 'before-default'; earliest: string }
	| { status: 'not-found' };

export async function setRetention(
	db: Database,
	project: { id: number; code: string },
	keepUntil: string,
	reason: string,
	actor: Actor
): Promise<RetentionEditResult> {
	const why = reason.trim();
	if (!why) return { status: 'reason-required' };
	return db.transaction(async (tx) => {
		const before = await loadRetention(tx, project.id);
		if (!before) return { status: 'not-found' };
		const earliest = before.how === 'set' ? before.default : before.until;
		if (keepUntil < earliest) return { status: 'before-default', earliest };
		const row = { keepUntil, reason: why, updatedBy: actor.email, updatedAt: new Date() };
		await tx
			.insert(projectRetention)
			.values({ projectId: project.id, ...row })
			.onConflictDoUpdate({ target: projectRetention.projectId, set: row });
		await recordAudit(tx, actor, {
			action: 'retention.edit',
			objectType: 'project',
			objectId: project.code,
			before: { keepUntil: before.until, how: before.how },
			after: { keepUntil, reason: why }
		});
		return { status: 'saved', retention: (await loadRetention(tx, project.id))! };
	});
}

export interface RetentionEnding {
	code: string;
	until: string;
}

/**
 * The projects whose records may go within a year of today (or already may), soonest first; of
 * the codes given (the ones the viewer may see), or of all.
 */
export async function retentionEnding(
	db: Database,
	today = officeToday(),
	codes?: readonly string[]
): Promise<RetentionEnding[]> {
	const all = await db
		.select({ id: projects.id, code: projects.code, version: dataVersions.version })
		.from(projects)
		.leftJoin(dataVersions, eq(dataVersions.projectId, projects.id));
	const rows = codes ? all.filter((p) => codes.includes(p.code)) : all;
	// A project's date changes only with its data (end, payments, a date set): once per version.
	const dated = await Promise.all(
		rows.map(async ({ id, code, version }) => ({
			code,
			until: await cachedFigure(
				db,
				'retention-until',
				{ id, version: version ?? undefined },
				[],
				async () => (await loadRetention(db, id))!.until
			)
		}))
	);
	return dated
		.filter((p) => endsWithinYear(p.until, today))
		.sort((a, b) => a.until.localeCompare(b.until) || a.code.localeCompare(b.code));
}

/** What a purge removes, children first; the project's own row then takes the rest with it. */
const purgeSteps = (id: number) => [
	sql`delete from control_sample_items where sample_id in
		(select id from control_samples where project_id = ${id})`,
	sql`delete from control_samples where project_id = ${id}`,
	sql`delete from finding_evidence where entry_id in
		(select id from finding_entries where project_id = ${id})`,
	sql`delete from finding_entries where project_id = ${id}`,
	sql`delete from expense_findings where project_id = ${id}`,
	sql`delete from closed_periods where project_id = ${id}`,
	sql`delete from documents where project_id = ${id}`,
	sql`delete from document_pieces where project_id = ${id}`,
	sql`delete from document_uploads where project_id = ${id}`,
	sql`delete from expenses where project_id = ${id}`,
	sql`delete from participations where project_id = ${id}`,
	sql`delete from import_batches where project_id = ${id}`,
	sql`delete from source_files where project_id = ${id}`,
	sql`delete from project_retention where project_id = ${id}`,
	sql`delete from projects where id = ${id}`
];

export type PurgeResult =
	{ status: 'purged'; rows: number } | { status: 'kept'; until: string } | { status: 'not-found' };

export async function purgeProject(
	db: Database,
	project: { id: number; code: string },
	actor: Actor,
	today = officeToday()
): Promise<PurgeResult> {
	return db.transaction(async (tx) => {
		const retention = await loadRetention(tx, project.id);
		if (!retention) return { status: 'not-found' };
		if (!mayPurge(retention.until, today)) return { status: 'kept', until: retention.until };
		await tx.execute(sql`select begin_project_purge(${project.id}::int)`);
		let rows = 0;
		for (const step of purgeSteps(project.id)) {
			const [done] = await queryRows<{ n: string }>(
				tx,
				sql`with gone as (${step} returning 1) select count(*)::text as n from gone`
			);
			rows += Number(done!.n);
		}
		await recordAudit(tx, actor, {
			action: 'project.purge',
			objectType: 'project',
			objectId: project.code,
			before: { keepUntil: retention.until, how: retention.how },
			after: { rows }
		});
		return { status: 'purged', rows };
	});
}
