/** The closed periods a document names: still closed, and overlapping the project's period. */
import { overlaps } from '$lib/domain/control/periods';
import type { ClosedPeriodData } from '$lib/domain/documents/document-data';
import { officeDate } from '$lib/domain/format';
import type { Queryable } from '../db';
import { listPeriods } from './closed-periods';

export async function documentPeriods(
	db: Queryable,
	projectId: number,
	period: { start: string; end: string }
): Promise<ClosedPeriodData[]> {
	const range = { starts: period.start, ends: period.end };
	return (await listPeriods(db, projectId))
		.filter((p) => p.reopenedAt === null && overlaps(p, range))
		.map((p) => ({
			starts: p.starts,
			ends: p.ends,
			closedOn: officeDate(p.closedAt),
			closedBy: p.closedBy
		}));
}
