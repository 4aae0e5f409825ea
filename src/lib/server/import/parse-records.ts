/**
 * CSV records from streamed text, with the line each record starts on. papaparse does the
 * parsing; this adapts its pause/resume streaming to an async iterator, so the importer can
 * await the database between batches without ever holding the whole file.
 */
import Papa from 'papaparse';
import { Readable } from 'node:stream';

export interface RecordBatch {
	records: string[][];
	/** The 1-based line each record starts on (a quoted field may span lines). */
	lines: number[];
	/** A quoted field was still open at the end of the file: the last record swallowed the rest. */
	unterminatedQuote: boolean;
}

export interface CsvDialect {
	delimiter: string;
	/** The line break sniffed from the file's start; records may end in any of the three. */
	newline: '\r\n' | '\n' | '\r';
}

const LINE_BREAK = /\r\n|\r|\n/g;
const QUOTE_OR_CR = /["\r]/g;

function breaksIn(record: string[]): number {
	let count = 0;
	for (const field of record) {
		if (field.includes('\n') || field.includes('\r')) count += field.match(LINE_BREAK)?.length ?? 0;
	}
	return count;
}

/**
 * Turns every line break between records (CRLF, CR or LF) into LF, leaving those inside quoted
 * fields as they are. papaparse knows one line break per file, but an export may mix them past
 * the part that was sniffed: a bare CR would glue two records into one, and a CRLF read as LF
 * would leave its CR in the last field. A quote opens a field only at its start, as in papaparse.
 */
async function* recordBreaksAsLf(text: AsyncIterable<string>, delimiter: string) {
	let quoted = false;
	/** The character before the text being scanned; the file's start is a field's start. */
	let before = '\n';
	let rest = '';

	/** Scans `chunk`, stopping before a character whose meaning the next chunk settles. */
	const scan = (chunk: string, last: boolean): string => {
		let out = '';
		let copied = 0;
		let at = 0;
		while (at < chunk.length) {
			if (quoted) {
				const quote = chunk.indexOf('"', at);
				if (quote === -1) break;
				// A quote that ends the chunk may be the first of a doubled one.
				if (quote === chunk.length - 1 && !last) {
					rest = chunk.slice(quote);
					break;
				}
				if (chunk[quote + 1] === '"') at = quote + 2;
				else {
					quoted = false;
					at = quote + 1;
				}
				continue;
			}
			QUOTE_OR_CR.lastIndex = at;
			const found = QUOTE_OR_CR.exec(chunk);
			if (!found) break;
			const index = found.index;
			if (chunk[index] === '"') {
				const previous = index === 0 ? before : chunk[index - 1];
				if (previous === delimiter || previous === '\n' || previous === '\r') quoted = true;
				at = index + 1;
				continue;
			}
			// A CR that ends the chunk may be the first half of a CRLF.
			if (index === chunk.length - 1 && !last) {
				rest = chunk.slice(index);
				break;
			}
			out += chunk.slice(copied, index) + '\n';
			copied = at = index + (chunk[index + 1] === '\n' ? 2 : 1);
		}
		const end = chunk.length - rest.length;
		out += chunk.slice(copied, end);
		if (end > 0) before = chunk[end - 1]!;
		return out;
	};

	for await (const piece of text) {
		const chunk = rest + piece;
		rest = '';
		const out = scan(chunk, false);
		if (out) yield out;
	}
	const chunk = rest;
	rest = '';
	const out = scan(chunk, true);
	if (out) yield out;
}

export async function* parseRecords(
	text: AsyncIterable<string>,
	dialect: CsvDialect
): AsyncGenerator<RecordBatch> {
	const input = Readable.from(recordBreaksAsLf(text, dialect.delimiter), { objectMode: true });
	const queue: (RecordBatch | Error | null)[] = [];
	let wake: (() => void) | undefined;
	let parser: Papa.Parser | undefined;
	let line = 1;
	const push = (item: RecordBatch | Error | null) => {
		queue.push(item);
		wake?.();
		wake = undefined;
	};
	Papa.parse<string[]>(input as unknown as File, {
		delimiter: dialect.delimiter,
		newline: '\n',
		quoteChar: '"',
		skipEmptyLines: false,
		chunk(results, handle) {
			parser = handle;
			handle.pause();
			// The parser's own pause leaves the stream flowing into its queue: hold the stream too,
			// so that nothing is read ahead of the consumer.
			input.pause();
			const lines = new Array<number>(results.data.length);
			for (let i = 0; i < results.data.length; i++) {
				lines[i] = line;
				line += 1 + breaksIn(results.data[i]!);
			}
			push({
				records: results.data,
				lines,
				// Only a missing closing quote is trustworthy in streaming mode; papaparse may flag a
				// well-formed quote as malformed when a chunk boundary cuts through it.
				unterminatedQuote: results.errors.some((e) => e.code === 'MissingQuotes')
			});
		},
		complete: () => push(null),
		error: (error: Error) => push(error)
	});
	try {
		for (;;) {
			if (queue.length === 0) await new Promise<void>((resolve) => (wake = resolve));
			const item = queue.shift()!;
			if (item === null) return;
			if (item instanceof Error) throw item;
			yield item;
			// The stream first: resuming the parser may hand over a batch, which pauses it again.
			input.resume();
			parser?.resume();
		}
	} finally {
		parser?.abort();
		input.destroy();
	}
}
