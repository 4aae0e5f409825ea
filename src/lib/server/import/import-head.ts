/**
 * The first phase of an import: the file's shape, read from its first records. The header is
 * looked for past any title lines, the columns are matched to fields, and the first thousand
 * records settle the decimal mark and date order; the records read for that are handed on, so
 * the file is still read once, from its first byte to its last.
 */
import { officeToday } from '$lib/domain/format';
import type { ClassifyRules } from '$lib/domain/import/classify';
import { echoHeader } from '$lib/domain/import/echo';
import type { ImportKind } from '$lib/domain/import/fields';
import { matchColumns, type AmbiguousColumn } from '$lib/domain/import/headers';
import { profileColumns, type MappingProfile } from '$lib/domain/import/profile';
import type { Dialect } from '$lib/domain/import/result';
import { ImportFileError } from './import-errors';
import type { RecordBatch, RecordSource } from './record-source';
import { settleDialect, type HeaderFound } from './settle-dialect';
import type { ImportProjectRef } from './run-import';

/** A header is looked for among the first records, past any title lines. */
const HEADER_SEARCH = 10;
/** Records read to settle the decimal mark and date order before any is judged. */
const DETECTION_RECORDS = 1000;

export interface FileRecord {
	record: string[];
	line: number;
}

export interface FileShape extends HeaderFound {
	ambiguous: AmbiguousColumn[];
	dialect: Dialect;
	rules: ClassifyRules;
}

export interface ShapeRequest {
	kind: ImportKind;
	project: ImportProjectRef;
	profile: MappingProfile;
	today?: string;
	assignments?: ReadonlyMap<number, number | null>;
}

/** Reads record batches one at a time, noting what the whole file's reading must know. */
export class RecordReader {
	unterminatedQuote = false;
	lastLine = 0;
	/** Told how many records each batch holds, before any is judged (progress while settling). */
	onRecords: (count: number) => void = () => {};
	private readonly batches: AsyncIterator<RecordBatch>;

	constructor(
		source: AsyncIterable<RecordBatch>,
		private readonly onBatch: () => void,
		private readonly signal?: AbortSignal
	) {
		this.batches = source[Symbol.asyncIterator]();
	}

	async next(): Promise<RecordBatch | null> {
		if (this.signal?.aborted) throw new ImportFileError({ code: 'cancelled' });
		const { done, value } = await this.batches.next();
		if (done) return null;
		this.unterminatedQuote ||= value.unterminatedQuote;
		if (value.lines.length) this.lastLine = value.lines[value.lines.length - 1]!;
		this.onRecords(value.records.length);
		this.onBatch();
		return value;
	}

	async close(): Promise<void> {
		await this.batches.return?.();
	}
}

function findHeader(
	candidates: readonly FileRecord[],
	request: ShapeRequest,
	ended: boolean
): { found: HeaderFound; ambiguous: AmbiguousColumn[]; after: FileRecord[] } {
	const { kind, profile } = request;
	const mapping = profileColumns(profile, kind);
	let first: ReturnType<typeof matchColumns> | null = null;
	for (let i = 0; i < candidates.length; i++) {
		const candidate = candidates[i]!;
		if (candidate.record.every((v) => v.trim() === '')) continue;
		const match = matchColumns(kind, candidate.record, mapping);
		first ??= match;
		if (match.ok) {
			const found = {
				header: candidate.record,
				columns: match.columns,
				ignored: match.ignored,
				preamble: i
			};
			return { found, ambiguous: match.ambiguous ?? [], after: candidates.slice(i + 1) };
		}
	}
	const shown = candidates.find((c) => c.record.some((v) => v.trim() !== ''));
	// Nothing but blank lines in a file that ended there is an empty file, not a missing header.
	if (!shown && ended) throw new ImportFileError({ code: 'empty' });
	const other: ImportKind = kind === 'expenses' ? 'participation' : 'expenses';
	throw new ImportFileError({
		code: 'header',
		problems: first && !first.ok ? first.problems : [{ code: 'no-header' }],
		header: echoHeader(shown?.record ?? []),
		suggestKind: shown && matchColumns(other, shown.record).ok && !profile.columns ? other : null
	});
}

/**
 * Reads until the header is found and enough records are in to settle the dialect. Returns the
 * file's shape and the records read past the header, which are judged first.
 */
export async function readShape(
	reader: RecordReader,
	source: RecordSource,
	request: ShapeRequest
): Promise<{ shape: FileShape; waiting: FileRecord[] }> {
	const head: FileRecord[] = [];
	const take = (batch: RecordBatch) => {
		for (let i = 0; i < batch.records.length; i++) {
			head.push({ record: batch.records[i]!, line: batch.lines[i]! });
		}
	};
	let ended = false;
	while (head.length < HEADER_SEARCH) {
		const batch = await reader.next();
		if (!batch) {
			ended = true;
			break;
		}
		take(batch);
	}
	const candidates = head.slice(0, HEADER_SEARCH);
	const { found, ambiguous, after } = findHeader(candidates, request, ended);
	const waiting = [...after, ...head.slice(HEADER_SEARCH)];
	while (waiting.length < DETECTION_RECORDS) {
		const batch = await reader.next();
		if (!batch) break;
		for (let i = 0; i < batch.records.length; i++) {
			waiting.push({ record: batch.records[i]!, line: batch.lines[i]! });
		}
	}
	const sample = waiting.slice(0, DETECTION_RECORDS).map((w) => w.record);
	const dialect = settleDialect(source, request.kind, found, sample, request.profile);
	const rules: ClassifyRules = {
		kind: request.kind,
		columns: found.columns,
		width: found.header.length,
		decimal: dialect.decimal,
		dateOrder: dialect.dateOrder,
		today: request.today ?? officeToday(),
		project: request.project,
		values: request.profile.values ?? {},
		assignments: request.assignments
	};
	return { shape: { ...found, ambiguous, dialect, rules }, waiting };
}
