import { ENGINES, freshDatabase } from '$tests/factories/database';
import { makeUser } from '$tests/factories/users';
import { emptyEditorInput } from '$lib/domain/project/editor-input';
import { asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppUser } from '../auth/users';
import type { DatabaseHandle } from '../db';
import { auditEvents } from '../db/schema';
import { discardDraft, keepDraft, listDrafts, loadDraft } from './drafts';

describe.each(ENGINES)('drafts of new projects on %s', (engine) => {
	let handle: DatabaseHandle;
	let coordinator: AppUser;
	let other: AppUser;
	beforeAll(async () => {
		handle = await freshDatabase(engine);
		coordinator = await makeUser(handle.db, 'coordinator', 'anna@example.lv');
		other = await makeUser(handle.db, 'admin', 'janis@example.lv');
	});
	afterAll(async () => {
		await handle?.close();
	});

	const halfFilled = () => {
		const form = emptyEditorInput();
		form.code = 'NEWONE';
		form.title.lv = 'Sződliget un Gmina Dąbrowa';
		form.funding.total = '4160,5';
		form.period.start = '2027-13-01';
		return form;
	};

	it('keeps a form that would not save, and gives it back as it was', async () => {
		const id = (await keepDraft(handle.db, coordinator, halfFilled()))!;
		expect(await loadDraft(handle.db, coordinator.id, id)).toEqual(halfFilled());
		expect(
			(await listDrafts(handle.db, coordinator.id)).map((d) => [d.id, d.code, d.title])
		).toEqual([[id, 'NEWONE', 'Sződliget un Gmina Dąbrowa']]);
	});

	it('keeping a continued draft again replaces it rather than adding one', async () => {
		const [draft] = await listDrafts(handle.db, coordinator.id);
		const form = halfFilled();
		form.code = 'NEWTWO';
		expect(await keepDraft(handle.db, coordinator, form, draft!.id)).toBe(draft!.id);
		const list = await listDrafts(handle.db, coordinator.id);
		expect(list.map((d) => d.code)).toEqual(['NEWTWO']);
		expect((await loadDraft(handle.db, coordinator.id, draft!.id))?.code).toBe('NEWTWO');
	});

	it('shows, changes and discards a draft to its owner only', async () => {
		const [draft] = await listDrafts(handle.db, coordinator.id);
		expect(await listDrafts(handle.db, other.id)).toEqual([]);
		expect(await loadDraft(handle.db, other.id, draft!.id)).toBeNull();
		expect(await discardDraft(handle.db, other, draft!.id)).toBe(false);
		// Another's id is no handle on the draft: keeping starts the other user's own.
		const theirs = await keepDraft(handle.db, other, emptyEditorInput(), draft!.id);
		expect(theirs).not.toBe(draft!.id);
		expect((await loadDraft(handle.db, coordinator.id, draft!.id))?.code).toBe('NEWTWO');
	});

	it('refuses what is not a form', async () => {
		expect(await keepDraft(handle.db, coordinator, 'code=X')).toBeNull();
		expect(await keepDraft(handle.db, coordinator, [1])).toBeNull();
	});

	it('discards a draft, and logs every keep and discard', async () => {
		const [draft] = await listDrafts(handle.db, coordinator.id);
		expect(await discardDraft(handle.db, coordinator, draft!.id)).toBe(true);
		expect(await listDrafts(handle.db, coordinator.id)).toEqual([]);
		expect(await discardDraft(handle.db, coordinator, draft!.id)).toBe(false);
		const log = await handle.db
			.select()
			.from(auditEvents)
			.where(eq(auditEvents.objectType, 'project-draft'))
			.orderBy(asc(auditEvents.seq));
		expect(log.map((e) => [e.actorEmail, e.action, e.objectId])).toEqual([
			['anna@example.lv', 'draft.keep', String(draft!.id)],
			['anna@example.lv', 'draft.keep', String(draft!.id)],
			['janis@example.lv', 'draft.keep', expect.any(String)],
			['anna@example.lv', 'draft.discard', String(draft!.id)]
		]);
		expect(log[1]!.before).toEqual({ code: 'NEWONE', title: 'Sződliget un Gmina Dąbrowa' });
		expect(log[3]!.before).toEqual({ code: 'NEWTWO', title: 'Sződliget un Gmina Dąbrowa' });
	});
});
