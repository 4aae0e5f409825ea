/**
 * The reading phase of an import, outside any transaction: every record judged, the accepted ones
 * looked up a batch at a time against the project's live rows, and, for a commit, the new ones
 * staged. Its report is final but for rows another import may take meanwhile, which the commit's
 * transaction finds. A check and a commit read the file through this same code, so the check's
 * report is the commit's.
 */
import { hash } from 'node:crypto';
import { classifyRecord, type Outcome } from '$lib/domain/import/classify';
import { echoRecord } from '$lib/domain/import/echo';
import { countOutcome, emptyReport, setAsideDuplicate } from '$lib/domain/import/report';
import type { ImportReport } from '$lib/domain/import/report';
import { RowsInPeriod, type PeriodRecord } from '$lib/domain/control/periods';
import type { Queryable } from '../db';
import { notePeriodRow } from './closed-period-rows';
import { liveExpenseKeys, liveTripKeys } from './find-duplicates';
import { readShape, RecordReader, type FileShape } from './import-head';
import { ImportFileError } from './import-errors';
import type { ImportRequest } from './run-import';
import type { RecordSource } from './record-source';
import { OccurrenceCounter } from './occurrence-counter';
import {
	stageExpenses,
	stageParticipations,
	type StagedExpense,
	type StagedParticipation
} from './stage-rows';

type Accepted = Extract<Outcome, { outcome: 'accepted' }>;

/** Records shown as they are in the file, to check the mapping against. */
const PREVIEW_RECORDS = 8;
/** Accepted rows looked up, and staged, per statement. */
const SETTLE_BATCH = 5000;

export interface JudgedFile {
	shape: FileShape;
	report: ImportReport;
	preview: { line: number; cells: string[] }[];
	/** New rows dated in a closed period. */
	inPeriod: RowsInPeriod;
	/** Rows staged for the commit (none for a check). */
	staged: number;
	/** The last line read, for a quote left open at the end. */
	lastLine: number;
	unterminatedQuote: boolean;
}

/** Where the judged rows go: looked up and, for a commit, staged under the run's id. */
export interface JudgeTarget {
	db: Queryable;
	/** The run's staging id, for a commit; null for a check. */
	stageAs: string | null;
	periods: readonly PeriodRecord[];
}

/** A row's key: the first 128 bits of the SHA-256 of its identity (crypto.hash: no object per row). */
const rowDigest = (identity: string) => hash('sha256', identity, 'buffer').subarray(0, 16);

/**
 * Lets the event loop answer other requests (and a cancel) between two batches of records. The
 * bytes, the parse and the embedded database's answers all resolve as promises, so without it a
 * check could run for seconds on microtasks alone while an HTTP request waits to be read.
 */
const otherRequestsTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

/** Most rows need no label: one pair for all of them rather than a new one per row. */
const NO_LABEL: readonly [string, string] = ['', ''];

/** A label to recognise an unmatched row by in a list, and the event reference it gives. */
function labelOf(outcome: Accepted): [string, string] {
	if (outcome.kind === 'expenses') {
		const r = outcome.record;
		return [`${r.date} ${r.documentNumber} ${r.description}`.trim(), outcome.eventRef];
	}
	return [`${outcome.record.person}, ${outcome.record.departure}`, outcome.eventRef];
}

/** Settles a batch of accepted rows: duplicates set aside, new ones noted and staged. */
class RowSettler {
	staged = 0;
	/** Expenses: the occurrence of each key so far; trips: a second one in the file is a duplicate. */
	private readonly seen = new OccurrenceCounter();

	constructor(
		private readonly request: ImportRequest,
		private readonly target: JudgeTarget,
		private readonly report: ImportReport,
		private readonly inPeriod: RowsInPeriod
	) {}

	async settle(rows: Accepted[]): Promise<void> {
		if (!rows.length) return;
		if (this.request.kind === 'expenses') await this.settleExpenses(rows);
		else await this.settleTrips(rows);
	}

	private keep(outcome: Accepted) {
		notePeriodRow(this.target.periods, this.inPeriod, outcome);
	}

	private async settleExpenses(rows: Accepted[]) {
		const keyed = rows.map((outcome) => {
			const digest = rowDigest(outcome.identity);
			return { outcome, occurrence: this.seen.next(digest), key: digest.toString('base64url') };
		});
		const projectId = this.request.project.id;
		const live = await liveExpenseKeys(
			this.target.db,
			projectId,
			keyed.map((k) => k.key)
		);
		const fresh: StagedExpense[] = [];
		for (const { outcome, occurrence, key } of keyed) {
			if (live.get(key)?.has(occurrence)) {
				setAsideDuplicate(this.report, outcome);
				continue;
			}
			this.keep(outcome);
			if (outcome.kind !== 'expenses') continue;
			fresh.push({
				line: outcome.line,
				rowKey: key,
				occurrence,
				record: outcome.record,
				unmatched: outcome.event.how === 'unmatched'
			});
		}
		if (this.target.stageAs) await stageExpenses(this.target.db, this.target.stageAs, fresh);
		this.staged += fresh.length;
	}

	private async settleTrips(rows: Accepted[]) {
		const keyed = rows.map((outcome) => {
			const digest = rowDigest(outcome.identity);
			return { outcome, first: this.seen.next(digest) === 1, key: digest.toString('base64url') };
		});
		const live = await liveTripKeys(
			this.target.db,
			this.request.project.id,
			keyed.map((k) => k.key)
		);
		const fresh: StagedParticipation[] = [];
		for (const { outcome, first, key } of keyed) {
			if (!first || live.has(key)) {
				setAsideDuplicate(this.report, outcome);
				continue;
			}
			this.keep(outcome);
			if (outcome.kind !== 'participation') continue;
			fresh.push({
				line: outcome.line,
				rowKey: key,
				record: outcome.record,
				unmatched: outcome.event.how === 'unmatched'
			});
		}
		if (this.target.stageAs) await stageParticipations(this.target.db, this.target.stageAs, fresh);
		this.staged += fresh.length;
	}
}

export async function judgeFile(
	request: ImportRequest,
	source: RecordSource,
	reader: RecordReader,
	target: JudgeTarget
): Promise<JudgedFile> {
	const { shape, waiting } = await readShape(reader, source, request);
	const report = emptyReport(request.kind);
	const inPeriod = new RowsInPeriod();
	const settler = new RowSettler(request, target, report, inPeriod);
	const preview: JudgedFile['preview'] = [];
	let pending: Accepted[] = [];

	const judge = (record: string[], line: number) => {
		if (preview.length < PREVIEW_RECORDS) preview.push({ line, cells: echoRecord(record) });
		const outcome = classifyRecord(record, line, shape.rules);
		// A label is only wanted for the rows the report will list as unmatched.
		const [label, reference] =
			outcome.outcome === 'accepted' && outcome.event.how === 'unmatched'
				? labelOf(outcome)
				: NO_LABEL;
		countOutcome(report, outcome, label, reference);
		if (outcome.outcome === 'accepted') pending.push(outcome);
	};
	// One batch is looked up and staged while the next is judged: on PostgreSQL the database
	// works in its own process meanwhile. Batches still settle one after another, in file order.
	let settling: Promise<void> = Promise.resolve();
	const settlePending = async () => {
		const rows = pending;
		pending = [];
		await settling;
		// A file read whole still has batches to look up: a cancel stops them too.
		if (request.signal?.aborted) throw new ImportFileError({ code: 'cancelled' });
		settling = settler.settle(rows);
		// Not awaited here: a rejection is taken at the next batch or at the end.
		settling.catch(() => {});
	};

	try {
		for (const { record, line } of waiting) {
			judge(record, line);
			if (pending.length >= SETTLE_BATCH) await settlePending();
		}
		for (let batch = await reader.next(); batch; batch = await reader.next()) {
			for (let i = 0; i < batch.records.length; i++) {
				judge(batch.records[i]!, batch.lines[i]!);
				// Only a full batch waits for the database; the records between cost no await.
				if (pending.length >= SETTLE_BATCH) await settlePending();
			}
			await otherRequestsTurn();
		}
		await settlePending();
		await settling;
	} catch (error) {
		// Nothing may still be staging when the run drops what it staged.
		await settling.catch(() => {});
		throw error;
	}
	return {
		shape,
		report,
		preview,
		inPeriod,
		staged: settler.staged,
		lastLine: reader.lastLine,
		unterminatedQuote: reader.unterminatedQuote
	};
}
