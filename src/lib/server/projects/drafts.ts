/**
 * Drafts of new projects, each its user's own: keep the editor's form as it stands (valid or
 * not), list them, reopen one, discard one. Every keep and discard is an audit event; a user
 * never sees, changes or discards another's draft.
 */
import { readDraft } from '$lib/domain/project/editor-draft';
import type { EditorInput } from '$lib/domain/project/editor-input';
import { and, desc, eq } from 'drizzle-orm';
import { recordAudit } from '../audit/record-audit';
import type { Database } from '../db';
import { projectDrafts } from '../db/schema';

/** Who keeps the draft: a signed-in user (a draft belongs to someone). */
export interface DraftOwner {
	id: string;
	email: string;
}

export interface DraftListItem {
	id: number;
	code: string;
	title: string;
	updatedAt: Date;
}

/** What names a draft in the list and the log: its code and title as typed so far. */
const named = (form: EditorInput) => ({
	code: form.code.trim(),
	title: (form.title.lv || form.title.en).trim()
});

/**
 * Keeps a form as a draft: replaces the user's draft `id` when given (and theirs), else starts
 * a new one. Null when the value is not an editor form at all.
 */
export async function keepDraft(
	db: Database,
	owner: DraftOwner,
	value: unknown,
	id?: number
): Promise<number | null> {
	const form = readDraft(value);
	if (!form) return null;
	const name = named(form);
	return db.transaction(async (tx) => {
		const mine =
			id === undefined
				? undefined
				: and(eq(projectDrafts.id, id), eq(projectDrafts.userId, owner.id));
		const [before] = mine
			? await tx
					.select({ code: projectDrafts.code, title: projectDrafts.title })
					.from(projectDrafts)
					.where(mine)
					.for('update')
			: [];
		const [kept] = before
			? await tx
					.update(projectDrafts)
					.set({ ...name, form, updatedAt: new Date() })
					.where(mine)
					.returning({ id: projectDrafts.id })
			: await tx
					.insert(projectDrafts)
					.values({ userId: owner.id, ...name, form })
					.returning({ id: projectDrafts.id });
		await recordAudit(tx, owner, {
			action: 'draft.keep',
			objectType: 'project-draft',
			objectId: String(kept!.id),
			before,
			after: name
		});
		return kept!.id;
	});
}

export async function listDrafts(db: Database, userId: string): Promise<DraftListItem[]> {
	return db
		.select({
			id: projectDrafts.id,
			code: projectDrafts.code,
			title: projectDrafts.title,
			updatedAt: projectDrafts.updatedAt
		})
		.from(projectDrafts)
		.where(eq(projectDrafts.userId, userId))
		.orderBy(desc(projectDrafts.updatedAt), desc(projectDrafts.id));
}

/** The user's draft as the editor reopens it, or null when there is none such of theirs. */
export async function loadDraft(
	db: Database,
	userId: string,
	id: number
): Promise<EditorInput | null> {
	const [row] = await db
		.select({ form: projectDrafts.form })
		.from(projectDrafts)
		.where(and(eq(projectDrafts.id, id), eq(projectDrafts.userId, userId)));
	return row ? readDraft(row.form) : null;
}

/** Discards the user's draft; false when there is none such of theirs. */
export async function discardDraft(db: Database, owner: DraftOwner, id: number): Promise<boolean> {
	return db.transaction(async (tx) => {
		const [gone] = await tx
			.delete(projectDrafts)
			.where(and(eq(projectDrafts.id, id), eq(projectDrafts.userId, owner.id)))
			.returning({ code: projectDrafts.code, title: projectDrafts.title });
		if (!gone) return false;
		await recordAudit(tx, owner, {
			action: 'draft.discard',
			objectType: 'project-draft',
			objectId: String(id),
			before: gone
		});
		return true;
	});
}

/** A draft's id as a form or query names it, or undefined. */
export const draftId = (value: unknown): number | undefined =>
	typeof value === 'string' && /^\d{1,9}$/.test(value) ? Number(value) : undefined;
