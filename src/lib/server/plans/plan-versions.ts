/** Reads and records a project's plan versions; an adopted version, once written, never changes. */
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { ProjectDefinition } from '$lib/domain/project/definition';
import type {
	PlanVersion,
	PlanVersionKind,
	PlanVersionStatus
} from '$lib/domain/plan/plan-versions';
import type { Queryable, Transaction } from '../db';
import { planVersions, projects } from '../db/schema';

type VersionRow = typeof planVersions.$inferSelect;

export function versionFromRow(row: VersionRow): PlanVersion {
	return {
		number: row.number,
		status: row.status,
		kind: row.kind,
		definition: row.definition,
		decision: row.status === 'adopted' ? row.definition.decision : null,
		basedOn: row.basedOn,
		note: row.note,
		createdBy: row.createdBy,
		createdAt: row.createdAt.toISOString(),
		adoptedBy: row.adoptedBy,
		adoptedAt: row.adoptedAt?.toISOString() ?? null
	};
}

/** Every version of a project, in the order recorded. */
export async function listPlanVersions(db: Queryable, projectId: number): Promise<PlanVersion[]> {
	const rows = await db
		.select()
		.from(planVersions)
		.where(eq(planVersions.projectId, projectId))
		.orderBy(asc(planVersions.number));
	return rows.map(versionFromRow);
}

/** Every version of a project by its code; null when there is no such project. */
export async function planVersionsOf(db: Queryable, code: string): Promise<PlanVersion[] | null> {
	const [project] = await db
		.select({ id: projects.id })
		.from(projects)
		.where(eq(projects.code, code));
	return project ? listPlanVersions(db, project.id) : null;
}

export interface NewVersion {
	status: PlanVersionStatus;
	kind: PlanVersionKind;
	definition: ProjectDefinition;
	basedOn?: number | null;
	note?: string | null;
	/** Who records it (an email, or 'system'). */
	by: string;
}

/**
 * Records a version with the next number. The caller holds the project's row lock (see
 * apply-definition.ts), so two recordings of one project take turns and numbers never clash.
 */
export async function insertPlanVersion(
	tx: Transaction,
	projectId: number,
	version: NewVersion
): Promise<PlanVersion> {
	const adopted = version.status === 'adopted';
	const [row] = await tx
		.insert(planVersions)
		.values({
			projectId,
			number: sql`(select coalesce(max(number), 0) + 1 from plan_versions where project_id = ${projectId})`,
			status: version.status,
			kind: version.kind,
			definition: version.definition,
			decisionDate: adopted ? version.definition.decision.date : null,
			decisionNumber: adopted ? version.definition.decision.number : null,
			basedOn: version.basedOn ?? null,
			note: version.note ?? null,
			createdBy: version.by,
			adoptedBy: adopted ? version.by : null,
			adoptedAt: adopted ? sql`now()` : null
		})
		.returning();
	return versionFromRow(row!);
}

/**
 * Turns a draft (or submitted) version into the adopted one, in one update, which the trigger
 * allows once: from then on the row is adopted and stays as it is. False: no such open draft.
 */
export async function adoptDraftVersion(
	tx: Transaction,
	projectId: number,
	draft: number,
	version: NewVersion
): Promise<boolean> {
	const rows = await tx
		.update(planVersions)
		.set({
			status: 'adopted',
			kind: version.kind,
			definition: version.definition,
			decisionDate: version.definition.decision.date,
			decisionNumber: version.definition.decision.number,
			basedOn: version.basedOn ?? null,
			note: version.note ?? null,
			adoptedBy: version.by,
			adoptedAt: sql`now()`
		})
		.where(
			and(
				eq(planVersions.projectId, projectId),
				eq(planVersions.number, draft),
				inArray(planVersions.status, ['draft', 'submitted'])
			)
		)
		.returning({ id: planVersions.id });
	return rows.length === 1;
}
