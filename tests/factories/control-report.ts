/**
 * Test data for the control report: reasons, findings with their threads and evidence files,
 * and samples, written straight into the control tables (as the findings and samples services
 * would leave them), at fixed moments so that documents come out the same every run.
 */
import { createHash, randomUUID } from 'node:crypto';
import { and, asc, eq, isNull } from 'drizzle-orm';
import type { FindingAction } from '../../src/lib/domain/documents/control-records';
import type { FindingState } from '../../src/lib/domain/control/finding-states';
import type { Database } from '../../src/lib/server/db';
import {
	controlReasons,
	controlSampleItems,
	controlSamples,
	expenseFindings,
	findingEntries,
	findingEvidence
} from '../../src/lib/server/db/control-schema';
import { expenses, sourceFileChunks, sourceFiles } from '../../src/lib/server/db/import-schema';
import { projects } from '../../src/lib/server/db/schema';

export interface LiveExpense {
	id: number;
	projectId: number;
	line: number;
	cents: number;
	date: string;
}

/** The project's live expenses, in ledger line order. */
export async function liveExpenses(db: Database, code = 'SOLID'): Promise<LiveExpense[]> {
	const rows = await db
		.select({
			id: expenses.id,
			projectId: expenses.projectId,
			line: expenses.line,
			cents: expenses.amountCents,
			date: expenses.date
		})
		.from(expenses)
		.innerJoin(projects, eq(projects.id, expenses.projectId))
		.where(and(eq(projects.code, code), isNull(expenses.revertedAt)))
		.orderBy(asc(expenses.line));
	return rows.map((r) => ({ ...r, id: Number(r.id), cents: Number(r.cents) }));
}

export async function addReason(db: Database, code: string, lv: string, en: string) {
	await db
		.insert(controlReasons)
		.values({ code, labelLv: lv, labelEn: en, position: 1, updatedBy: 'auditor@cofund.test' })
		.onConflictDoNothing();
}

export interface EntryInput {
	action: FindingAction;
	state: FindingState | null;
	by: string;
	at: string;
	deducted?: number;
	reason?: string;
	text?: string;
	evidence?: { name: string; bytes: Uint8Array }[];
}

async function storeEvidence(
	db: Database,
	projectId: number,
	by: string,
	name: string,
	bytes: Uint8Array
) {
	const id = randomUUID();
	const sha256 = createHash('sha256').update(bytes).digest('hex');
	await db
		.insert(sourceFiles)
		.values({ id, projectId, name, size: bytes.length, sha256, uploadedBy: by });
	await db.insert(sourceFileChunks).values({ fileId: id, seq: 0, bytes });
	return id;
}

/** Adds entries to an expense's thread and leaves its current finding as the last one says. */
export async function recordFinding(db: Database, expense: LiveExpense, entries: EntryInput[]) {
	for (const e of entries) {
		const [entry] = await db
			.insert(findingEntries)
			.values({
				expenseId: expense.id,
				projectId: expense.projectId,
				action: e.action,
				state: e.state,
				deductedCents: e.deducted ?? 0,
				reasonCode: e.reason ?? null,
				text: e.text ?? null,
				createdBy: e.by,
				createdAt: new Date(e.at)
			})
			.returning({ id: findingEntries.id });
		for (const [position, file] of (e.evidence ?? []).entries()) {
			const fileId = await storeEvidence(db, expense.projectId, e.by, file.name, file.bytes);
			await db.insert(findingEvidence).values({ entryId: entry!.id, fileId, position });
		}
	}
	const last = entries.at(-1)!;
	await db.delete(expenseFindings).where(eq(expenseFindings.expenseId, expense.id));
	if (last.state === null) return;
	const deciding = [...entries].reverse().find((e) => e.action !== 'answer') ?? last;
	await db.insert(expenseFindings).values({
		expenseId: expense.id,
		projectId: expense.projectId,
		state: last.state,
		deductedCents: last.state === 'ineligible' ? (deciding.deducted ?? 0) : 0,
		reasonCode: last.state === 'ineligible' ? (deciding.reason ?? null) : null,
		note: deciding.text ?? null,
		version: entries.length,
		updatedBy: last.by,
		updatedAt: new Date(last.at)
	});
}

export interface SampleInput {
	number: number;
	method: 'random' | 'mus';
	strata?: 'none' | 'year' | 'category' | 'event';
	seed: string;
	params?: Record<string, unknown>;
	population: LiveExpense[];
	drawn: LiveExpense[];
	by: string;
	at: string;
}

export async function recordSample(db: Database, s: SampleInput) {
	const [sample] = await db
		.insert(controlSamples)
		.values({
			projectId: s.drawn[0]!.projectId,
			number: s.number,
			method: s.method,
			strata: s.strata ?? 'none',
			size: s.drawn.length,
			seed: s.seed,
			params: s.params ?? {},
			populationRows: s.population.length,
			populationCents: s.population.reduce((sum, e) => sum + e.cents, 0),
			populationSha256: createHash('sha256')
				.update(s.population.map((e) => `${e.id};${e.date};${e.cents}\n`).join(''))
				.digest('hex'),
			drawnBy: s.by,
			drawnAt: new Date(s.at)
		})
		.returning({ id: controlSamples.id });
	await db.insert(controlSampleItems).values(
		s.drawn.map((e, i) => ({
			sampleId: sample!.id,
			position: i + 1,
			expenseId: e.id,
			stratum: ''
		}))
	);
}
