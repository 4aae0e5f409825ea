/**
 * Samples an auditor draws from a project's live expenses: drawn and recorded (the sample, its
 * rows and its audit event in one transaction), drawn again from the recorded seed and parameters
 * to show that the same rows come out, and listed.
 */
import { and, asc, desc, eq, isNull, max } from 'drizzle-orm';
import { can, type Role } from '$lib/domain/access';
import {
	drawSample as drawRows,
	samplePopulation,
	SampleParamsError,
	type SampleParams,
	type SampleResult
} from '$lib/domain/control/sample-draw';
import {
	summarize,
	type PopulationFilter,
	type PopulationRow
} from '$lib/domain/control/sample-population';
import { recordAudit, type Actor } from '../audit/record-audit';
import type { Database, Queryable } from '../db';
import { controlSampleItems, controlSamples, expenses, projects } from '../db/schema';

export type SampleActor = Actor & { role: Role };

/** Why a sample could not be drawn or found; the caller words it. */
export class SampleAccessError extends Error {
	constructor(readonly reason: 'forbidden' | 'not-found') {
		super(`sample: ${reason}`);
		this.name = 'SampleAccessError';
	}
}

/** What is kept in `params`: the filter, and the generator a reader needs to draw it again. */
export interface StoredParams {
	filter: PopulationFilter;
	generator: SampleResult['generator'];
	excluded: SampleResult['excluded'];
	strata: SampleResult['strata'];
}

export type SampleRecord = typeof controlSamples.$inferSelect & { params: StoredParams };

export async function projectIdOf(db: Queryable, code: string): Promise<number | null> {
	const [row] = await db.select({ id: projects.id }).from(projects).where(eq(projects.code, code));
	return row?.id ?? null;
}

async function populationRows(db: Queryable, projectId: number): Promise<PopulationRow[]> {
	return db
		.select({
			id: expenses.id,
			date: expenses.date,
			amountCents: expenses.amountCents,
			category: expenses.category,
			eventNumber: expenses.eventNumber
		})
		.from(expenses)
		.where(and(eq(expenses.projectId, projectId), isNull(expenses.revertedAt)))
		.orderBy(asc(expenses.id));
}

export interface DrawnSample {
	sample: SampleRecord;
	result: SampleResult;
}

export async function drawSample(
	db: Database,
	actor: SampleActor,
	projectId: number,
	params: SampleParams
): Promise<DrawnSample> {
	if (!can(actor.role, 'control:write')) throw new SampleAccessError('forbidden');
	return db.transaction(async (tx) => {
		// The project's row, locked, so two draws at once number their samples in turn.
		await tx
			.select({ id: projects.id })
			.from(projects)
			.where(eq(projects.id, projectId))
			.for('update');
		const result = drawRows(await populationRows(tx, projectId), params);
		const [last] = await tx
			.select({ number: max(controlSamples.number) })
			.from(controlSamples)
			.where(eq(controlSamples.projectId, projectId));
		const stored: StoredParams = {
			filter: params.filter,
			generator: result.generator,
			excluded: result.excluded,
			strata: result.strata
		};
		const [sample] = await tx
			.insert(controlSamples)
			.values({
				projectId,
				number: (last?.number ?? 0) + 1,
				method: params.method,
				strata: params.strata,
				size: params.size,
				seed: params.seed,
				params: stored,
				populationRows: result.population.rows,
				populationCents: result.population.cents,
				populationSha256: result.population.sha256,
				drawnBy: actor.email
			})
			.returning();
		await tx.insert(controlSampleItems).values(
			result.picks.map((p, i) => ({
				sampleId: sample!.id,
				position: i + 1,
				expenseId: p.row.id,
				stratum: p.stratum
			}))
		);
		const record = { ...sample!, params: stored };
		await recordAudit(tx, actor, {
			action: 'sample.draw',
			objectType: 'control_sample',
			objectId: `${projectId}/${record.number}`,
			after: { ...params, population: result.population, rows: result.picks.map((p) => p.row.id) }
		});
		return { sample: record, result };
	});
}

export async function listSamples(db: Queryable, projectId: number): Promise<SampleRecord[]> {
	const rows = await db
		.select()
		.from(controlSamples)
		.where(eq(controlSamples.projectId, projectId))
		.orderBy(desc(controlSamples.number));
	return rows.map((r) => ({ ...r, params: r.params as StoredParams }));
}

export async function findSample(
	db: Queryable,
	projectId: number,
	number: number
): Promise<SampleRecord | null> {
	const [row] = await db
		.select()
		.from(controlSamples)
		.where(and(eq(controlSamples.projectId, projectId), eq(controlSamples.number, number)));
	return row ? { ...row, params: row.params as StoredParams } : null;
}

export async function sampleItemIds(db: Queryable, sampleId: number): Promise<number[]> {
	const rows = await db
		.select({ id: controlSampleItems.expenseId })
		.from(controlSampleItems)
		.where(eq(controlSampleItems.sampleId, sampleId))
		.orderBy(asc(controlSampleItems.position));
	return rows.map((r) => r.id);
}

export interface RedrawCheck {
	/** The same rows in the same order. */
	identical: boolean;
	populationChanged: boolean;
	recorded: number[];
	drawn: number[];
	/** Rows in one draw and not the other. */
	missing: number[];
	added: number[];
	population: SampleResult['population'];
}

/** Draws again from the recorded seed and parameters, over the live rows of today; records nothing. */
export async function redrawSample(
	db: Queryable,
	projectId: number,
	number: number
): Promise<RedrawCheck> {
	const sample = await findSample(db, projectId, number);
	if (!sample) throw new SampleAccessError('not-found');
	const recorded = await sampleItemIds(db, sample.id);
	const rows = await populationRows(db, projectId);
	const params: SampleParams = {
		method: sample.method,
		strata: sample.strata,
		size: sample.size,
		seed: sample.seed,
		filter: sample.params.filter
	};
	const population = summarize(samplePopulation(rows, params).population);
	// A population that can no longer give the sample (emptied or shrunk) draws no rows.
	const drawn = await Promise.resolve()
		.then(() => drawRows(rows, params).picks.map((p) => p.row.id))
		.catch((error: unknown): number[] => {
			if (error instanceof SampleParamsError) return [];
			throw error;
		});
	return {
		identical: drawn.length === recorded.length && drawn.every((id, i) => id === recorded[i]),
		populationChanged: population.sha256 !== sample.populationSha256,
		recorded,
		drawn,
		missing: recorded.filter((id) => !drawn.includes(id)),
		added: drawn.filter((id) => !recorded.includes(id)),
		population
	};
}
