/**
 * The import pipeline: bytes → text → CSV records → judged rows → the database, streamed end to
 * end. A dry run is the very same run inside a transaction that is rolled back, so its report
 * (duplicates included) is exactly what a commit would do. A commit is one transaction: a crash
 * at any point leaves the database as it was.
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
import { createHash, hash, randomInt } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import { officeToday } from '$lib/domain/format';
import { classifyRecord, type ClassifyRules, type Outcome } from '$lib/domain/import/classify';
import {
	columnWarnings,
	fieldsToAcknowledge,
	unacknowledged
} from '$lib/domain/import/column-warnings';
import type { EventTarget } from '$lib/domain/import/events';
import type { ImportField, ImportKind } from '$lib/domain/import/fields';
import { echoHeader, echoRecord } from '$lib/domain/import/echo';
import { cleanFileName } from '$lib/domain/import/file-name';
import { matchColumns, type AmbiguousColumn, type ColumnMap } from '$lib/domain/import/headers';
import { profileColumns, type MappingProfile } from '$lib/domain/import/profile';
import {
	checkBalance,
	countOutcome,
	emptyReport,
	setAsideDuplicate
} from '$lib/domain/import/report';
import type { Dialect, ImportProgress, ImportResult } from '$lib/domain/import/result';
import { queryRows, type Database, type Transaction } from '../db';
import { isConnectionLost } from '../db/connection-lost';
import { importBatches, sourceFiles } from '../db/schema';
import { recordAudit, type Actor } from '../audit/record-audit';
import { storedSource, type ByteSource } from './byte-source';
import { EncodingMismatchError } from './decode-text';
import { ImportFileError } from './import-errors';
import { finalDialect, openRecordSource, type RecordBatch } from './record-source';
import { settleDialect } from './settle-dialect';
import { NotAnExportError } from './sniff';
import { storeSource, FileTooLargeError } from './store-source';
import { OccurrenceCounter } from './occurrence-counter';
import { addBatchSums } from './expense-sums';
import { RowsInPeriod } from '$lib/domain/control/periods';
import { closedPeriodsFor } from '../control/closed-periods';
import { notePeriodRow } from './closed-period-rows';
import {
	insertExpenses,
	insertParticipations,
	type ExpenseRow,
	type ParticipationRow
} from './write-rows';

export interface ImportProjectRef {
	id: number;
	code: string;
	currency: string;
	events: readonly EventTarget[];
}

/** Records shown as they are in the file, to check the mapping against. */
const PREVIEW_RECORDS = 8;

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

/** Records read to settle the decimal mark and date order before any is judged. */
const DETECTION_RECORDS = 1000;
/** Accepted rows written per statement. */
const WRITE_BATCH = 5000;
/** A header is looked for among the first records, past any title lines. */
const HEADER_SEARCH = 10;

class RollBack extends Error {
	constructor(readonly result: ImportResult) {
		super('dry run');
	}
}

/** A row's key: the first 128 bits of the SHA-256 of its identity (crypto.hash: no object per row). */
const rowDigest = (identity: string) => hash('sha256', identity, 'buffer').subarray(0, 16);
const rowKey = (identity: string) => rowDigest(identity).toString('base64url');

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

/** A short text to recognise an unmatched row by in a list, and the event it names. */
function labelOf(outcome: Outcome): [string, string] {
	if (outcome.outcome !== 'accepted') return ['', ''];
	if (outcome.kind === 'expenses') {
		const r = outcome.record;
		return [`${r.date} ${r.documentNumber} ${r.description}`.trim(), outcome.eventRef];
	}
	return [`${outcome.record.person}, ${outcome.record.departure}`, outcome.eventRef];
}

async function runInTransaction(tx: Transaction, request: ImportRequest): Promise<ImportResult> {
	const { project, kind, profile } = request;
	const given =
		'source' in request.input
			? request.input.source
			: await storedSource(tx, request.input.storedFileId);
	if (!given) throw new ImportFileError({ code: 'not-found' });
	// The name is shown on pages and terminals, and kept in the audit log: never with controls.
	const source: ByteSource = { ...given, name: cleanFileName(given.name) };
	if (request.limit !== undefined && source.size > request.limit) {
		throw new ImportFileError({ code: 'too-large', limit: request.limit });
	}
	const records = await openRecordSource(source, profile);

	// The original bytes: already kept (an upload), or kept now, in this same transaction.
	let stored: { id: string; sha256: string };
	if ('storedFileId' in request.input) {
		const [file] = await tx
			.select()
			.from(sourceFiles)
			.where(eq(sourceFiles.id, request.input.storedFileId));
		// An upload is for one project; it cannot be slipped into another.
		if (!file || file.projectId !== project.id) throw new ImportFileError({ code: 'not-found' });
		stored = { id: file.id, sha256: file.sha256 };
	} else if (request.mode === 'commit') {
		stored = await storeSource(tx, source, {
			projectId: project.id,
			uploadedBy: request.actor.email,
			limit: request.limit
		});
	} else {
		// A dry run keeps no file: its rows are rolled back before any batch is written.
		stored = { id: '', sha256: '' };
	}
	const target = { projectId: project.id, batchId: await batchNumber(tx, request.mode) };
	// A check and a commit alike: no new row may land in a closed period.
	const periods = await closedPeriodsFor(tx, project.id);
	const inPeriod = new RowsInPeriod();

	let bytes = 0;
	const meter = metered(source, (n) => (bytes += n));
	const report = emptyReport(kind);
	const started = performance.now();
	const progress = (phase: ImportProgress['phase'] = 'reading') =>
		request.onProgress?.({
			phase,
			bytes,
			totalBytes: source.size,
			records: report.records,
			elapsedMs: performance.now() - started
		});

	let header: string[] | null = null;
	let preamble = 0;
	let columns: ColumnMap = {};
	let ignored: string[] = [];
	let ambiguous: AmbiguousColumn[] = [];
	let dialect: Dialect | null = null;
	let rules: ClassifyRules | null = null;
	const waiting: { record: string[]; line: number }[] = [];
	const occurrences = new OccurrenceCounter();
	let pending: Extract<Outcome, { outcome: 'accepted' }>[] = [];
	let lastLine = 0;

	const flush = async () => {
		if (!pending.length) return;
		const rows = pending;
		pending = [];
		let inserted: Set<number>;
		if (kind === 'expenses') {
			inserted = await insertExpenses(
				tx,
				target,
				rows.map((o) => {
					const digest = rowDigest(o.identity);
					const occurrence = occurrences.next(digest);
					const key = digest.toString('base64url');
					return { line: o.line, rowKey: key, occurrence, record: o.record } as ExpenseRow;
				})
			);
		} else {
			inserted = await insertParticipations(
				tx,
				target,
				rows.map(
					(o) =>
						({ line: o.line, rowKey: rowKey(o.identity), record: o.record }) as ParticipationRow
				)
			);
		}
		for (const outcome of rows) {
			if (!inserted.has(outcome.line)) setAsideDuplicate(report, outcome);
			else notePeriodRow(periods, inPeriod, outcome);
		}
	};

	const preview: ImportResult['preview'] = [];
	const judge = async (record: string[], line: number) => {
		if (preview.length < PREVIEW_RECORDS) preview.push({ line, cells: echoRecord(record) });
		const outcome = classifyRecord(record, line, rules!);
		// A label is only wanted for the rows the report will list as unmatched.
		const [label, reference] =
			outcome.outcome === 'accepted' && outcome.event.how === 'unmatched'
				? labelOf(outcome)
				: ['', ''];
		countOutcome(report, outcome, label, reference);
		if (outcome.outcome === 'accepted') {
			pending.push(outcome);
			if (pending.length >= WRITE_BATCH) await flush();
		}
	};

	const startJudging = async () => {
		dialect = settleDialect(
			records,
			kind,
			{ header: header!, columns, ignored, preamble },
			waiting.map((w) => w.record),
			profile
		);
		rules = {
			kind,
			columns,
			width: header!.length,
			decimal: dialect.decimal,
			dateOrder: dialect.dateOrder,
			today: request.today ?? officeToday(),
			project,
			values: profile.values ?? {},
			assignments: request.assignments
		};
		for (const { record, line } of waiting.splice(0)) await judge(record, line);
	};

	const headerCandidates: { record: string[]; line: number }[] = [];
	const findHeader = () => {
		const mapping = profileColumns(profile, kind);
		let first: ReturnType<typeof matchColumns> | null = null;
		for (let i = 0; i < headerCandidates.length; i++) {
			const candidate = headerCandidates[i]!;
			if (candidate.record.every((v) => v.trim() === '')) continue;
			const match = matchColumns(kind, candidate.record, mapping);
			first ??= match;
			if (match.ok) {
				header = candidate.record;
				columns = match.columns;
				ignored = match.ignored;
				ambiguous = match.ambiguous ?? [];
				preamble = i;
				return headerCandidates.slice(i + 1);
			}
		}
		const shown = headerCandidates.find((c) => c.record.some((v) => v.trim() !== ''));
		const other: ImportKind = kind === 'expenses' ? 'participation' : 'expenses';
		throw new ImportFileError({
			code: 'header',
			problems: first && !first.ok ? first.problems : [{ code: 'no-header' }],
			header: echoHeader(shown?.record ?? []),
			suggestKind: shown && matchColumns(other, shown.record).ok && !profile.columns ? other : null
		});
	};

	try {
		let unterminated = false;
		for await (const batch of records.records(meter.read())) {
			if (request.signal?.aborted) throw new ImportFileError({ code: 'cancelled' });
			unterminated ||= batch.unterminatedQuote;
			for (let i = 0; i < batch.records.length; i++) {
				const record = batch.records[i]!;
				const line = batch.lines[i]!;
				lastLine = line;
				if (!header) {
					headerCandidates.push({ record, line });
					if (headerCandidates.length < HEADER_SEARCH) continue;
					waiting.push(...findHeader());
					continue;
				}
				if (!rules) {
					waiting.push({ record, line });
					if (waiting.length >= DETECTION_RECORDS) await startJudging();
					continue;
				}
				await judge(record, line);
			}
			progress();
		}
		if (unterminated) throw new ImportFileError({ code: 'unterminated-quote', line: lastLine });
		if (!header) {
			if (headerCandidates.every((c) => c.record.every((v) => v.trim() === ''))) {
				throw new ImportFileError({ code: 'empty' });
			}
			waiting.push(...findHeader());
		}
		if (!rules) await startJudging();
		await flush();
	} catch (error) {
		if (error instanceof EncodingMismatchError) {
			throw new ImportFileError({
				code: 'encoding-mismatch',
				encoding: error.encoding,
				line: error.line
			});
		}
		throw error;
	}
	progress();
	if (report.records === 0) throw new ImportFileError({ code: 'no-records' });
	if (!checkBalance(report)) throw new Error('Import report does not balance');

	const sha256 = stored.sha256 || meter.hash.digest('hex');
	const result: ImportResult = {
		fileName: source.name,
		header: echoHeader((header as string[] | null) ?? []),
		preview,
		size: source.size,
		sha256,
		dialect: finalDialect(records, dialect!, { preamble, header: header ?? [] }),
		warnings: columnWarnings(kind, columns, ambiguous),
		report,
		// Only a commit that wrote its rows says so; a refused one is reported as not committed.
		committed: false,
		batchId: null
	};
	if (inPeriod.period) {
		const { starts, ends } = inPeriod.period;
		const { rows, count } = inPeriod;
		// A check that is refused shows no report to commit from; a refused commit keeps its report.
		const failure = { code: 'closed-period', period: { starts, ends }, rows, count } as const;
		throw new ImportFileError(failure, request.mode === 'commit' ? result : undefined);
	}
	if (request.mode === 'dry-run') throw new RollBack(result);

	if (report.rejected.count > 0 && !request.skipRejected) {
		throw new ImportFileError({ code: 'has-rejected', rejected: report.rejected.count }, result);
	}
	if (report.accepted.count === 0) throw new ImportFileError({ code: 'nothing-to-commit' }, result);
	const notSeen = request.without ? unacknowledged(result.warnings, request.without) : [];
	if (notSeen.length)
		throw new ImportFileError({ code: 'missing-columns', fields: notSeen }, result);
	const without = fieldsToAcknowledge(result.warnings);
	await tx.insert(importBatches).overridingSystemValue().values({
		id: target.batchId,
		projectId: project.id,
		kind,
		sourceFileId: stored.id,
		fileName: source.name,
		sha256,
		size: source.size,
		profile,
		dialect: result.dialect,
		report,
		records: report.records,
		accepted: report.accepted.count,
		rejected: report.rejected.count,
		setAside: report.setAside.count,
		acceptedCents: report.accepted.totalCents,
		createdBy: request.actor.email
	});
	if (kind === 'expenses') await addBatchSums(tx, target.batchId);
	await recordAudit(tx, request.actor, {
		action: 'import.commit',
		objectType: 'import',
		objectId: String(target.batchId),
		after: {
			project: project.code,
			kind,
			file: source.name,
			sha256,
			size: source.size,
			records: report.records,
			accepted: report.accepted.count,
			rejected: report.rejected.count,
			setAside: report.setAside.count,
			acceptedTotal: report.accepted.totalCents,
			// The fields the rows lack, as the check warned (and the page or the CLI had the user
			// confirm): an auditor will ask why a classification code is empty.
			...(without.length ? { without } : {})
		}
	});
	return { ...result, committed: true, batchId: target.batchId };
}

/**
 * The batch's number, taken before its rows are written. The batch itself is written once, whole,
 * after them (an imported batch is never updated), so the rows' key to it is checked at commit.
 * A dry run's rows take a negative number of their own: the rollback then leaves no gap in the
 * numbers of real imports, which auditors would rightly ask about.
 */
async function batchNumber(tx: Transaction, mode: ImportRequest['mode']): Promise<number> {
	await tx.execute(sql`set constraints expenses_batch_fk, participations_batch_fk deferred`);
	if (mode === 'dry-run') return -randomInt(1, 2 ** 31 - 1);
	const [row] = await queryRows<{ id: string }>(
		tx,
		sql`select nextval(pg_get_serial_sequence('import_batches', 'id'))::text as id`
	);
	return Number(row!.id);
}

/** Runs an import; a dry run reports and writes nothing, a commit writes all of it or nothing. */
export async function runImport(db: Database, request: ImportRequest): Promise<ImportResult> {
	try {
		return await db.transaction((tx) => runInTransaction(tx, request));
	} catch (error) {
		if (error instanceof RollBack) return error.result;
		if (error instanceof NotAnExportError) throw new ImportFileError({ code: error.problem });
		if (error instanceof FileTooLargeError)
			throw new ImportFileError({ code: 'too-large', limit: error.limit });
		// The transaction never committed: say so plainly, rather than "something broke".
		if (isConnectionLost(error)) throw new ImportFileError({ code: 'connection-lost' });
		throw error;
	}
}

export type { Dialect, ImportProgress, ImportResult, RecordBatch };
