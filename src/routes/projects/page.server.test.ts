import { ENGINES, freshDatabase } from '$tests/factories/database';
import { importSample } from '$tests/factories/imports';
import { solidDefinition } from '$tests/factories/projects';
import { makeUser } from '$tests/factories/users';
import { emptyEditorInput } from '$lib/domain/project/editor-input';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM_ACTOR } from '$lib/server/audit/record-audit';
import type { AppUser } from '$lib/server/auth/users';
import type { DatabaseHandle } from '$lib/server/db';
import { applyProjectDefinition } from '$lib/server/projects/apply-definition';
import { keepDraft } from '$lib/server/projects/drafts';
import { load } from './+page.server';

type LoadEvent = Parameters<typeof load>[0];

describe.each(ENGINES)('the projects page of a new office on %s', (engine) => {
	let handle: DatabaseHandle;
	let admin: AppUser;
	const page = async (user: AppUser) =>
		(await load({ locals: { db: handle.db, user } } as unknown as LoadEvent))!;
	beforeAll(async () => {
		handle = await freshDatabase(engine);
		admin = await makeUser(handle.db, 'admin', 'admin@example.lv');
	});
	afterAll(async () => {
		await handle?.close();
	});

	it('guides the first admin: create a project, invite people, import, none done', async () => {
		const data = await page(admin);
		expect(data.projects).toEqual([]);
		expect(data.guide).toEqual({
			steps: [
				{ step: 'project', done: false },
				{ step: 'people', done: false },
				{ step: 'import', done: false, project: null }
			]
		});
	});

	it('marks the steps done as the office fills, and lists the admin’s own drafts', async () => {
		await applyProjectDefinition(handle.db, solidDefinition(), { actor: SYSTEM_ACTOR });
		const coordinator = await makeUser(handle.db, 'coordinator', 'anna@example.lv', ['SOLID']);
		await keepDraft(handle.db, coordinator, { ...emptyEditorInput(), code: 'HERS' });
		const mine = await keepDraft(handle.db, admin, { ...emptyEditorInput(), code: 'MINE' });
		const data = await page(admin);
		expect(data.guide?.steps).toEqual([
			{ step: 'project', done: true },
			{ step: 'people', done: true },
			{ step: 'import', done: false, project: 'SOLID' }
		]);
		expect(data.drafts.map((d) => [d.id, d.code])).toEqual([[mine, 'MINE']]);
		// A coordinator is guided too, without the step that is the admin's.
		expect((await page(coordinator)).guide?.steps.map((s) => s.step)).toEqual([
			'project',
			'import'
		]);
	});

	it('guides no one once a project has its exports, nor a council member ever', async () => {
		await importSample(handle.db, 'expenses');
		expect((await page(admin)).guide).toBeNull();
		const council = await makeUser(handle.db, 'council', 'dome@example.lv');
		const data = await page(council);
		expect([data.guide, data.drafts, data.canCreate]).toEqual([null, [], false]);
	});
});
