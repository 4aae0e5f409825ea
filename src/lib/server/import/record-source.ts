/**
 * Where an import's records come from, behind one shape: a text export, sniffed and read as CSV.
 * The pipeline asks only for batches of records with their lines, whatever the file's format.
 */
import type { MappingProfile } from '$lib/domain/import/profile';
import type { ByteSource } from './byte-source';
import { decodeText } from './decode-text';
import { parseRecords, type RecordBatch } from './parse-records';
import { sniff, type Sniffed } from './sniff';

export interface CsvRecordSource {
	format: 'csv';
	sniffed: Sniffed;
	/** The file's records, read from `bytes`: the whole file, from its first byte. */
	records(bytes: AsyncIterable<Uint8Array>): AsyncIterable<RecordBatch>;
}

export type RecordSource = CsvRecordSource;

export async function openRecordSource(
	source: ByteSource,
	profile: MappingProfile
): Promise<RecordSource> {
	const sniffed = await sniff(source, profile);
	return {
		format: 'csv',
		sniffed,
		records: (bytes) => parseRecords(decodeText(bytes, sniffed.encoding), sniffed)
	};
}

export type { RecordBatch };
