/**
 * Reads a project's control for a document: every finding with its thread and evidence files
 * (name, size, SHA-256), every sample with its items, and the expenses, reasons and people these
 * name. Rows come in a fixed order, so the fingerprint does not depend on the engine.
 */
import { asc, eq, inArray } from 'drizzle-orm';
import { compareRecords } from '$lib/domain/documents/document-data';
import type {
	ControlData,
	ControlExpense,
	EntryRecord,
	FindingRecord,
	SampleRecord
} from '$lib/domain/documents/control-records';
import type { Queryable } from '../db';
import { users } from '../db/auth-schema';
import {
	controlReasons,
	controlSampleItems,
	controlSamples,
	expenseFindings,
	findingEntries,
	findingEvidence
} from '../db/control-schema';
import { expenses, importBatches, sourceFiles } from '../db/import-schema';

const iso = (moment: Date | string) => new Date(moment).toISOString();

async function expenseRows(db: Queryable, ids: number[]): Promise<Map<number, ControlExpense>> {
	if (ids.length === 0) return new Map();
	const rows = await db
		.select({
			id: expenses.id,
			rowKey: expenses.rowKey,
			occurrence: expenses.occurrence,
			date: expenses.date,
			cents: expenses.amountCents,
			currency: expenses.currency,
			category: expenses.category,
			event: expenses.eventNumber,
			document: expenses.documentNumber,
			payee: expenses.payee,
			description: expenses.description,
			file: importBatches.fileName,
			line: expenses.line,
			revertedAt: expenses.revertedAt
		})
		.from(expenses)
		.innerJoin(importBatches, eq(importBatches.id, expenses.batchId))
		.where(inArray(expenses.id, ids));
	return new Map(
		rows.map(({ id, rowKey, occurrence, revertedAt, cents, ...row }) => [
			Number(id),
			{
				key: `${rowKey}#${occurrence}`,
				...row,
				cents: Number(cents),
				reverted: revertedAt !== null
			}
		])
	);
}

async function threads(db: Queryable, projectId: number): Promise<Map<number, EntryRecord[]>> {
	const entries = await db
		.select()
		.from(findingEntries)
		.where(eq(findingEntries.projectId, projectId))
		.orderBy(asc(findingEntries.id));
	const files = await db
		.select({
			entryId: findingEvidence.entryId,
			name: sourceFiles.name,
			size: sourceFiles.size,
			sha256: sourceFiles.sha256
		})
		.from(findingEvidence)
		.innerJoin(findingEntries, eq(findingEntries.id, findingEvidence.entryId))
		.innerJoin(sourceFiles, eq(sourceFiles.id, findingEvidence.fileId))
		.where(eq(findingEntries.projectId, projectId))
		.orderBy(asc(findingEvidence.entryId), asc(findingEvidence.position));
	const byThread = new Map<number, EntryRecord[]>();
	for (const entry of entries) {
		const thread = byThread.get(Number(entry.expenseId)) ?? [];
		thread.push({
			action: entry.action,
			state: entry.state,
			deducted: Number(entry.deductedCents),
			reason: entry.reasonCode,
			text: entry.text,
			by: entry.createdBy,
			at: iso(entry.createdAt),
			evidence: files
				.filter((f) => Number(f.entryId) === Number(entry.id))
				.map((f) => ({ name: f.name, size: Number(f.size), sha256: f.sha256 }))
		});
		byThread.set(Number(entry.expenseId), thread);
	}
	return byThread;
}

async function samples(db: Queryable, projectId: number) {
	const drawn = await db
		.select()
		.from(controlSamples)
		.where(eq(controlSamples.projectId, projectId))
		.orderBy(asc(controlSamples.number));
	const items =
		drawn.length === 0
			? []
			: await db
					.select()
					.from(controlSampleItems)
					.where(
						inArray(
							controlSampleItems.sampleId,
							drawn.map((s) => s.id)
						)
					)
					.orderBy(asc(controlSampleItems.sampleId), asc(controlSampleItems.position));
	return drawn.map((s) => ({
		sample: s,
		items: items.filter((i) => i.sampleId === s.id)
	}));
}

export async function loadControlData(db: Queryable, projectId: number): Promise<ControlData> {
	const current = await db
		.select()
		.from(expenseFindings)
		.where(eq(expenseFindings.projectId, projectId));
	const byThread = await threads(db, projectId);
	const drawn = await samples(db, projectId);
	const ids = new Set<number>([
		...current.map((f) => Number(f.expenseId)),
		...byThread.keys(),
		...drawn.flatMap((d) => d.items.map((i) => Number(i.expenseId)))
	]);
	const rows = await expenseRows(db, [...ids]);
	const keyOf = (id: number) => rows.get(id)!.key;
	const now = new Map(current.map((f) => [Number(f.expenseId), f]));
	const findingIds = [...new Set([...now.keys(), ...byThread.keys()])];
	const findings = findingIds
		.sort((a, b) => compareRecords(rows.get(a)!, rows.get(b)!))
		.map((id): FindingRecord => {
			const f = now.get(id);
			return {
				expense: keyOf(id),
				state: f?.state ?? null,
				deducted: Number(f?.deductedCents ?? 0),
				reason: f?.reasonCode ?? null,
				note: f?.note ?? null,
				entries: byThread.get(id) ?? []
			};
		});
	const sampleRecords = drawn.map(({ sample: s, items }): SampleRecord => ({
		number: s.number,
		method: s.method,
		strata: s.strata,
		size: s.size,
		seed: s.seed,
		params: s.params,
		population: {
			rows: s.populationRows,
			cents: Number(s.populationCents),
			sha256: s.populationSha256
		},
		drawnBy: s.drawnBy,
		drawnAt: iso(s.drawnAt),
		items: items.map((i) => ({
			position: i.position,
			expense: keyOf(Number(i.expenseId)),
			stratum: i.stratum
		}))
	}));
	const codes = [
		...new Set(
			findings
				.flatMap((f) => [f.reason, ...f.entries.map((e) => e.reason)])
				.filter((c) => c !== null)
		)
	].sort();
	const reasons =
		codes.length === 0
			? []
			: await db
					.select({
						code: controlReasons.code,
						lv: controlReasons.labelLv,
						en: controlReasons.labelEn
					})
					.from(controlReasons)
					.where(inArray(controlReasons.code, codes))
					.orderBy(asc(controlReasons.code));
	const emails = [
		...new Set([
			...findings.flatMap((f) => f.entries.map((e) => e.by)),
			...sampleRecords.map((s) => s.drawnBy)
		])
	].sort();
	const people =
		emails.length === 0
			? []
			: await db
					.select({ email: users.email, name: users.name, role: users.role })
					.from(users)
					.where(inArray(users.email, emails))
					.orderBy(asc(users.email));
	return {
		expenses: [...rows.values()].sort(compareRecords),
		findings,
		samples: sampleRecords,
		reasons,
		people
	};
}
