/**
 * `cofund audit verify --deep`: re-hashes every stored original file and every kept document's
 * PDF, and compares each with the SHA-256 in its row and in the audit event that recorded it
 * (`import.commit`, `document.generate`), which the keyed chain vouches for.
 */
import { and, asc, eq, gt, sql } from 'drizzle-orm';
import { createHash } from 'node:crypto';
import type { Queryable } from '../db';
import { auditEvents, documents, importBatches, projects } from '../db/schema';
import { storedSource } from '../import/byte-source';
import { pdfBytes } from '../documents/pdf-pieces';

export type ByteProblem =
	/** The bytes hash to something else than the SHA-256 in their row. */
	| 'bytes'
	/** The row's SHA-256 is not the one its audit event recorded: row and bytes were replaced. */
	| 'event'
	/** No audit event records these bytes at all. */
	| 'no-event';

export interface ByteMismatch {
	kind: 'original' | 'document';
	/** The import batch, or the document. */
	id: number;
	project: string;
	/** The file's name, or the document's template and version. */
	name: string;
	problem: ByteProblem;
	/** The SHA-256 in the row, the one the audit event recorded, and what the bytes hash to. */
	recorded: string;
	logged: string | null;
	actual: string;
}

export interface ByteVerification {
	originals: number;
	documents: number;
	mismatches: ByteMismatch[];
}

export async function sha256OfStream(chunks: AsyncIterable<Uint8Array>): Promise<string> {
	const hash = createHash('sha256');
	for await (const chunk of chunks) hash.update(chunk);
	return hash.digest('hex');
}

/** What the audit log recorded for each object of an action: object id → the SHA-256s. */
async function recordedHashes(db: Queryable, action: string): Promise<Map<string, Set<string>>> {
	const rows = await db
		.select({
			id: auditEvents.objectId,
			sha256: sql<string | null>`${auditEvents.after}->>'sha256'`
		})
		.from(auditEvents)
		.where(eq(auditEvents.action, action));
	const byId = new Map<string, Set<string>>();
	for (const row of rows) {
		if (!row.sha256) continue;
		const set = byId.get(row.id) ?? new Set<string>();
		set.add(row.sha256);
		byId.set(row.id, set);
	}
	return byId;
}

/** The one problem to name for bytes, their row's SHA-256 and what the events recorded. */
export function byteProblem(
	actual: string,
	recorded: string,
	events: Set<string> | undefined
): Pick<ByteMismatch, 'problem' | 'recorded' | 'logged' | 'actual'> | null {
	if (!events?.size) return { problem: 'no-event', recorded, logged: null, actual };
	const logged = [...events].find((e) => e !== recorded);
	if (logged) return { problem: 'event', recorded, logged, actual };
	if (actual !== recorded) return { problem: 'bytes', recorded, logged: recorded, actual };
	return null;
}

async function verifyOriginals(db: Queryable, mismatches: ByteMismatch[]): Promise<number> {
	const events = await recordedHashes(db, 'import.commit');
	const batches = await db
		.select({
			id: importBatches.id,
			project: projects.code,
			fileName: importBatches.fileName,
			sha256: importBatches.sha256,
			sourceFileId: importBatches.sourceFileId
		})
		.from(importBatches)
		.innerJoin(projects, eq(projects.id, importBatches.projectId))
		.orderBy(asc(importBatches.id));
	for (const batch of batches) {
		const source = await storedSource(db, batch.sourceFileId);
		const actual = source ? await sha256OfStream(source.read()) : '';
		const found = byteProblem(actual, batch.sha256, events.get(String(batch.id)));
		if (found) {
			mismatches.push({
				kind: 'original',
				id: batch.id,
				project: batch.project,
				name: batch.fileName,
				...found
			});
		}
	}
	return batches.length;
}

/** One PDF at a time: a kept report runs to megabytes, and there may be many. */
async function verifyDocuments(db: Queryable, mismatches: ByteMismatch[]): Promise<number> {
	const events = await recordedHashes(db, 'document.generate');
	let count = 0;
	for (let after = 0; ;) {
		const [row] = await db
			.select({
				id: documents.id,
				project: projects.code,
				templateId: documents.templateId,
				version: documents.templateVersion,
				sha256: documents.sha256,
				pdf: pdfBytes
			})
			.from(documents)
			.innerJoin(projects, eq(projects.id, documents.projectId))
			.where(gt(documents.id, after))
			.orderBy(asc(documents.id))
			.limit(1);
		if (!row) return count;
		count++;
		after = row.id;
		// A PDF whose pieces were taken away hashes as no bytes: a mismatch like any other.
		const actual = createHash('sha256')
			.update(row.pdf ?? new Uint8Array())
			.digest('hex');
		const found = byteProblem(actual, row.sha256, events.get(String(row.id)));
		if (found) {
			mismatches.push({
				kind: 'document',
				id: row.id,
				project: row.project,
				name: `${row.templateId} v${row.version}`,
				...found
			});
		}
	}
}

export async function verifyStoredBytes(db: Queryable): Promise<ByteVerification> {
	const mismatches: ByteMismatch[] = [];
	const originals = await verifyOriginals(db, mismatches);
	const documentCount = await verifyDocuments(db, mismatches);
	return { originals, documents: documentCount, mismatches };
}

/** The SHA-256s the audit log recorded for one object (one, unless the log was tampered with). */
export async function recordedHash(
	db: Queryable,
	action: 'import.commit' | 'document.generate',
	objectId: number
): Promise<string[]> {
	const rows = await db
		.select({ sha256: sql<string | null>`${auditEvents.after}->>'sha256'` })
		.from(auditEvents)
		.where(and(eq(auditEvents.action, action), eq(auditEvents.objectId, String(objectId))));
	return [...new Set(rows.map((r) => r.sha256).filter((s): s is string => Boolean(s)))];
}
