/**
 * Reads a backup file through, checking all of it: the gzip stream and its CRC, the manifest,
 * every table's header and row count, each row's columns, the trailer's checksum of the content,
 * and, when `<file>.sha256` is beside it, the SHA-256 of the file. A visitor sees each table's
 * rows as they pass; the restore reads the file once with none (nothing written until it is all
 * known good), then once more writing, inside its transaction.
 */
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createGunzip } from 'node:zlib';
import {
	BackupError,
	checkRow,
	parseChecksumLine,
	parseHeader,
	parseManifest,
	parseTrailer,
	type BackupManifest,
	type BackupTableEntry
} from './backup-format';

export interface BackupVisitor {
	/** Called with each row's JSON text, the table's rows in file order. */
	row(table: BackupTableEntry, line: string): Promise<void>;
	/** Called after a table's last row. */
	tableEnd(table: BackupTableEntry): Promise<void>;
}

export interface ScannedBackup {
	manifest: BackupManifest;
	/** SHA-256 of the file's bytes. */
	sha256: string;
	/** The SHA-256 written in `<file>.sha256`, when that file is there (it matched). */
	beside: string | null;
}

const zlibProblem = (error: unknown): BackupError => {
	if (error instanceof BackupError) return error;
	const code = (error as NodeJS.ErrnoException).code;
	if (code === 'Z_BUF_ERROR') return new BackupError({ kind: 'truncated' });
	if (code === 'ENOENT' || code === 'EACCES' || code === 'EISDIR') {
		return new BackupError({ kind: 'unreadable', detail: (error as Error).message });
	}
	return new BackupError({ kind: 'damaged', detail: (error as Error).message });
};

/** The file's uncompressed lines, split on newlines (UTF-8 never has 0x0A inside a character). */
async function* linesOf(path: string, fileHash: ReturnType<typeof createHash>) {
	const input = createReadStream(path);
	input.on('data', (chunk) => fileHash.update(chunk as Buffer));
	const gunzip = input.pipe(createGunzip());
	input.on('error', (error) => gunzip.destroy(error));
	let pending: Buffer[] = [];
	for await (const chunk of gunzip as AsyncIterable<Buffer>) {
		let start = 0;
		for (let at = chunk.indexOf(10); at !== -1; at = chunk.indexOf(10, start)) {
			pending.push(chunk.subarray(start, at));
			yield Buffer.concat(pending).toString('utf8');
			pending = [];
			start = at + 1;
		}
		if (start < chunk.length) pending.push(chunk.subarray(start));
	}
	// A last line without its newline: the writer always ends with one, so the file was cut.
	if (pending.some((part) => part.length > 0)) throw new BackupError({ kind: 'truncated' });
}

async function besideChecksum(path: string): Promise<string | null> {
	let text: string;
	try {
		text = await readFile(`${path}.sha256`, 'utf8');
	} catch (error) {
		if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
		throw zlibProblem(error);
	}
	const sha = parseChecksumLine(text);
	if (!sha) throw new BackupError({ kind: 'damaged', detail: `${path}.sha256` });
	return sha;
}

export async function scanBackup(path: string, visitor?: BackupVisitor): Promise<ScannedBackup> {
	const beside = await besideChecksum(path);
	const fileHash = createHash('sha256');
	const content = createHash('sha256');
	let manifest: BackupManifest | undefined;
	try {
		const lines = linesOf(path, fileHash);
		const next = async (): Promise<string> => {
			const { value, done } = await lines.next();
			if (done) throw new BackupError({ kind: 'truncated' });
			return value;
		};
		const counted = async (): Promise<string> => {
			const line = await next();
			content.update(`${line}\n`, 'utf8');
			return line;
		};
		manifest = parseManifest(await counted());
		let total = 0;
		for (const table of manifest.tables) {
			parseHeader(await counted(), table);
			for (let i = 0; i < table.rows; i++) {
				const line = await counted();
				checkRow(line, table);
				await visitor?.row(table, line);
			}
			total += table.rows;
			await visitor?.tableEnd(table);
		}
		const trailer = parseTrailer(await next());
		const actual = content.digest('hex');
		if (trailer.rows !== total) throw new BackupError({ kind: 'damaged', detail: 'trailer' });
		if (trailer.sha256 !== actual) {
			throw new BackupError({ kind: 'checksum', expected: trailer.sha256, actual });
		}
		const rest = await lines.next();
		if (!rest.done && rest.value.trim() !== '') {
			throw new BackupError({ kind: 'damaged', detail: 'after the trailer' });
		}
		// Drain to the end, so the gzip CRC and the file hash cover every byte.
		while (!(await lines.next()).done) {
			/* nothing after the trailer */
		}
	} catch (error) {
		throw zlibProblem(error);
	}
	const sha256 = fileHash.digest('hex');
	if (beside !== null && beside !== sha256) {
		throw new BackupError({ kind: 'checksum', expected: beside, actual: sha256 });
	}
	return { manifest, sha256, beside };
}
