/** What every project page shows at its top: the code, the title in both languages and the period. */
import { eq } from 'drizzle-orm';
import type { Queryable } from '../db';
import { projects } from '../db/schema';

export interface ProjectHead {
	code: string;
	title: { lv: string; en: string };
	period: { start: string; end: string };
}

export async function loadProjectHead(db: Queryable, code: string): Promise<ProjectHead | null> {
	const [row] = await db
		.select({
			code: projects.code,
			titleLv: projects.titleLv,
			titleEn: projects.titleEn,
			start: projects.periodStart,
			end: projects.periodEnd
		})
		.from(projects)
		.where(eq(projects.code, code));
	if (!row) return null;
	return {
		code: row.code,
		title: { lv: row.titleLv, en: row.titleEn },
		period: { start: row.start, end: row.end }
	};
}
