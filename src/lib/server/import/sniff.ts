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

/**
 * Counts the line breaks that end records, skipping those inside quoted fields: a spreadsheet
 * writes CRLF between rows but a bare LF for a line break typed inside a cell.
 */
function countBreaks(text: string, quotes: boolean) {
	const counts = { crlf: 0, lf: 0, cr: 0 };
	let quoted = false;
	let fieldStart = true;
	for (let i = 0; i < text.length; i++) {
		const char = text[i];
		if (quoted) {
			if (char === '"') {
				if (text[i + 1] === '"') i++;
				else quoted = false;
			}
			continue;
		}
		if (char === '\r') {
			if (text[i + 1] === '\n') {
				counts.crlf++;
				i++;
			} else if (i + 1 < text.length) {
				// A CR that ends the sample may be the first half of a CRLF cut in two.
				counts.cr++;
			}
			fieldStart = true;
		} else if (char === '\n') {
			counts.lf++;
			fieldStart = true;
		} else if (char === '"' && fieldStart && quotes) {
			quoted = true;
		} else {
			fieldStart = (DELIMITERS as readonly string[]).includes(char!);
		}
	}
	return counts;
}

function newlineOf(text: string): CsvDialect['newline'] {
	let counts = countBreaks(text, true);
	// A stray quote that never closes would hide every break after it: then count them all.
	if (counts.crlf + counts.lf + counts.cr === 0) counts = countBreaks(text, false);
	const { crlf, lf, cr } = counts;
	// Mixed endings read as \n: parseRecords then drops the \r of each CRLF.
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
		const guess = Papa.parse(lines, {
			delimitersToGuess: [...DELIMITERS],
			newline,
			preview: 50,
			// Blank lines, the file's final line break among them, would read as rows of one field
			// and pull a small file's average below the two fields papaparse asks of a delimiter.
			skipEmptyLines: true
		});
		const guessed = guess.meta.delimiter;
		// Papaparse falls back to a comma when nothing fits; a Latvian export more likely means ';'.
		const undetected = guess.errors.some((e) => e.code === 'UndetectableDelimiter');
		delimiter =
			!undetected && (DELIMITERS as readonly string[]).includes(guessed)
				? (guessed as Delimiter)
				: ';';
	}
	return {
		encoding,
		bom: detected.bom,
		delimiter,
		newline,
		given: { encoding: given.encoding !== undefined, delimiter: given.delimiter !== undefined }
	};
}
