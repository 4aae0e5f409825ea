/**
 * The import pipeline: bytes → records → judged rows → the database, streamed end to end in two
 * phases. The file is read and judged outside any transaction (judge-file.ts), rows the project
 * has already looked up a batch at a time, so the app goes on answering while a large file is
 * read; a check ends there and writes nothing. A commit stages its new rows as it reads them,
 * then writes everything in one transaction (commit-import.ts): a crash or a refusal at any
 * point leaves the database as it was.
 *
 * Rows already in the project are told by the database's identity keys, which cover the live
 * rows only: a row whose import was reverted counts as new when it comes again.
 *
 * Row identity: an expense is the same row when its date, amount, currency, document number,
 * payee, description, category, event, funding source and country read the same after trimming;
 * identical lines within one file are told apart by their occurrence (1st, 2nd, …), so a ledger
 * that really has two equal lines keeps both, and a later export holding them again adds neither.
 * A trip is the same when the person (case and diacritics aside), travel-order number and
 * departure date are; its status is what the trip says, not who it is.
 */
import { createHash, randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { columnWarnings, unacknowledged } from '$lib/domain/import/column-warnings';
import type { EventTarget } from '$lib/domain/import/events';
import type { ImportField, ImportKind } from '$lib/domain/import/fields';
import { echoHeader } from '$lib/domain/import/echo';
import { cleanFileName } from '$lib/domain/import/file-name';
import type { MappingProfile } from '$lib/domain/import/profile';
import { checkBalance } from '$lib/domain/import/report';
import type { Dialect, ImportProgress, ImportResult, WriteStep } from '$lib/domain/import/result';
import type { Database } from '../db';
import { isConnectionLost } from '../db/connection-lost';
import { sourceFiles } from '../db/schema';
import type { Actor } from '../audit/record-audit';
import { listPeriods } from '../control/closed-periods';
import { storedSource, type ByteSource } from './byte-source';
import { commitImport } from './commit-import';
import { EncodingMismatchError } from './decode-text';
import { ImportFileError } from './import-errors';
import { RecordReader } from './import-head';
import { judgeFile, type JudgedFile } from './judge-file';
import {
	finalDialect,
	openRecordSource,
	type RecordBatch,
	type RecordSource
} from './record-source';
import { NotAnExportError } from './sniff';
import { dropStaged, sweepStaged } from './stage-rows';
import { FileTooLargeError } from './store-source';

export interface ImportProjectRef {
	id: number;
	code: string;
	currency: string;
	events: readonly EventTarget[];
}

export type ImportInput = { source: ByteSource } | { storedFileId: string };

export interface ImportRequest {
	project: ImportProjectRef;
	kind: ImportKind;
	input: ImportInput;
	profile: MappingProfile;
	actor: Actor;
	mode: 'dry-run' | 'commit';
	/** The user has said to commit without the rejected rows. */
	skipRejected?: boolean;
	/**
	 * The dashboard fields the user has said to import without, having seen that the file has no
	 * column for them. The web page and the CLI always pass it, so that their commit is refused
	 * while a warned-about field is not in it; left out (tests, the demo), nothing is asked.
	 */
	without?: readonly ImportField[];
	assignments?: ReadonlyMap<number, number | null>;
	/** Largest file accepted, in bytes. */
	limit?: number;
	/** ISO date; defaults to the office's today (Riga). */
	today?: string;
	onProgress?: (progress: ImportProgress) => void;
	/** Stops the import at the next batch of records: nothing is written, a commit rolls back. */
	signal?: AbortSignal;
}

interface Resolved {
	source: ByteSource;
	/** The upload the bytes come from, already kept; null when they are given (the CLI). */
	upload: { id: string; sha256: string } | null;
}

/** The file's bytes: given, or an upload of this very project (never slipped into another). */
async function resolveSource(db: Database, request: ImportRequest): Promise<Resolved> {
	const input = request.input;
	const given = 'source' in input ? input.source : await storedSource(db, input.storedFileId);
	if (!given) throw new ImportFileError({ code: 'not-found' });
	let upload: Resolved['upload'] = null;
	if ('storedFileId' in input) {
		const [file] = await db
			.select()
			.from(sourceFiles)
			.where(eq(sourceFiles.id, input.storedFileId));
		if (!file || file.projectId !== request.project.id) {
			throw new ImportFileError({ code: 'not-found' });
		}
		upload = { id: file.id, sha256: file.sha256 };
	}
	// The name is shown on pages and terminals, and kept in the audit log: never with controls.
	const source: ByteSource = { ...given, name: cleanFileName(given.name) };
	if (request.limit !== undefined && source.size > request.limit) {
		throw new ImportFileError({ code: 'too-large', limit: request.limit });
	}
	return { source, upload };
}

/** Wraps the bytes to count them for progress and to hash them as they pass. */
function metered(source: ByteSource, onBytes: (n: number) => void) {
	const hash = createHash('sha256');
	return {
		hash,
		async *read() {
			for await (const chunk of source.read()) {
				hash.update(chunk);
				onBytes(chunk.length);
				yield chunk;
			}
		}
	};
}

/** Reads and judges the whole file, staging the new rows under `stageAs` for a commit. */
async function readFile(
	db: Database,
	request: ImportRequest,
	source: ByteSource,
	stageAs: string | null
): Promise<{
	judged: JudgedFile;
	records: RecordSource;
	sha256: string;
	progress: (phase: ImportProgress['phase'], step?: WriteStep) => void;
}> {
	const records = await openRecordSource(source, request.profile);
	// Read for the report; the commit's transaction checks its rows again under the periods' lock.
	const periods = (await listPeriods(db, request.project.id)).filter((p) => !p.reopenedAt);
	let bytes = 0;
	let judged: JudgedFile | null = null;
	const started = performance.now();
	let counted = 0;
	const progress = (phase: ImportProgress['phase'], step?: WriteStep) =>
		request.onProgress?.({
			phase,
			...(step ? { step } : {}),
			bytes,
			totalBytes: source.size,
			records: judged?.report.records ?? counted,
			elapsedMs: performance.now() - started
		});
	const meter = metered(source, (n) => (bytes += n));
	const reader = new RecordReader(
		records.records(meter.read()),
		() => progress('reading'),
		request.signal
	);
	reader.onRecords = (n) => (counted += n);
	try {
		judged = await judgeFile(request, records, reader, { db, stageAs, periods });
	} catch (error) {
		if (error instanceof EncodingMismatchError) {
			const { encoding, line } = error;
			throw new ImportFileError({ code: 'encoding-mismatch', encoding, line });
		}
		throw error;
	} finally {
		await reader.close();
	}
	if (judged.unterminatedQuote) {
		throw new ImportFileError({ code: 'unterminated-quote', line: judged.lastLine });
	}
	progress('reading');
	return { judged, records, sha256: meter.hash.digest('hex'), progress };
}

function resultOf(
	source: ByteSource,
	records: RecordSource,
	judged: JudgedFile,
	sha256: string
): ImportResult {
	const { shape, report } = judged;
	return {
		fileName: source.name,
		header: echoHeader(shape.header),
		preview: judged.preview,
		size: source.size,
		sha256,
		// A workbook's notes (formula cells, merged or empty header cells) are known once it is read.
		dialect: finalDialect(records, shape.dialect, shape) satisfies Dialect,
		warnings: columnWarnings(report.kind, shape.columns, shape.ambiguous),
		report,
		// Only a commit that wrote its rows says so; a refused one is reported as not committed.
		committed: false,
		batchId: null
	};
}

/** Why a file that was read whole may not be committed (or, for the period, checked). */
function refusal(request: ImportRequest, judged: JudgedFile, result: ImportResult) {
	const { inPeriod, report } = judged;
	if (inPeriod.period) {
		const { starts, ends } = inPeriod.period;
		const { rows, count } = inPeriod;
		// A check that is refused shows no report to commit from; a refused commit keeps its report.
		const failure = { code: 'closed-period', period: { starts, ends }, rows, count } as const;
		return new ImportFileError(failure, request.mode === 'commit' ? result : undefined);
	}
	if (request.mode === 'dry-run') return null;
	if (report.rejected.count > 0 && !request.skipRejected) {
		return new ImportFileError({ code: 'has-rejected', rejected: report.rejected.count }, result);
	}
	if (report.accepted.count === 0)
		return new ImportFileError({ code: 'nothing-to-commit' }, result);
	const notSeen = request.without ? unacknowledged(result.warnings, request.without) : [];
	if (notSeen.length)
		return new ImportFileError({ code: 'missing-columns', fields: notSeen }, result);
	return null;
}

async function importFile(db: Database, request: ImportRequest): Promise<ImportResult> {
	const { source, upload } = await resolveSource(db, request);
	const runId = request.mode === 'commit' ? randomUUID() : null;
	if (runId) await sweepStaged(db);
	try {
		const { judged, records, sha256, progress } = await readFile(db, request, source, runId);
		if (judged.report.records === 0) throw new ImportFileError({ code: 'no-records' });
		if (!checkBalance(judged.report)) throw new Error('Import report does not balance');
		const result = resultOf(source, records, judged, upload?.sha256 ?? sha256);
		const refused = refusal(request, judged, result);
		if (refused) throw refused;
		if (request.signal?.aborted) throw new ImportFileError({ code: 'cancelled' });
		if (!runId) return result;
		progress('writing');
		return await commitImport(db, {
			request,
			source,
			upload,
			runId,
			staged: judged.staged,
			result,
			onStep: (step) => progress('writing', step)
		});
	} finally {
		if (runId) await dropStaged(db, runId).catch(() => {});
	}
}

/** Runs an import; a check reports and writes nothing, a commit writes all of it or nothing. */
export async function runImport(db: Database, request: ImportRequest): Promise<ImportResult> {
	try {
		return await importFile(db, request);
	} catch (error) {
		if (error instanceof NotAnExportError) throw new ImportFileError({ code: error.problem });
		if (error instanceof FileTooLargeError)
			throw new ImportFileError({ code: 'too-large', limit: error.limit });
		// The transaction never committed: say so plainly, rather than "something broke".
		if (isConnectionLost(error)) throw new ImportFileError({ code: 'connection-lost' });
		throw error;
	}
}

export type { Dialect, ImportProgress, ImportResult, RecordBatch };
