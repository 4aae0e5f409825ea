/**
 * The backup file's format, version 1: gzip of UTF-8 JSON lines.
 *   line 1      the manifest (BackupManifest): what made it, from which schema, and per table
 *               its columns and row count;
 *   then        for each table of the manifest in order, a header `{"table": name, "rows": n}`
 *               and n lines, each one row as a JSON object by column name (bytea as base64,
 *               timestamps ISO 8601, jsonb as JSON, numbers as written by PostgreSQL);
 *   last line   the trailer `{"end": "cofund-backup", "rows": total, "sha256": hex}`, where
 *               sha256 is of every uncompressed byte before the trailer.
 * The SHA-256 of the compressed file itself is written beside it as `<file>.sha256`.
 */

export const BACKUP_FORMAT = 'cofund-backup';
export const BACKUP_FORMAT_VERSION = 1;

export interface BackupColumn {
	name: string;
	/** PostgreSQL's name of the column's type, e.g. `bigint`, `bytea`, `USER-DEFINED`. */
	type: string;
}

export interface BackupTableEntry {
	name: string;
	columns: BackupColumn[];
	rows: number;
}

export interface BackupManifest {
	format: typeof BACKUP_FORMAT;
	version: number;
	app: string;
	/** The schema: how many migrations were applied, and the last one's tag. */
	schema: { migrations: number; latest: string };
	engine: 'pglite' | 'postgres';
	createdAt: string;
	/** The public id of the key the audit chain is signed with (never the key itself). */
	auditKey: string;
	/** The audit chain's head in the snapshot. */
	auditHead: { events: number; hash: string };
	tables: BackupTableEntry[];
}

export interface TableHeader {
	table: string;
	rows: number;
}

export interface Trailer {
	end: typeof BACKUP_FORMAT;
	rows: number;
	sha256: string;
}

/** Why a file is not restored; the CLI and the page say each in the reader's language. */
export type BackupProblem =
	| { kind: 'unreadable'; detail: string }
	| { kind: 'not-a-backup' }
	| { kind: 'truncated' }
	| { kind: 'damaged'; detail: string }
	| { kind: 'checksum'; expected: string; actual: string }
	| { kind: 'newer-format'; version: number }
	| { kind: 'schema'; backup: string; target: string }
	| { kind: 'not-empty'; table: string; rows: number }
	| { kind: 'audit-key'; backup: string; target: string; source: string }
	| { kind: 'audit-chain'; detail: string };

export class BackupError extends Error {
	constructor(readonly problem: BackupProblem) {
		super(`backup refused: ${JSON.stringify(problem)}`);
		this.name = 'BackupError';
	}
}

const isObject = (value: unknown): value is Record<string, unknown> =>
	typeof value === 'object' && value !== null && !Array.isArray(value);

const count = (value: unknown) => Number.isSafeInteger(value) && (value as number) >= 0;

/** Reads the first line: a manifest of a format this cofund knows, or a BackupError. */
export function parseManifest(line: string): BackupManifest {
	let value: unknown;
	try {
		value = JSON.parse(line);
	} catch {
		throw new BackupError({ kind: 'not-a-backup' });
	}
	if (!isObject(value) || value.format !== BACKUP_FORMAT) {
		throw new BackupError({ kind: 'not-a-backup' });
	}
	if (typeof value.version !== 'number' || value.version > BACKUP_FORMAT_VERSION) {
		throw new BackupError({ kind: 'newer-format', version: Number(value.version) });
	}
	const tables = value.tables;
	const head = value.auditHead;
	const schema = value.schema;
	const wellFormed =
		value.version === BACKUP_FORMAT_VERSION &&
		Array.isArray(tables) &&
		tables.every(
			(t) =>
				isObject(t) &&
				typeof t.name === 'string' &&
				count(t.rows) &&
				Array.isArray(t.columns) &&
				t.columns.every(
					(c) => isObject(c) && typeof c.name === 'string' && typeof c.type === 'string'
				)
		) &&
		isObject(head) &&
		count(head.events) &&
		typeof head.hash === 'string' &&
		isObject(schema) &&
		count(schema.migrations) &&
		typeof schema.latest === 'string' &&
		typeof value.auditKey === 'string' &&
		typeof value.createdAt === 'string' &&
		(value.engine === 'pglite' || value.engine === 'postgres');
	if (!wellFormed) throw new BackupError({ kind: 'damaged', detail: 'manifest' });
	return value as unknown as BackupManifest;
}

export function parseHeader(line: string, expected: BackupTableEntry): void {
	let value: unknown;
	try {
		value = JSON.parse(line);
	} catch {
		throw new BackupError({ kind: 'damaged', detail: `header of ${expected.name}` });
	}
	if (!isObject(value) || value.table !== expected.name || value.rows !== expected.rows) {
		throw new BackupError({ kind: 'damaged', detail: `header of ${expected.name}` });
	}
}

/** A row line must be a JSON object with exactly the table's columns. */
export function checkRow(line: string, table: BackupTableEntry): void {
	let value: unknown;
	try {
		value = JSON.parse(line);
	} catch {
		throw new BackupError({ kind: 'damaged', detail: `a row of ${table.name}` });
	}
	if (!isObject(value))
		throw new BackupError({ kind: 'damaged', detail: `a row of ${table.name}` });
	const keys = Object.keys(value);
	if (keys.length !== table.columns.length || !table.columns.every((c) => c.name in value)) {
		throw new BackupError({ kind: 'damaged', detail: `a row of ${table.name}` });
	}
}

export function parseTrailer(line: string): Trailer {
	let value: unknown;
	try {
		value = JSON.parse(line);
	} catch {
		throw new BackupError({ kind: 'damaged', detail: 'trailer' });
	}
	if (
		!isObject(value) ||
		value.end !== BACKUP_FORMAT ||
		!count(value.rows) ||
		typeof value.sha256 !== 'string'
	) {
		throw new BackupError({ kind: 'damaged', detail: 'trailer' });
	}
	return value as unknown as Trailer;
}

/** `<hex>  <name>`, as sha256sum writes and checks it. */
export const checksumLine = (sha256: string, name: string) => `${sha256}  ${name}\n`;

export function parseChecksumLine(text: string): string | null {
	const match = /^([0-9a-f]{64})\b/i.exec(text.trim());
	return match?.[1] ? match[1].toLowerCase() : null;
}
