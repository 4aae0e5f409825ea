/**
 * The physical floor of an import: the raw papaparse parse of the ledger, and a COPY of its SOLID
 * rows into a bare table shaped like `expenses` (its columns, identity primary key, partial
 * unique identity index and both other indexes), in one transaction, on either engine.
 *
 * The rows are turned into COPY text as cheaply as is fair: the row key is the SHA-256 of the
 * same identity the import hashes, the date is turned into ISO by slicing, the amount into cents
 * by integer arithmetic, every row's occurrence is 1 (the ledger's rows are unique), and text is
 * escaped only when it holds a character COPY treats specially.
 */
import Papa from 'papaparse';
import { hash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { Readable } from 'node:stream';
import type { PGlite } from '@electric-sql/pglite';
import type { Sql } from 'postgres';
import { sql } from 'drizzle-orm';
import type { DatabaseHandle } from '$lib/server/db';

/** The file as decoded text, 256 KiB at a time, as cofund reads it. */
async function* ledgerText(path: string) {
	const decoder = new TextDecoder('utf-8', { fatal: true });
	for await (const chunk of createReadStream(path, { highWaterMark: 256 * 1024 })) {
		const part = decoder.decode(chunk as Buffer, { stream: true });
		if (part) yield part;
	}
	const tail = decoder.decode();
	if (tail) yield tail;
}

type Chunk = (records: string[][]) => Promise<void> | void;

/** Streams the ledger through papaparse with cofund's settings; `chunk` may pause the parse. */
export function parseLedger(path: string, chunk: Chunk = () => {}): Promise<number> {
	return new Promise<number>((resolve, reject) => {
		let rows = 0;
		let failed = false;
		Papa.parse<string[]>(Readable.from(ledgerText(path), { objectMode: true }) as unknown as File, {
			delimiter: ';',
			newline: '\r\n',
			quoteChar: '"',
			skipEmptyLines: false,
			chunk: (results, parser) => {
				rows += results.data.length;
				const pending = chunk(results.data);
				if (!pending) return;
				parser.pause();
				pending.then(
					() => parser.resume(),
					(error: unknown) => {
						failed = true;
						parser.abort();
						reject(error as Error);
					}
				);
			},
			complete: () => {
				if (!failed) resolve(rows);
			},
			error: (error: Error) => reject(error)
		});
	});
}

const COLUMNS =
	'project_id, batch_id, line, row_key, occurrence, date, amount_cents, currency, ' +
	'document_number, payee, description, category, event_number, funding_source';
const FUNDING: Record<string, string> = { ES: 'eu', Pašvaldība: 'council' };
const SEPARATOR = '\u001f';
const SPECIAL = /[\\\t\n\r]/;
const ESCAPES: Record<string, string> = { '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' };
const escape = (text: string) =>
	SPECIAL.test(text) ? text.replace(/[\\\t\n\r]/g, (c) => ESCAPES[c]!) : text;

/** Cents of `1234,56` or `-12,05` (the ledger always writes two decimals). */
function cents(amount: string): number {
	const comma = amount.indexOf(',');
	const negative = amount.charCodeAt(0) === 45;
	const whole = Number(amount.slice(negative ? 1 : 0, comma));
	const value = whole * 100 + Number(amount.slice(comma + 1));
	return negative ? -value : value;
}

/** Makes COPY text lines of the SOLID records, the header and other projects' rows left out. */
export function copyLines(target: { projectId: number; batchId: number }) {
	let line = 0;
	const prefix = `${target.projectId}\t${target.batchId}\t`;
	return (records: string[][]): { text: string; rows: number } => {
		let text = '';
		let rows = 0;
		for (const r of records) {
			line++;
			if (line === 1 || r[6] !== 'SOLID') continue;
			const d = r[0]!;
			const date = `${d.slice(6, 10)}-${d.slice(3, 5)}-${d.slice(0, 2)}`;
			const amount = cents(r[5]!);
			const identity = [date, amount, 'EUR', r[1], r[2], r[3], r[4], r[7], r[8], ''].join(
				SEPARATOR
			);
			const key = hash('sha256', identity, 'buffer').subarray(0, 16).toString('base64url');
			const event = r[7] ? r[7] : '\\N';
			text +=
				`${prefix}${line}\t${key}\t1\t${date}\t${amount}\tEUR\t${escape(r[1]!)}\t` +
				`${escape(r[2]!)}\t${escape(r[3]!)}\t${escape(r[4]!)}\t${event}\t${FUNDING[r[8]!] ?? '\\N'}\n`;
			rows++;
		}
		return { text, rows };
	};
}

export const FLOOR_TABLE = 'bench_floor';

/**
 * The bare table: `like expenses including all` copies the columns, the identity primary key,
 * the partial unique index on (project_id, row_key, occurrence) and the batch and date indexes,
 * so it follows any change to `expenses`. Foreign keys are never copied by LIKE; with `foreignKey`
 * the composite key to import_batches is added as expenses has it.
 */
export async function makeFloorTable(handle: DatabaseHandle, foreignKey: boolean): Promise<void> {
	await handle.db.execute(sql.raw(`create table ${FLOOR_TABLE} (like expenses including all)`));
	if (foreignKey) {
		await handle.db.execute(
			sql.raw(
				`alter table ${FLOOR_TABLE} add foreign key (batch_id, project_id) ` +
					'references import_batches (id, project_id)'
			)
		);
	}
}

/** COPY text sent per statement (PGlite) or per write (PostgreSQL): bounded memory either way. */
const COPY_CHUNK = 4 * 1024 * 1024;

export interface FloorResult {
	records: number;
	rows: number;
}

/**
 * Parses the ledger and COPYs its SOLID rows into the floor table in one transaction. PGlite
 * takes each chunk as a Blob behind `/dev/blob`, one COPY statement per chunk; PostgreSQL takes
 * one `COPY … FROM STDIN` stream that the parse writes into as it goes.
 */
export async function copyFloor(
	handle: DatabaseHandle,
	path: string,
	target: { projectId: number; batchId: number }
): Promise<FloorResult> {
	const toLines = copyLines(target);
	const statement = `copy ${FLOOR_TABLE} (${COLUMNS}) from`;
	let rows = 0;
	let buffered = '';
	if (handle.engine === 'pglite') {
		const client = (handle.db as unknown as { $client: PGlite }).$client;
		return client.transaction(async (tx) => {
			const send = async () => {
				const blob = new Blob([buffered]);
				buffered = '';
				await tx.query(`${statement} '/dev/blob'`, [], { blob });
			};
			const records = await parseLedger(path, (batch) => {
				const made = toLines(batch);
				buffered += made.text;
				rows += made.rows;
				if (buffered.length >= COPY_CHUNK) return send();
			});
			if (buffered) await send();
			return { records, rows };
		});
	}
	const client = (handle.db as unknown as { $client: Sql }).$client;
	return client.begin(async (tx) => {
		const stream = await tx.unsafe(`${statement} stdin`).writable();
		const done = new Promise<void>((resolve, reject) => {
			stream.on('finish', resolve);
			stream.on('error', reject);
		});
		const write = (text: string) =>
			stream.write(text) ? undefined : new Promise<void>((r) => stream.once('drain', r));
		const records = await parseLedger(path, (batch) => {
			const made = toLines(batch);
			buffered += made.text;
			rows += made.rows;
			if (buffered.length >= COPY_CHUNK) {
				const text = buffered;
				buffered = '';
				return write(text);
			}
		});
		if (buffered) await write(buffered);
		stream.end();
		await done;
		return { records, rows };
	}) as Promise<FloorResult>;
}
