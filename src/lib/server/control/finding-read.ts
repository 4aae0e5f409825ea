/**
 * Findings as readers see them: one expense with its finding, the thread oldest first (authors'
 * names and evidence files), the project's findings by state, and the next expense not checked.
 */
import { and, asc, eq, gt, inArray, isNull, notExists, or, sql } from 'drizzle-orm';
import type { ControlState } from '$lib/domain/control/finding-states';
import type { ExpenseRowView } from '$lib/domain/dashboard/expense-row';
import type { Queryable } from '../db';
import { EXPENSE_ROW_COLUMNS } from '../dashboard/expense-rows';
import {
	expenseFindings,
	expenses,
	findingEntries,
	findingEvidence,
	importBatches,
	projects,
	sourceFiles,
	users
} from '../db/schema';

export interface FindingView {
	state: ControlState;
	deductedCents: number;
	reasonCode: string | null;
	note: string | null;
}

export interface ThreadFile {
	id: string;
	name: string;
	size: number;
	sha256: string;
}

export interface ThreadEntry {
	id: number;
	action: (typeof findingEntries.$inferSelect)['action'];
	state: ControlState;
	deductedCents: number;
	reasonCode: string | null;
	text: string | null;
	author: string;
	at: string;
	files: ThreadFile[];
}

const UNCHECKED: FindingView = {
	state: 'unchecked',
	deductedCents: 0,
	reasonCode: null,
	note: null
};

/** A live expense of the project, as the table shows it, or null. */
export async function liveExpense(
	db: Queryable,
	projectId: number,
	expenseId: number
): Promise<ExpenseRowView | null> {
	const [row] = await db
		.select(EXPENSE_ROW_COLUMNS)
		.from(expenses)
		.innerJoin(importBatches, eq(importBatches.id, expenses.batchId))
		.innerJoin(projects, eq(projects.id, expenses.projectId))
		.where(
			and(
				eq(expenses.id, expenseId),
				eq(expenses.projectId, projectId),
				isNull(expenses.revertedAt)
			)
		);
	return row ?? null;
}

export async function findingOf(db: Queryable, expenseId: number): Promise<FindingView> {
	const [row] = await db
		.select({
			state: expenseFindings.state,
			deductedCents: expenseFindings.deductedCents,
			reasonCode: expenseFindings.reasonCode,
			note: expenseFindings.note
		})
		.from(expenseFindings)
		.where(eq(expenseFindings.expenseId, expenseId));
	return row ?? UNCHECKED;
}

/** The thread oldest first; its length is the finding's version, which forms send back. */
export async function findingThread(db: Queryable, expenseId: number): Promise<ThreadEntry[]> {
	const rows = await db
		.select({
			id: findingEntries.id,
			action: findingEntries.action,
			state: findingEntries.state,
			deductedCents: findingEntries.deductedCents,
			reasonCode: findingEntries.reasonCode,
			text: findingEntries.text,
			email: findingEntries.createdBy,
			name: users.name,
			at: findingEntries.createdAt
		})
		.from(findingEntries)
		.leftJoin(users, eq(users.email, findingEntries.createdBy))
		.where(eq(findingEntries.expenseId, expenseId))
		.orderBy(asc(findingEntries.id));
	const files = rows.length
		? await db
				.select({
					entryId: findingEvidence.entryId,
					id: sourceFiles.id,
					name: sourceFiles.name,
					size: sourceFiles.size,
					sha256: sourceFiles.sha256
				})
				.from(findingEvidence)
				.innerJoin(sourceFiles, eq(sourceFiles.id, findingEvidence.fileId))
				.where(
					inArray(
						findingEvidence.entryId,
						rows.map((r) => r.id)
					)
				)
				.orderBy(asc(findingEvidence.position))
		: [];
	return rows.map(({ email, name, at, state, ...row }) => ({
		...row,
		state: state ?? 'unchecked',
		author: name ?? email,
		at: at.toISOString(),
		files: files.filter((f) => f.entryId === row.id).map(({ entryId: _, ...file }) => file)
	}));
}

/** The project's current findings, of one state or all; "unchecked" has no rows to list. */
export async function listFindings(
	db: Queryable,
	projectId: number,
	filter: { state?: ControlState } = {}
): Promise<({ expenseId: number } & FindingView)[]> {
	if (filter.state === 'unchecked') return [];
	const rows = await db
		.select({
			expenseId: expenseFindings.expenseId,
			state: expenseFindings.state,
			deductedCents: expenseFindings.deductedCents,
			reasonCode: expenseFindings.reasonCode,
			note: expenseFindings.note
		})
		.from(expenseFindings)
		.where(
			and(
				eq(expenseFindings.projectId, projectId),
				filter.state ? eq(expenseFindings.state, filter.state) : undefined
			)
		)
		.orderBy(asc(expenseFindings.expenseId));
	return rows;
}

/** The first live expense not checked after this one in date order (then from the start). */
export async function nextUnchecked(
	db: Queryable,
	projectId: number,
	after: { id: number; date: string }
): Promise<number | null> {
	const unchecked = and(
		eq(expenses.projectId, projectId),
		isNull(expenses.revertedAt),
		sql`${expenses.id} <> ${after.id}`,
		notExists(
			db
				.select({ one: sql`1` })
				.from(expenseFindings)
				.where(eq(expenseFindings.expenseId, expenses.id))
		)
	);
	const later = or(
		gt(expenses.date, after.date),
		and(eq(expenses.date, after.date), gt(expenses.id, after.id))
	);
	for (const where of [and(unchecked, later), unchecked]) {
		const [row] = await db
			.select({ id: expenses.id })
			.from(expenses)
			.where(where)
			.orderBy(asc(expenses.date), asc(expenses.id))
			.limit(1);
		if (row) return row.id;
	}
	return null;
}

/** An evidence file of this expense's thread, or null. */
export async function evidenceFile(
	db: Queryable,
	projectId: number,
	expenseId: number,
	fileId: string
): Promise<ThreadFile | null> {
	const [row] = await db
		.select({
			id: sourceFiles.id,
			name: sourceFiles.name,
			size: sourceFiles.size,
			sha256: sourceFiles.sha256
		})
		.from(findingEvidence)
		.innerJoin(findingEntries, eq(findingEntries.id, findingEvidence.entryId))
		.innerJoin(sourceFiles, eq(sourceFiles.id, findingEvidence.fileId))
		.where(
			and(
				eq(findingEvidence.fileId, fileId),
				eq(findingEntries.expenseId, expenseId),
				eq(findingEntries.projectId, projectId)
			)
		);
	return row ?? null;
}
