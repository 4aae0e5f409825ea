/**
 * Stores the final report's narrative texts of a project, one row per event and section, each
 * change recorded in the audit log with the text before and after, in the same transaction.
 */
import { and, asc, eq } from 'drizzle-orm';
import type { NarrativeText } from '$lib/domain/report/narratives';
import { recordAudit, type Actor } from '../audit/record-audit';
import type { Database, Queryable } from '../db';
import { projects, reportNarratives } from '../db/schema';

export class UnknownReportProjectError extends Error {
	constructor(readonly code: string) {
		super(`no project ${code}`);
		this.name = 'UnknownReportProjectError';
	}
}

async function projectId(db: Queryable, code: string): Promise<number | null> {
	const [row] = await db.select({ id: projects.id }).from(projects).where(eq(projects.code, code));
	return row?.id ?? null;
}

/** Every stored text of the project, by event and section. */
export async function listNarratives(db: Queryable, code: string): Promise<NarrativeText[]> {
	const id = await projectId(db, code);
	if (id === null) return [];
	const rows = await db
		.select()
		.from(reportNarratives)
		.where(eq(reportNarratives.projectId, id))
		.orderBy(asc(reportNarratives.eventNumber), asc(reportNarratives.section));
	return rows.map((r) => ({
		event: r.eventNumber,
		section: r.section as NarrativeText['section'],
		lv: r.textLv,
		en: r.textEn
	}));
}

/**
 * Writes one section; clearing both languages removes it. Nothing is written, and nothing
 * audited, when the text is what is stored already. Returns whether anything changed.
 */
export async function saveNarrative(
	db: Database,
	actor: Actor,
	code: string,
	text: NarrativeText
): Promise<boolean> {
	return db.transaction(async (tx) => {
		const id = await projectId(tx, code);
		if (id === null) throw new UnknownReportProjectError(code);
		const where = and(
			eq(reportNarratives.projectId, id),
			eq(reportNarratives.eventNumber, text.event),
			eq(reportNarratives.section, text.section)
		);
		const [stored] = await tx.select().from(reportNarratives).where(where).for('update');
		const before = stored ? { lv: stored.textLv, en: stored.textEn } : { lv: '', en: '' };
		if (before.lv === text.lv && before.en === text.en) return false;
		if (!text.lv && !text.en) await tx.delete(reportNarratives).where(where);
		else if (stored)
			await tx
				.update(reportNarratives)
				.set({ textLv: text.lv, textEn: text.en, updatedBy: actor.email, updatedAt: new Date() })
				.where(where);
		else
			await tx.insert(reportNarratives).values({
				projectId: id,
				eventNumber: text.event,
				section: text.section,
				textLv: text.lv,
				textEn: text.en,
				updatedBy: actor.email
			});
		const place = { project: code, event: text.event, section: text.section };
		await recordAudit(tx, actor, {
			action: 'report.narrative',
			objectType: 'project',
			objectId: code,
			before: { ...place, text_lv: before.lv, text_en: before.en },
			after: { ...place, text_lv: text.lv, text_en: text.en }
		});
		return true;
	});
}
