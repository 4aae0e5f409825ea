/** The first look at an export: its encoding, line breaks and delimiter, read from its first 64 KiB. */
import Papa from 'papaparse';
import { detectEncoding, notTextProblem } from '$lib/domain/import/encoding';
import { DELIMITERS, type Delimiter, type Encoding } from '$lib/domain/import/profile';
import type { ByteSource } from './byte-source';
import type { CsvDialect } from './parse-records';

const SAMPLE_BYTES = 64 * 1024;

export interface Sniffed extends CsvDialect {
	encoding: Encoding;
	bom: boolean;
	delimiter: Delimiter;
	/** What the profile fixed rather than the bytes told; shown as such in the report. */
	given: { encoding: boolean; delimiter: boolean };
}

export type SniffProblem = 'empty' | 'binary' | 'utf-16';

export class NotAnExportError extends Error {
	constructor(readonly problem: SniffProblem) {
		super(`Not a text export: ${problem}`);
		this.name = 'NotAnExportError';
	}
}

async function readSample(source: ByteSource): Promise<Uint8Array> {
	const parts: Uint8Array[] = [];
	let size = 0;
	for await (const chunk of source.read()) {
		parts.push(chunk);
		size += chunk.length;
		if (size >= SAMPLE_BYTES) break;
	}
	return Buffer.concat(parts).subarray(0, SAMPLE_BYTES);
}

function newlineOf(text: string): CsvDialect['newline'] {
	const crlf = text.split('\r\n').length - 1;
	const lf = text.split('\n').length - 1 - crlf;
	const cr = text.split('\r').length - 1 - crlf;
	// Mixed endings read as \n: a stray \r then ends a field, and fields are trimmed anyway.
	if (crlf > 0 && lf === 0 && cr === 0) return '\r\n';
	if (cr > 0 && lf === 0 && crlf === 0) return '\r';
	return '\n';
}

export async function sniff(
	source: ByteSource,
	given: { encoding?: Encoding | undefined; delimiter?: Delimiter | undefined }
): Promise<Sniffed> {
	const sample = await readSample(source);
	if (sample.length === 0) throw new NotAnExportError('empty');
	const problem = notTextProblem(sample);
	if (problem) throw new NotAnExportError(problem);
	const detected = detectEncoding(sample);
	const encoding = given.encoding ?? detected.encoding;
	const text = new TextDecoder(encoding).decode(sample);
	const newline = newlineOf(text);
	let delimiter = given.delimiter;
	if (!delimiter) {
		const lines = text.split(newline).slice(0, 50).join(newline);
		const guessed = Papa.parse(lines, {
			delimitersToGuess: [...DELIMITERS],
			newline,
			preview: 50
		}).meta.delimiter;
		delimiter = (DELIMITERS as readonly string[]).includes(guessed) ? (guessed as Delimiter) : ';';
	}
	return {
		encoding,
		bom: detected.bom,
		delimiter,
		newline,
		given: { encoding: given.encoding !== undefined, delimiter: given.delimiter !== undefined }
	};
}
