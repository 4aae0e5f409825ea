import { ENGINES, freshDatabase } from '$tests/factories/database';
import { solidDefinition } from '$tests/factories/projects';
import { readFileSync } from 'node:fs';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { latestAdopted, planInForce } from '$lib/domain/plan/plan-versions';
import type { DatabaseHandle } from '../db';
import { mobilityEvents, partners, projects, yearPlans } from '../db/schema';
import { SYSTEM_ACTOR } from '../audit/record-audit';
import { applyProjectDefinition, DecisionOrderError } from '../projects/apply-definition';
import { eventRows, partnerRows, projectValues, yearRows } from '../projects/definition-rows';
import { loadProject } from '../projects/load-definition';
import { planVersionsOf } from './plan-versions';

const actor = SYSTEM_ACTOR;

/** SOLID's 2019 council co-financing amended 670 → 710,20 EUR by a decision of 19.09.2019. */
const amended = () =>
	solidDefinition((d) => {
		d.decision.date = '2019-09-19';
		d.decision.number = '512';
		d.funding.years[1]!.cofinancing = 71020;
		d.funding.council += 4020;
		d.funding.total += 4020;
	});

describe.each(ENGINES)('plan versions on %s', (engine) => {
	let handle: DatabaseHandle;
	beforeAll(async () => {
		handle = await freshDatabase(engine);
	});
	afterAll(async () => {
		await handle?.close();
	});

	it('records a new project as version 1, adopted by its decision', async () => {
		await applyProjectDefinition(handle.db, solidDefinition(), { actor });
		const versions = await planVersionsOf(handle.db, 'SOLID');
		expect(versions).toHaveLength(1);
		const { $schema: _, ...expected } = solidDefinition();
		expect(versions![0]).toMatchObject({
			number: 1,
			status: 'adopted',
			kind: 'adoption',
			decision: { date: '2018-02-22', number: '57' },
			definition: expected
		});
	});

	it('records an amendment as a new version and keeps the adopted one as it was', async () => {
		const result = await applyProjectDefinition(handle.db, amended(), { actor, note: '2019' });
		expect(result.status).toBe('amended');
		const versions = (await planVersionsOf(handle.db, 'SOLID'))!;
		expect(versions.map((v) => [v.number, v.kind, v.decision?.number])).toEqual([
			[1, 'adoption', '57'],
			[2, 'amendment', '512']
		]);
		expect(versions[0]!.definition.funding.years[1]!.cofinancing).toBe(67000);
		expect(versions[1]).toMatchObject({ basedOn: 1, note: '2019' });
		expect(planInForce(versions, '2019-09-18')?.number).toBe(1);
		expect(planInForce(versions, '2019-09-19')?.number).toBe(2);
		expect(latestAdopted(versions)?.definition.funding.total).toBe(420020);
		expect((await loadProject(handle.db, 'SOLID'))?.definition.funding.council).toBe(270020);
	});

	it('records a change under the decision in force as a correction of its record', async () => {
		const fixed = amended();
		fixed.goal.en = 'A corrected goal';
		expect((await applyProjectDefinition(handle.db, fixed, { actor })).status).toBe('updated');
		const versions = (await planVersionsOf(handle.db, 'SOLID'))!;
		expect(versions.at(-1)).toMatchObject({ number: 3, kind: 'correction', basedOn: 2 });
	});

	it('refuses a decision dated before the one in force, and records nothing', async () => {
		const early = solidDefinition((d) => void (d.decision.number = '12'));
		await expect(applyProjectDefinition(handle.db, early, { actor })).rejects.toBeInstanceOf(
			DecisionOrderError
		);
		expect(await planVersionsOf(handle.db, 'SOLID')).toHaveLength(3);
	});

	it('refuses to change or delete an adopted version, whoever asks', async () => {
		const refusal = (query: ReturnType<typeof sql>) =>
			handle.db.execute(query).then(
				() => 'allowed',
				// Drizzle wraps the database's error; the trigger's own words are in its cause.
				(error: Error & { cause?: Error }) => error.cause?.message ?? error.message
			);
		expect(await refusal(sql`update plan_versions set note = 'x' where number = 1`)).toMatch(
			/adopted and stays as adopted: UPDATE/
		);
		expect(await refusal(sql`delete from plan_versions where number = 1`)).toMatch(
			/adopted and stays as adopted: DELETE/
		);
	});

	it('gives a project made before versions existed its plan as version 1 (migration 0013)', async () => {
		// The project's rows as they were written before plan versions existed.
		const legacy = solidDefinition((d) => {
			d.code = 'LEGACY';
			d.partners[0]!.countryName = { lv: 'Vecā Grieķija', en: undefined };
			d.events[0]!.title = { lv: 'Tikšanās', en: '' };
			delete d.activities;
		});
		const [row] = await handle.db
			.insert(projects)
			.values(projectValues(legacy))
			.returning({ id: projects.id });
		const projectId = row!.id;
		await handle.db.insert(partners).values(partnerRows(legacy).map((p) => ({ ...p, projectId })));
		await handle.db.insert(yearPlans).values(yearRows(legacy).map((y) => ({ ...y, projectId })));
		await handle.db
			.insert(mobilityEvents)
			.values(eventRows(legacy).map((e) => ({ ...e, projectId })));
		const migration = readFileSync(
			new URL('../db/migrations/0013_plan_versions.sql', import.meta.url),
			'utf8'
		);
		const backfill = migration
			.split('--> statement-breakpoint')
			.map((s) => s.trim())
			.find((s) => s.includes('INSERT INTO "plan_versions"'))!;
		// The statement as the migration runs it, on the one project that has no version yet.
		await handle.db.execute(
			sql.raw(backfill.replace('FROM projects p;', `FROM projects p WHERE p.code = 'LEGACY';`))
		);
		const versions = (await planVersionsOf(handle.db, 'LEGACY'))!;
		expect(versions).toHaveLength(1);
		expect(versions[0]!.definition).toEqual((await loadProject(handle.db, 'LEGACY'))!.definition);
		expect(versions[0]).toMatchObject({ kind: 'adoption', status: 'adopted', createdBy: 'system' });
	});
});
