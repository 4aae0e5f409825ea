/**
 * A project's closed reporting periods: closing one, reopening it with a reason, listing them, and
 * the lock that makes an import or a revert see a period closed while it runs.
 */
import { and, asc, eq, isNull, sql } from 'drizzle-orm';
import { overlaps, type DateRange, type PeriodRecord } from '$lib/domain/control/periods';
import type { Database, Transaction } from '../db';
import { closedPeriods } from '../db/control-schema';
import { recordAudit, type Actor } from '../audit/record-audit';

export type ClosedPeriod = typeof closedPeriods.$inferSelect;

/**
 * Imports and reverts take this lock shared, closing takes it alone: a period closes once the
 * imports under way have ended, and every import that starts after it sees it.
 */
async function lockPeriods(tx: Transaction, projectId: number, mode: 'shared' | 'alone') {
	if (mode === 'shared')
		await tx.execute(
			sql`select pg_advisory_xact_lock_shared(hashtext('cofund closed periods'), ${projectId}::int)`
		);
	else
		await tx.execute(
			sql`select pg_advisory_xact_lock(hashtext('cofund closed periods'), ${projectId}::int)`
		);
}

/** The periods still closed, for an import or a revert to check its rows against. */
export async function closedPeriodsFor(
	tx: Transaction,
	projectId: number
): Promise<PeriodRecord[]> {
	await lockPeriods(tx, projectId, 'shared');
	return tx
		.select({
			id: closedPeriods.id,
			starts: closedPeriods.starts,
			ends: closedPeriods.ends,
			reopenedAt: closedPeriods.reopenedAt
		})
		.from(closedPeriods)
		.where(and(eq(closedPeriods.projectId, projectId), isNull(closedPeriods.reopenedAt)))
		.orderBy(asc(closedPeriods.starts));
}

/** Every period the project has closed, reopened ones included, by start. */
export function listPeriods(
	db: Database | Transaction,
	projectId: number
): Promise<ClosedPeriod[]> {
	return db
		.select()
		.from(closedPeriods)
		.where(eq(closedPeriods.projectId, projectId))
		.orderBy(asc(closedPeriods.starts), asc(closedPeriods.id));
}

const periodJson = (p: ClosedPeriod) => ({ starts: p.starts, ends: p.ends, reason: p.reason });

export type CloseResult =
	{ status: 'closed'; period: ClosedPeriod } | { status: 'overlap'; period: ClosedPeriod };

export async function closePeriod(
	db: Database,
	project: { id: number; code: string },
	range: DateRange,
	reason: string | null,
	actor: Actor
): Promise<CloseResult> {
	return db.transaction(async (tx) => {
		await lockPeriods(tx, project.id, 'alone');
		const clash = (await listPeriods(tx, project.id)).find(
			(p) => p.reopenedAt === null && overlaps(p, range)
		);
		if (clash) return { status: 'overlap', period: clash };
		const [period] = await tx
			.insert(closedPeriods)
			.values({
				projectId: project.id,
				starts: range.starts,
				ends: range.ends,
				reason: reason?.trim() || null,
				closedBy: actor.email
			})
			.returning();
		await recordAudit(tx, actor, {
			action: 'period.close',
			// The project's event, so that whoever reads the project's log sees it.
			objectType: 'project',
			objectId: project.code,
			after: { period: period!.id, ...periodJson(period!) }
		});
		return { status: 'closed', period: period! };
	});
}

export type ReopenResult =
	| { status: 'reopened'; period: ClosedPeriod }
	| { status: 'not-found' }
	| { status: 'already-reopened'; period: ClosedPeriod }
	| { status: 'reason-required' };

export async function reopenPeriod(
	db: Database,
	project: { id: number; code: string },
	periodId: number,
	reason: string,
	actor: Actor
): Promise<ReopenResult> {
	const why = reason.trim();
	if (!why) return { status: 'reason-required' };
	return db.transaction(async (tx) => {
		await lockPeriods(tx, project.id, 'alone');
		const [found] = await tx
			.select()
			.from(closedPeriods)
			.where(and(eq(closedPeriods.id, periodId), eq(closedPeriods.projectId, project.id)));
		if (!found) return { status: 'not-found' };
		if (found.reopenedAt) return { status: 'already-reopened', period: found };
		const [period] = await tx
			.update(closedPeriods)
			.set({ reopenedAt: sql`now()`, reopenedBy: actor.email, reopenReason: why })
			.where(eq(closedPeriods.id, periodId))
			.returning();
		await recordAudit(tx, actor, {
			action: 'period.reopen',
			objectType: 'project',
			objectId: project.code,
			before: { period: periodId, ...periodJson(found) },
			after: { reopenReason: why }
		});
		return { status: 'reopened', period: period! };
	});
}
