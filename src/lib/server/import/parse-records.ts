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
	newline: '\r\n' | '\n' | '\r';
}

const LINE_BREAK = /\r\n|\r|\n/g;

function breaksIn(record: string[]): number {
	let count = 0;
	for (const field of record) {
		if (field.includes('\n') || field.includes('\r')) count += field.match(LINE_BREAK)?.length ?? 0;
	}
	return count;
}

/**
 * Read with \n as the line break, a record ended by CRLF keeps the CR in its last field (papaparse
 * drops it only after a closing quote); it is part of the line break, not of the value.
 */
function dropCarriageReturn(record: string[]) {
	const last = record.length - 1;
	if (record[last]?.endsWith('\r')) record[last] = record[last]!.slice(0, -1);
}

export async function* parseRecords(
	text: AsyncIterable<string>,
	dialect: CsvDialect
): AsyncGenerator<RecordBatch> {
	const input = Readable.from(text, { objectMode: true });
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
		newline: dialect.newline,
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
				if (dialect.newline === '\n') dropCarriageReturn(results.data[i]!);
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
