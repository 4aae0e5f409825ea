import { ENGINES, freshDatabase } from '$tests/factories/database';
import { importSample } from '$tests/factories/imports';
import { solidDefinition } from '$tests/factories/projects';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SampleParams } from '$lib/domain/control/sample-draw';
import { SYSTEM_ACTOR } from '../audit/record-audit';
import type { DatabaseHandle } from '../db';
import { auditEvents, expenseFindings, expenses } from '../db/schema';
import { revertImport } from '../import/revert-import';
import { applyProjectDefinition } from '../projects/apply-definition';
import { sampleWithProgress } from './sample-progress';
import {
	drawSample,
	listSamples,
	projectIdOf,
	redrawSample,
	SampleAccessError,
	type SampleActor
} from './samples';

const auditor: SampleActor = { id: null, email: 'revidents@cofund.example', role: 'auditor' };
const coordinator: SampleActor = { ...auditor, email: 'k@cofund.example', role: 'coordinator' };
const mus: SampleParams = {
	method: 'mus',
	strata: 'none',
	size: 10,
	seed: 'SOLID-2026',
	filter: {}
};

describe.each(ENGINES)('samples on %s', (engine) => {
	let handle: DatabaseHandle;
	let projectId: number;
	beforeAll(async () => {
		handle = await freshDatabase(engine);
		await applyProjectDefinition(handle.db, solidDefinition(), { actor: SYSTEM_ACTOR });
		await importSample(handle.db, 'expenses');
		projectId = (await projectIdOf(handle.db, 'SOLID'))!;
	}, 120_000);
	afterAll(async () => {
		await handle?.close();
	});

	it('draws a 10-row MUS sample of SOLID, numbered 1, recorded with its population and audited', async () => {
		const { sample, result } = await drawSample(handle.db, auditor, projectId, mus);
		expect(sample.number).toBe(1);
		expect(result.picks).toHaveLength(10);
		// SOLID's 33 rows less the credit note of −190,00 EUR: 4374,70 EUR of positive amounts.
		expect(sample).toMatchObject({
			populationRows: 32,
			populationCents: 437470,
			drawnBy: auditor.email
		});
		expect(sample.params.excluded).toEqual({ rows: 1, cents: -19000 });
		// The flights of 1011,00 EUR and 463,60 EUR are larger than 437,47 EUR: taken with certainty.
		const docs = await handle.db
			.select({ id: expenses.id, doc: expenses.documentNumber })
			.from(expenses)
			.where(eq(expenses.projectId, projectId));
		const docOf = new Map(docs.map((d) => [d.id, d.doc]));
		expect(result.picks.slice(0, 2).map((p) => docOf.get(p.row.id))).toEqual([
			'AB-120554',
			'AB-124980'
		]);
		const events = await handle.db
			.select()
			.from(auditEvents)
			.where(eq(auditEvents.action, 'sample.draw'));
		expect(events).toHaveLength(1);
		expect(events[0]!.objectId).toBe(`${projectId}/1`);
	});

	it('draws the same rows again from the recorded seed, and says the population is unchanged', async () => {
		const check = await redrawSample(handle.db, projectId, 1);
		expect(check).toMatchObject({
			identical: true,
			populationChanged: false,
			missing: [],
			added: []
		});
		expect(check.drawn).toEqual(check.recorded);
		const second = await drawSample(handle.db, auditor, projectId, { ...mus, seed: 'other' });
		expect(second.sample.number).toBe(2);
		expect(second.result.picks.map((p) => p.row.id)).not.toEqual(check.recorded);
		expect((await listSamples(handle.db, projectId)).map((s) => s.number)).toEqual([2, 1]);
	});

	it('refuses a coordinator, and a size larger than the population, writing nothing', async () => {
		await expect(drawSample(handle.db, coordinator, projectId, mus)).rejects.toBeInstanceOf(
			SampleAccessError
		);
		await expect(
			drawSample(handle.db, auditor, projectId, { ...mus, size: 40 })
		).rejects.toMatchObject({ problem: 'smaller' });
		expect(await listSamples(handle.db, projectId)).toHaveLength(2);
	});

	it('shows the progress: a finding other than an open query counts, a query is shown apart', async () => {
		const view = (await sampleWithProgress(handle.db, projectId, 1))!;
		expect(view.progress).toEqual({ done: 0, queried: 0, total: 10 });
		const [a, b, c] = view.items;
		await handle.db.insert(expenseFindings).values([
			{ expenseId: a!.expenseId, projectId, state: 'verified', updatedBy: auditor.email },
			{ expenseId: b!.expenseId, projectId, state: 'queried', updatedBy: auditor.email },
			{
				expenseId: c!.expenseId,
				projectId,
				state: 'ineligible',
				deductedCents: 100,
				updatedBy: auditor.email
			}
		]);
		const after = (await sampleWithProgress(handle.db, projectId, 1))!;
		expect(after.progress).toEqual({ done: 2, queried: 1, total: 10 });
		expect(after.items.map((i) => i.state).slice(0, 4)).toEqual([
			'verified',
			'queried',
			'ineligible',
			'unchecked'
		]);
		await handle.db.delete(expenseFindings).where(and(eq(expenseFindings.projectId, projectId)));
	});

	it('reports a changed population and other rows after the ledger is reverted and imported again', async () => {
		const { recorded } = await redrawSample(handle.db, projectId, 1);
		const [{ batchId }] = (await handle.db
			.select({ batchId: expenses.batchId })
			.from(expenses)
			.where(eq(expenses.id, recorded[0]!))) as [{ batchId: number }];
		await revertImport(handle.db, batchId, projectId, SYSTEM_ACTOR);
		expect(await redrawSample(handle.db, projectId, 1)).toMatchObject({
			identical: false,
			populationChanged: true,
			drawn: [],
			missing: recorded
		});
		await importSample(handle.db, 'expenses');
		const check = await redrawSample(handle.db, projectId, 1);
		// The same lines come back as new rows: the same amounts, but not the rows the sample holds.
		expect(check).toMatchObject({ identical: false, populationChanged: true });
		expect(check.drawn).toHaveLength(10);
		expect(check.population).toMatchObject({ rows: 32, cents: 437470 });
	});
});
