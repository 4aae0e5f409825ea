/**
 * Reads the data a document is made from: the project's plan (the version asked for, else the
 * plan in force now), and the expense rows (each with its finding, when it has one) and trips
 * when its template asks for them (the live ones: a reverted import's rows are in no document), each with the file and line it was imported from. Its
 * fingerprint is the SHA-256 of its canonical JSON (RFC 8785), so key order and engine never
 * change it.
 */
import { createHash } from 'node:crypto';
import { promisify } from 'node:util';
import { gunzipSync, gzip } from 'node:zlib';
import canonicalize from 'canonicalize';
import { and, eq, isNull } from 'drizzle-orm';
import {
	compareRecords,
	type DataPart,
	type DocumentData,
	type TripRecord
} from '$lib/domain/documents/document-data';
import { figuresSteps } from '$lib/domain/dashboard/plan-in-force';
import type { Queryable } from '../db';
import { importBatches, participations } from '../db/schema';
import { loadProject } from '../projects/load-definition';
import { listNarratives } from '../report/narratives';
import { letterheadData, loadLetterhead } from '../settings/office';
import { documentPeriods } from '../control/document-periods';
import { reportNarratives } from '$lib/domain/report/narratives';
import { chooseVersion, versionData, type PlanChoice } from '$lib/domain/documents/document-plan';
import { listPlanVersions } from '../plans/plan-versions';
import { loadControlData } from './control-data';
import { expenseRecords } from './expense-records';

const gzipAsync = promisify(gzip);

/** The plan version or decision a request names does not exist for the project. */
export class UnknownPlanError extends Error {
	constructor(
		readonly code: string,
		readonly asked: { plan: number } | { decision: string }
	) {
		super(
			'plan' in asked
				? `project ${code} has no plan version ${asked.plan}`
				: `project ${code} has no decision No. ${asked.decision}`
		);
		this.name = 'UnknownPlanError';
	}
}

export async function loadDocumentData(
	db: Queryable,
	code: string,
	parts: readonly DataPart[],
	choice: PlanChoice = {}
): Promise<{ projectId: number; plan: number | null; data: DocumentData } | null> {
	const project = await loadProject(db, code);
	if (!project) return null;
	const versions = await listPlanVersions(db, project.id);
	const chosen = chooseVersion(versions, choice);
	if ('missing' in chosen && chosen.missing === 'plan')
		throw new UnknownPlanError(code, { plan: chosen.plan });
	if ('missing' in chosen && chosen.missing === 'decision')
		throw new UnknownPlanError(code, { decision: chosen.decision });
	const version = 'found' in chosen ? chosen.found : null;
	// The version's own definition: the annex of an earlier decision is that decision's plan.
	const data: DocumentData = { plan: version?.definition ?? project.definition };
	if (version && parts.includes('versions')) data.versions = versionData(versions, version);
	// Only once set: a document made before any letterhead keeps the data, and so the bytes, it had.
	const letterhead = letterheadData(await loadLetterhead(db));
	if (letterhead) data.letterhead = letterhead;
	const periods = await documentPeriods(db, project.id, data.plan.period);
	if (periods.length) data.closedPeriods = periods;
	// The budget reads the plan in force on the document's date; only once there is more than one
	// plan, so that a document of a plan never amended keeps its data (and bytes). A document of an
	// earlier version knows the plans only up to that one.
	if (parts.includes('expenses')) {
		const known = version ? versions.filter((v) => v.number <= version.number) : versions;
		const steps = figuresSteps(known);
		if (steps.length > 1) data.planSteps = steps;
	}
	if (parts.includes('narratives'))
		data.narratives = reportNarratives(await listNarratives(db, code));
	if (parts.includes('expenses')) data.expenses = await expenseRecords(db, project.id);
	if (parts.includes('trips')) {
		const rows = await db
			.select({
				key: participations.rowKey,
				person: participations.person,
				position: participations.position,
				event: participations.eventNumber,
				city: participations.city,
				country: participations.country,
				departure: participations.departure,
				return: participations.returnDate,
				order: participations.orderNumber,
				status: participations.status,
				file: importBatches.fileName,
				line: participations.line
			})
			.from(participations)
			.innerJoin(importBatches, eq(importBatches.id, participations.batchId))
			.where(and(eq(participations.projectId, project.id), isNull(participations.revertedAt)));
		data.trips = rows.map((row): TripRecord => row).sort(compareRecords);
	}
	if (parts.includes('control')) data.control = await loadControlData(db, project.id);
	return { projectId: project.id, plan: version?.number ?? null, data };
}

export function canonicalData(data: DocumentData): string {
	const text = canonicalize(data);
	if (text === undefined) throw new Error('document data is not JSON');
	return text;
}

/** The event loop's turn: requests that came in meanwhile are taken. */
const turn = () => new Promise((resolve) => setImmediate(resolve));

function canonicalPart(value: unknown): string {
	const text = canonicalize(value);
	if (text === undefined) throw new Error('document data is not JSON');
	return text;
}

/** A value's canonical JSON, a long list `every` items at a time with a turn between. */
async function canonicalInTurns(value: unknown, every: number): Promise<string> {
	if (!Array.isArray(value) || value.length <= every) return canonicalPart(value);
	const items: string[] = [];
	for (let i = 0; i < value.length; i++) {
		if (i > 0 && i % every === 0) await turn();
		const item: unknown = value[i];
		items.push(canonicalPart(item === undefined || typeof item === 'symbol' ? null : item));
	}
	return `[${items.join(',')}]`;
}

/**
 * The same text as `canonicalData`, by the same rules (RFC 8785 as canonicalize writes it: keys
 * in UTF-16 order, undefined left out, in a list written null), worked out a thousand list items
 * at a time with the event loop turning between: a 10,000-row report's data took some 100 ms at
 * once, which held every request of the app meanwhile.
 */
export async function canonicalDataInTurns(data: DocumentData, every = 1000): Promise<string> {
	const parts: string[] = [];
	const fields = data as unknown as Record<string, unknown>;
	for (const key of Object.keys(fields).sort()) {
		const value = fields[key];
		if (value === undefined || typeof value === 'symbol') continue;
		parts.push(`${canonicalPart(key)}:${await canonicalInTurns(value, every)}`);
	}
	return `{${parts.join(',')}}`;
}

export const sha256Hex = (bytes: Uint8Array | string) =>
	createHash('sha256').update(bytes).digest('hex');

export function fingerprintOf(data: DocumentData): { fingerprint: string; canonical: string } {
	const canonical = canonicalData(data);
	return { fingerprint: sha256Hex(canonical), canonical };
}

/** `fingerprintOf`, with the event loop turning while a long list is written. */
export async function fingerprintInTurns(
	data: DocumentData
): Promise<{ fingerprint: string; canonical: string }> {
	const canonical = await canonicalDataInTurns(data);
	return { fingerprint: sha256Hex(canonical), canonical };
}

/**
 * Snapshots are kept gzip'd: a 10,000-row list is a few hundred kilobytes instead of megabytes.
 * Compressed on the thread pool, not the app's thread, where it took some 50 ms of every
 * request's time.
 */
export const packSnapshot = async (canonical: string) =>
	new Uint8Array(await gzipAsync(canonical, { level: 6 }));
export const unpackSnapshot = (packed: Uint8Array): DocumentData =>
	JSON.parse(gunzipSync(packed).toString('utf8')) as DocumentData;
