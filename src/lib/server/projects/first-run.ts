/**
 * What the first-run guide needs to know about the office and the reader: the projects they see,
 * whether anyone else has been invited, and whether any of their projects has a live import.
 */
import { can } from '$lib/domain/access';
import { firstRunGuide, type FirstRunGuide } from '$lib/domain/states/first-run';
import { and, count, eq, inArray, isNull, ne } from 'drizzle-orm';
import type { AppUser } from '../auth/users';
import type { Database } from '../db';
import { importBatches, projects, users } from '../db/schema';

export async function firstRun(
	db: Database,
	viewer: AppUser,
	/** The projects the reader sees, in list order. */
	visible: readonly { code: string }[]
): Promise<FirstRunGuide | null> {
	if (!can(viewer.role, 'project:create')) return null;
	const codes = visible.map((p) => p.code);
	const [[others], [batches]] = await Promise.all([
		db.select({ n: count() }).from(users).where(ne(users.id, viewer.id)),
		codes.length
			? db
					.select({ n: count() })
					.from(importBatches)
					.innerJoin(projects, eq(projects.id, importBatches.projectId))
					.where(and(isNull(importBatches.revertedAt), inArray(projects.code, codes)))
			: [{ n: 0 }]
	]);
	return firstRunGuide({
		projects: codes.length,
		firstProject: codes[0] ?? null,
		others: others?.n ?? 0,
		imported: (batches?.n ?? 0) > 0,
		canCreate: true,
		canInvite: can(viewer.role, 'user:manage'),
		canImport: can(viewer.role, 'import:run')
	});
}
