/**
 * Records a finding on one expense, all in one transaction: the access check, the version the
 * form saw (a concurrent finding is refused, never overwritten), the current finding, the
 * thread's new entry with its evidence files, and the audit event with before and after.
 */
import { and, count, eq, isNull } from 'drizzle-orm';
import {
	planFinding,
	type CurrentFinding,
	type FindingError,
	type FindingRequest
} from '$lib/domain/control/finding-rules';
import type { Database, Transaction } from '../db';
import { expenseFindings, expenses, findingEntries, findingEvidence, projects } from '../db/schema';
import { recordAudit, type Actor } from '../audit/record-audit';
import type { Viewer } from '../access/authorize';
import { FileTooLargeError, storeSource, type StoredFile } from '../import/store-source';
import { ensureReason } from './control-reasons';
import { findingPowers } from './finding-access';

/** One evidence file as it arrives: a name and its bytes, read once as a stream. */
export interface EvidenceUpload {
	name: string;
	read: () => AsyncIterable<Uint8Array>;
}

export type FindingFailure =
	| FindingError
	| { code: 'not_found' }
	| { code: 'stale' }
	| { code: 'reason_unknown' }
	| { code: 'file_too_large'; limit: number };

export type RecordResult = { ok: true; version: number } | { ok: false; error: FindingFailure };

/** The largest evidence file: the detail page's body limit (16 MB) holds every file of an answer. */
export const EVIDENCE_FILE_LIMIT = 16 * 1024 * 1024;

class Refused extends Error {
	constructor(readonly failure: FindingFailure) {
		super(failure.code);
	}
}

export interface FindingInput {
	code: string;
	expenseId: number;
	/** The thread's length when the form was shown: the finding's version. */
	version: number;
	request: FindingRequest;
	files?: EvidenceUpload[];
}

async function lockExpense(tx: Transaction, projectId: number, expenseId: number) {
	const [row] = await tx
		.select({ id: expenses.id, amountCents: expenses.amountCents })
		.from(expenses)
		.where(
			and(
				eq(expenses.id, expenseId),
				eq(expenses.projectId, projectId),
				isNull(expenses.revertedAt)
			)
		)
		.for('update');
	return row;
}

async function currentOf(tx: Transaction, expenseId: number) {
	const [row] = await tx
		.select({
			state: expenseFindings.state,
			deductedCents: expenseFindings.deductedCents,
			reasonCode: expenseFindings.reasonCode,
			note: expenseFindings.note
		})
		.from(expenseFindings)
		.where(eq(expenseFindings.expenseId, expenseId));
	const [entries] = await tx
		.select({ n: count() })
		.from(findingEntries)
		.where(eq(findingEntries.expenseId, expenseId));
	return { current: (row ?? null) as CurrentFinding | null, version: Number(entries?.n ?? 0) };
}

async function saveFinding(
	tx: Transaction,
	key: { expenseId: number; projectId: number },
	next: CurrentFinding | null,
	version: number,
	by: string
) {
	if (!next) {
		await tx.delete(expenseFindings).where(eq(expenseFindings.expenseId, key.expenseId));
		return;
	}
	const values = { ...key, ...next, version, updatedBy: by, updatedAt: new Date() };
	await tx
		.insert(expenseFindings)
		.values(values)
		.onConflictDoUpdate({ target: expenseFindings.expenseId, set: values });
}

async function storeEvidence(
	tx: Transaction,
	entryId: number,
	projectId: number,
	files: EvidenceUpload[],
	by: string
): Promise<StoredFile[]> {
	const stored: StoredFile[] = [];
	for (const [position, file] of files.entries()) {
		try {
			const meta = { projectId, uploadedBy: by, limit: EVIDENCE_FILE_LIMIT };
			stored.push(await storeSource(tx, file, meta));
		} catch (failure) {
			if (failure instanceof FileTooLargeError) {
				throw new Refused({ code: 'file_too_large', limit: failure.limit });
			}
			throw failure;
		}
		await tx.insert(findingEvidence).values({ entryId, fileId: stored.at(-1)!.id, position });
	}
	return stored;
}

export async function recordFinding(
	db: Database,
	actor: Actor & Viewer,
	input: FindingInput
): Promise<RecordResult> {
	const [project] = await db
		.select({ id: projects.id })
		.from(projects)
		.where(eq(projects.code, input.code));
	if (!project) return { ok: false, error: { code: 'not_found' } };
	const powers = await findingPowers(db, actor, input.code);
	try {
		const version = await db.transaction((tx) => apply(tx, actor, project.id, input, powers));
		return { ok: true, version };
	} catch (failure) {
		if (failure instanceof Refused) return { ok: false, error: failure.failure };
		throw failure;
	}
}

async function apply(
	tx: Transaction,
	actor: Actor,
	projectId: number,
	input: FindingInput,
	powers: Awaited<ReturnType<typeof findingPowers>>
): Promise<number> {
	const expense = await lockExpense(tx, projectId, input.expenseId);
	if (!expense) throw new Refused({ code: 'not_found' });
	const { current, version } = await currentOf(tx, expense.id);
	const { request } = input;
	const files = request.action === 'answer' ? (input.files ?? []) : [];
	// Someone else's finding came first: the reader's form no longer shows the finding.
	if ((powers.write || powers.answer) && version !== input.version) {
		throw new Refused({ code: 'stale' });
	}
	const planned = planFinding(current, request, expense.amountCents, powers);
	if (!planned.ok) throw new Refused(planned.error);
	const { next, entry } = planned.outcome;
	if (entry.reasonCode && request.action === 'deduct') {
		if (!(await ensureReason(tx, entry.reasonCode, actor.email))) {
			throw new Refused({ code: 'reason_unknown' });
		}
	}
	const key = { expenseId: expense.id, projectId };
	await saveFinding(tx, key, next, version + 1, actor.email);
	const [added] = await tx
		.insert(findingEntries)
		.values({ ...key, ...entry, createdBy: actor.email })
		.returning({ id: findingEntries.id });
	const evidence = await storeEvidence(tx, added!.id, projectId, files, actor.email);
	await recordAudit(tx, actor, {
		action: `finding.${request.action}`,
		objectType: 'expense',
		objectId: String(expense.id),
		before: { project: input.code, finding: current },
		after: {
			project: input.code,
			finding: next,
			text: entry.text,
			files: evidence.map(({ name, size, sha256 }) => ({ name, size, sha256 }))
		}
	});
	return version + 1;
}
