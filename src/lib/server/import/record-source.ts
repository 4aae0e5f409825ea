/**
 * Where an import's records come from, behind one shape: a text export, sniffed and read as CSV,
 * or an Excel workbook, one sheet of it. The format is told from the bytes, never from the name.
 * The pipeline asks only for batches of records with their lines, whatever the file's format.
 */
import type { MappingProfile } from '$lib/domain/import/profile';
import type { Dialect } from '$lib/domain/import/result';
import type { ByteSource } from './byte-source';
import { decodeText } from './decode-text';
import { ImportFileError } from './import-errors';
import { parseRecords, type RecordBatch } from './parse-records';
import { sniff, type Sniffed } from './sniff';
import { SheetFacts, xlsxRecords } from './xlsx-records';

export interface CsvRecordSource {
	format: 'csv';
	sniffed: Sniffed;
	/** The file's records, read from `bytes`: the whole file, from its first byte. */
	records(bytes: AsyncIterable<Uint8Array>): AsyncIterable<RecordBatch>;
}

export interface XlsxRecordSource {
	format: 'xlsx';
	/** What reading the workbook learnt: the sheet, its formula cells, its merged cells. */
	facts: SheetFacts;
	/** One sheet's records (typed cells beside the text), read from the whole file's `bytes`. */
	records(bytes: AsyncIterable<Uint8Array>): AsyncIterable<RecordBatch>;
}

export type RecordSource = CsvRecordSource | XlsxRecordSource;

/** Bytes enough to tell a format: a ZIP's first entry name, an OLE file's stream names. */
const HEAD_BYTES = 64 * 1024;

async function readHead(source: ByteSource): Promise<Buffer> {
	const parts: Uint8Array[] = [];
	let size = 0;
	for await (const chunk of source.read()) {
		parts.push(chunk);
		size += chunk.length;
		if (size >= HEAD_BYTES) break;
	}
	return Buffer.concat(parts).subarray(0, HEAD_BYTES);
}

const ZIP = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
/** The OLE compound file (CFB) signature: an old .xls, or an encrypted OOXML package. */
const CFB = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
/** An encrypted Office file keeps its key data in a stream of this name (UTF-16 in the directory). */
const ENCRYPTION_INFO = Buffer.from('EncryptionInfo', 'utf16le');
/** An OpenDocument file's first entry is `mimetype`, stored, naming the document type. */
const ODS_MIMETYPE = 'mimetypeapplication/vnd.oasis.opendocument.spreadsheet';

export type FileFormat = 'csv' | 'xlsx';

/** Reads the format from the file's first bytes; refuses a spreadsheet that cannot be read. */
export function fileFormat(head: Buffer): FileFormat {
	if (head.subarray(0, CFB.length).equals(CFB)) {
		throw new ImportFileError({
			code: head.includes(ENCRYPTION_INFO) ? 'encrypted-workbook' : 'old-excel'
		});
	}
	if (head.subarray(0, ZIP.length).equals(ZIP)) {
		// A local file header is 30 bytes, then the entry's name, then (stored) its data.
		if (head.subarray(30, 30 + ODS_MIMETYPE.length).toString('latin1') === ODS_MIMETYPE)
			throw new ImportFileError({ code: 'ods' });
		return 'xlsx';
	}
	return 'csv';
}

export async function openRecordSource(
	source: ByteSource,
	profile: MappingProfile
): Promise<RecordSource> {
	if (fileFormat(await readHead(source)) === 'xlsx') {
		const facts = new SheetFacts();
		return { format: 'xlsx', facts, records: (bytes) => xlsxRecords(bytes, { profile }, facts) };
	}
	const sniffed = await sniff(source, profile);
	return {
		format: 'csv',
		sniffed,
		records: (bytes) => parseRecords(decodeText(bytes, sniffed.encoding), sniffed)
	};
}

/**
 * The dialect as the import ends: a workbook's gains the sheet it read, with the formula cells
 * and the merged or empty header cells, which are known only once the sheet has been read.
 */
export function finalDialect(
	source: RecordSource,
	dialect: Dialect,
	found: { preamble: number; header: readonly string[] }
): Dialect {
	if (source.format !== 'xlsx') return dialect;
	return { ...dialect, sheet: source.facts.notes(found.preamble, found.header) };
}

export type { RecordBatch };
