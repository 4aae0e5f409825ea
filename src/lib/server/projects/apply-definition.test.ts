import { ENGINES, freshDatabase } from '$tests/factories/database';
import { solidDefinition } from '$tests/factories/projects';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../db';
import { mobilityEvents, partners, projects } from '../db/schema';
import { SYSTEM_ACTOR } from '../audit/record-audit';
import { verifyAuditChain } from '../audit/verify-audit';
import { auditEvents } from '../db/schema';
import { applyProjectDefinition, VersionConflictError } from './apply-definition';
import { listProjects } from './list-projects';
import { loadProject } from './load-definition';

const actor = SYSTEM_ACTOR;

describe.each(ENGINES)('project store on %s', (engine) => {
	let handle: DatabaseHandle;
	beforeAll(async () => {
		handle = await freshDatabase(engine);
	});
	afterAll(async () => {
		await handle?.close();
	});

	it('creates SOLID and reads back exactly what was applied', async () => {
		const result = await applyProjectDefinition(handle.db, solidDefinition(), { actor });
		expect(result).toEqual({ status: 'created', code: 'SOLID', version: 1 });
		const stored = await loadProject(handle.db, 'SOLID');
		const { $schema: _, ...expected } = solidDefinition();
		expect(stored?.definition).toEqual(expected);
	});

	it('applies the same definition again without any change', async () => {
		const result = await applyProjectDefinition(handle.db, solidDefinition(), { actor });
		expect(result).toEqual({ status: 'unchanged', code: 'SOLID', version: 1 });
		expect(await handle.db.$count(projects)).toBe(1);
		expect(await handle.db.$count(partners)).toBe(13);
		expect(await handle.db.$count(mobilityEvents)).toBe(5);
	});

	it('saves a plan that breaks rules, and the list counts them', async () => {
		const broken = solidDefinition((d) => {
			d.funding.council = 200000;
		});
		const result = await applyProjectDefinition(handle.db, broken, { actor });
		expect(result).toEqual({ status: 'updated', code: 'SOLID', version: 2 });
		const [item] = await listProjects(handle.db, { id: null, role: 'admin' });
		expect(item).toMatchObject({ code: 'SOLID', errors: 2, warnings: 0, mobilities: 15 });
		expect((await loadProject(handle.db, 'SOLID'))?.definition.funding.council).toBe(200000);
	});

	it('keeps event identity by number, and removes events no longer planned', async () => {
		const before = await handle.db.select().from(mobilityEvents);
		const idOfEvent2 = before.find((e) => e.number === 2)?.id;
		await applyProjectDefinition(
			handle.db,
			solidDefinition((d) => {
				d.events = d.events.filter((e) => e.number !== 5);
				d.events[1]!.representatives = 7;
				d.plannedMobilities = 14;
			}),
			{ actor }
		);
		const after = await handle.db.select().from(mobilityEvents);
		expect(after.map((e) => e.number).sort()).toEqual([1, 2, 3, 4]);
		const event2 = after.find((e) => e.number === 2);
		expect(event2).toMatchObject({ id: idOfEvent2, plannedRepresentatives: 7 });
	});

	it('refuses a save based on an older version, and leaves the project as it was', async () => {
		const stored = await loadProject(handle.db, 'SOLID');
		const stale = (stored?.version ?? 0) - 1;
		await expect(
			applyProjectDefinition(handle.db, solidDefinition(), { actor, expectedVersion: stale })
		).rejects.toBeInstanceOf(VersionConflictError);
		expect((await loadProject(handle.db, 'SOLID'))?.version).toBe(stored?.version);
	});

	it('rolls back the whole apply when one row fails', async () => {
		const stored = await loadProject(handle.db, 'SOLID');
		const bad = solidDefinition((d) => {
			d.events[0]!.month = '2018-3'; // the schema would refuse this; the db must too
		});
		await expect(applyProjectDefinition(handle.db, bad, { actor })).rejects.toThrow();
		const [row] = await handle.db.select().from(projects).where(eq(projects.code, 'SOLID'));
		expect(row?.version).toBe(stored?.version);
		expect((await loadProject(handle.db, 'SOLID'))?.definition).toEqual(stored?.definition);
	});

	it('has written one audit event per change, with the plan before and after', async () => {
		const events = await handle.db.select().from(auditEvents).orderBy(auditEvents.id);
		expect(events.map((e) => e.action)).toEqual([
			'project.create',
			'project.update',
			'project.update'
		]);
		expect(events[1]).toMatchObject({
			actorEmail: 'system',
			objectId: 'SOLID',
			before: expect.objectContaining({ funding: expect.objectContaining({ council: 266000 }) }),
			after: expect.objectContaining({ funding: expect.objectContaining({ council: 200000 }) })
		});
		expect(await verifyAuditChain(handle.db)).toMatchObject({ intact: true, events: 3 });
	});
});

describe.each(ENGINES)('a plan as a real annex states it, on %s', (engine) => {
	let handle: DatabaseHandle;
	beforeAll(async () => {
		handle = await freshDatabase(engine);
	});
	afterAll(async () => {
		await handle?.close();
	});

	it("stores a plan that states only its goal, with the project's own code names", async () => {
		const goalOnly = solidDefinition((d) => {
			d.code = 'GOALONLY';
			delete d.activities;
			d.classification = [
				{ code: '2122', name: { lv: 'Pārējie komandējumu izdevumi', en: 'Other travel costs' } },
				{ code: '2311', name: { lv: 'Biroja preces', en: undefined } }
			];
		});
		await applyProjectDefinition(handle.db, goalOnly, { actor });
		const { $schema: _, ...expected } = goalOnly;
		expect((await loadProject(handle.db, 'GOALONLY'))?.definition).toEqual(expected);
		const again = await applyProjectDefinition(handle.db, goalOnly, { actor });
		expect(again.status).toBe('unchanged');
		const cleared = solidDefinition((d) => void (d.code = 'GOALONLY'));
		await applyProjectDefinition(handle.db, cleared, { actor });
		const reloaded = (await loadProject(handle.db, 'GOALONLY'))?.definition;
		expect(reloaded?.classification).toBeUndefined();
		expect(reloaded?.activities?.lv).toMatch(/^Projekta īstenošanā/);
	});
});
