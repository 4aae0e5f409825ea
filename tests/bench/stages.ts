/**
 * Where an import's time goes. runImport is one function with no hooks, so this runs the same
 * steps with the same exported building blocks (sniff, storeSource, decodeText, parseRecords,
 * classifyRecord, countOutcome, insertExpenses) in the same order and batch size, with a clock
 * around each. Its total is compared with the real runImport's to show the copy is faithful.
 *
 * Kept in step with src/lib/server/import/run-import.ts (commit mode, expenses, no preamble).
 */
import { createHash } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { classifyRecord, type ClassifyRules, type Outcome } from '$lib/domain/import/classify';
import { detectDecimalMark } from '$lib/domain/import/amounts';
import { detectDateOrder } from '$lib/domain/import/dates';
import { matchColumns } from '$lib/domain/import/headers';
import { countOutcome, emptyReport } from '$lib/domain/import/report';
import type { Database } from '$lib/server/db';
import { importBatches } from '$lib/server/db/schema';
import { fileSource } from '$lib/server/import/byte-source';
import { decodeText } from '$lib/server/import/decode-text';
import type { ImportProjectRef } from '$lib/server/import/run-import';
import { parseRecords } from '$lib/server/import/parse-records';
import { sniff } from '$lib/server/import/sniff';
import { storeSource } from '$lib/server/import/store-source';
import { insertExpenses, pgArray, type ExpenseRow } from '$lib/server/import/write-rows';

export interface StageTimes {
	/** sniff: the first 64 KiB read again for encoding, newline and delimiter. */
	sniff: number;
	/** storeSource: the whole file read, hashed and written as 1 MiB bytea chunks. */
	storeSource: number;
	/** SHA-256 of the bytes as they pass on the second read (run-import's metered()). */
	fileHash: number;
	/** Reading, UTF-8 decoding and papaparse, as the importer pulls batches from parseRecords. */
	parse: number;
	/** classifyRecord and countOutcome for every record. */
	classify: number;
	/** run-import's labelOf for every record: a label string and the identity split again. */
	label: number;
	/** rowKey (SHA-256 of the identity) and the occurrences map. */
	rowKeys: number;
	/** Building the array literals insertExpenses sends (a copy of its pgArray, timed apart). */
	arrays: number;
	/** insertExpenses: arrays built again, plus the statement on the database. */
	insert: number;
	/** Everything, from the transaction's start to its commit. */
	total: number;
	records: number;
	accepted: number;
}

const WRITE_BATCH = 5000;
const DETECTION_RECORDS = 1000;

const rowKey = (identity: string) =>
	createHash('sha256').update(identity).digest('base64url').slice(0, 22);

/** Same as labelOf in run-import.ts, which is not exported. */
function labelOf(outcome: Outcome): [string, string] {
	if (outcome.outcome !== 'accepted' || outcome.kind !== 'expenses') return ['', ''];
	const r = outcome.record;
	return [
		`${r.date} ${r.documentNumber} ${r.description}`.trim(),
		outcome.identity.split('\u001f')[7] ?? ''
	];
}

function buildArrays(rows: readonly ExpenseRow[]): number {
	const picks: ((row: ExpenseRow) => string | number | null)[] = [
		(r) => r.line,
		(r) => r.rowKey,
		(r) => r.occurrence,
		(r) => r.record.date,
		(r) => r.record.amountCents,
		(r) => r.record.currency,
		(r) => r.record.documentNumber,
		(r) => r.record.payee,
		(r) => r.record.description,
		(r) => r.record.category,
		(r) => r.record.eventNumber,
		(r) => r.record.fundingSource
	];
	let length = 0;
	for (const pick of picks) length += pgArray(rows.map(pick)).length;
	return length;
}

export async function stagedImport(
	db: Database,
	path: string,
	project: ImportProjectRef,
	email: string
): Promise<StageTimes> {
	const t: StageTimes = {
		sniff: 0,
		storeSource: 0,
		fileHash: 0,
		parse: 0,
		classify: 0,
		label: 0,
		rowKeys: 0,
		arrays: 0,
		insert: 0,
		total: 0,
		records: 0,
		accepted: 0
	};
	const clock = performance.now.bind(performance);
	const started = clock();
	await db.transaction(async (tx) => {
		const source = await fileSource(path);
		let at = clock();
		const sniffed = await sniff(source, {});
		t.sniff = clock() - at;
		at = clock();
		const stored = await storeSource(tx, source, { projectId: project.id, uploadedBy: email });
		t.storeSource = clock() - at;
		const [batch] = await tx
			.insert(importBatches)
			.values({
				projectId: project.id,
				kind: 'expenses',
				sourceFileId: stored.id,
				fileName: source.name,
				sha256: stored.sha256,
				size: source.size,
				profile: {},
				dialect: {},
				report: {},
				records: 0,
				accepted: 0,
				rejected: 0,
				setAside: 0,
				acceptedCents: 0,
				createdBy: email
			})
			.returning({ id: importBatches.id });
		const target = { projectId: project.id, batchId: batch!.id };

		const hash = createHash('sha256');
		async function* metered() {
			for await (const chunk of source.read()) {
				const from = clock();
				hash.update(chunk);
				t.fileHash += clock() - from;
				yield chunk;
			}
		}

		const report = emptyReport('expenses');
		const occurrences = new Map<string, number>();
		let pending: Extract<Outcome, { outcome: 'accepted' }>[] = [];
		let header: string[] | null = null;
		let rules: ClassifyRules | null = null;
		const waiting: { record: string[]; line: number }[] = [];

		const flush = async () => {
			if (!pending.length) return;
			const rows = pending;
			pending = [];
			let from = clock();
			const keyed = rows.map((o) => {
				const key = rowKey(o.identity);
				const occurrence = (occurrences.get(key) ?? 0) + 1;
				occurrences.set(key, occurrence);
				return { line: o.line, rowKey: key, occurrence, record: o.record } as ExpenseRow;
			});
			t.rowKeys += clock() - from;
			from = clock();
			buildArrays(keyed);
			t.arrays += clock() - from;
			from = clock();
			const inserted = await insertExpenses(tx, target, keyed);
			t.insert += clock() - from;
			t.accepted += inserted.size;
		};

		const judge = async (record: string[], line: number) => {
			let from = clock();
			const outcome = classifyRecord(record, line, rules!);
			t.classify += clock() - from;
			from = clock();
			const [label, reference] = labelOf(outcome);
			t.label += clock() - from;
			from = clock();
			countOutcome(report, outcome, label, reference);
			t.classify += clock() - from;
			if (outcome.outcome === 'accepted') {
				pending.push(outcome);
				if (pending.length >= WRITE_BATCH) await flush();
			}
		};

		const startJudging = async () => {
			const columns = (() => {
				const match = matchColumns('expenses', header!, {});
				if (!match.ok) throw new Error(`Header not recognised: ${JSON.stringify(match.problems)}`);
				return match.columns;
			})();
			const values = (index: number | undefined) =>
				index === undefined ? [] : waiting.map((w) => w.record[index] ?? '');
			rules = {
				kind: 'expenses',
				columns,
				width: header!.length,
				decimal: detectDecimalMark(values(columns.amount)) ?? 'comma',
				dateOrder: detectDateOrder(values(columns.date)),
				today: new Date().toISOString().slice(0, 10),
				project,
				values: {}
			};
			for (const { record, line } of waiting.splice(0)) await judge(record, line);
		};

		const batches = parseRecords(decodeText(metered(), sniffed.encoding), sniffed)[
			Symbol.asyncIterator
		]();
		for (;;) {
			const from = clock();
			const next = await batches.next();
			t.parse += clock() - from;
			if (next.done) break;
			const { records, lines } = next.value;
			for (let i = 0; i < records.length; i++) {
				const record = records[i]!;
				if (!header) {
					header = record;
					continue;
				}
				if (!rules) {
					waiting.push({ record, line: lines[i]! });
					if (waiting.length >= DETECTION_RECORDS) await startJudging();
					continue;
				}
				await judge(record, lines[i]!);
			}
		}
		if (!rules) await startJudging();
		await flush();
		t.records = report.records;
		// The file hash is taken inside the parse pull; count it once, as its own stage.
		t.parse -= t.fileHash;
	});
	t.total = clock() - started;
	return t;
}
