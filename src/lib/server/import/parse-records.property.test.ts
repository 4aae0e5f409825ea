/**
 * Whatever the table and however the bytes arrive, decoding then parsing gives back the table
 * with the line each record starts on: chunks of one byte up to a megabyte, cut anywhere,
 * inside a character, between CR and LF, or inside a quoted field.
 */
import fc from 'fast-check';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import type { Encoding } from '$lib/domain/import/profile';
import { decodeText } from './decode-text';
import { parseRecords, type CsvDialect } from './parse-records';

type Table = string[][];

const LINE_BREAK = /\r\n|\r|\n/g;

/** Pieces that fields are made of: the hard cases for a CSV reader, many times over. */
const UTF8_PIECES = [
	'a',
	'Rīga',
	'ā',
	'č',
	'ž',
	'🙂',
	'Ω',
	' ',
	';',
	',',
	'\t',
	'"',
	'""',
	'\n',
	'\r\n',
	'12,50'
];
/** The same, limited to what Windows-1257 can write. */
const BALTIC_PIECES = [
	'a',
	'Rīga',
	'ā',
	'č',
	'ž',
	'Ņ',
	'Ö',
	'ü',
	'€',
	' ',
	';',
	',',
	'\t',
	'"',
	'\n',
	'\r\n'
];

const field = (pieces: string[]) =>
	fc.array(fc.constantFrom(...pieces), { maxLength: 6 }).map((parts) => parts.join(''));

const table = (pieces: string[], rows: { min: number; max: number }): fc.Arbitrary<Table> =>
	fc.integer({ min: 1, max: 5 }).chain((width) =>
		fc.array(fc.array(field(pieces), { minLength: width, maxLength: width }), {
			minLength: rows.min,
			maxLength: rows.max,
			size: 'max'
		})
	);

const dialect = fc.record({
	delimiter: fc.constantFrom(';', ',', '\t'),
	newline: fc.constantFrom<CsvDialect['newline']>('\r\n', '\n')
});

/** Chunk sizes, cycled through: mostly tiny, so that cuts land everywhere, sometimes huge. */
const chunkSizes = fc.array(
	fc.oneof(
		{ weight: 4, arbitrary: fc.integer({ min: 1, max: 8 }) },
		{ weight: 2, arbitrary: fc.integer({ min: 1, max: 300 }) },
		{ weight: 1, arbitrary: fc.integer({ min: 1, max: 1024 * 1024 }) }
	),
	{ minLength: 1, maxLength: 20 }
);

/**
 * Quoting every field, the fields that need it, or loosely, as some exporters do: a quote inside
 * an unquoted field (12" monitor) is a plain character, since a quote opens a field only at its start.
 */
type Quoting = 'all' | 'needed' | 'loose';
const quoting = fc.constantFrom<Quoting>('all', 'needed', 'loose');

function serialise(
	rows: Table,
	{ delimiter, newline }: CsvDialect,
	quotes: Quoting,
	trailing: boolean
) {
	const needsQuotes = (value: string) =>
		quotes === 'all' ||
		value.includes(delimiter) ||
		/[\r\n]/.test(value) ||
		(quotes === 'needed' ? value.includes('"') : value.startsWith('"'));
	const lines = rows.map((row) =>
		row
			.map((value) =>
				// A record of one empty field is written "" so that it is not taken for the file's end.
				needsQuotes(value) || (row.length === 1 && value === '')
					? `"${value.replaceAll('"', '""')}"`
					: value
			)
			.join(delimiter)
	);
	return lines.join(newline) + (trailing ? newline : '');
}

/** The line each row starts on: one more than the line breaks before it, those in fields included. */
function startLines(rows: Table): number[] {
	let line = 1;
	return rows.map((row) => {
		const start = line;
		line += 1 + row.reduce((n, value) => n + (value.match(LINE_BREAK)?.length ?? 0), 0);
		return start;
	});
}

async function* inChunks(bytes: Uint8Array, sizes: number[]) {
	for (let at = 0, i = 0; at < bytes.length; i++) {
		const size = sizes[i % sizes.length]!;
		yield bytes.subarray(at, at + size);
		at += size;
	}
}

async function readBack(bytes: Uint8Array, encoding: Encoding, csv: CsvDialect, sizes: number[]) {
	const records: Table = [];
	const lines: number[] = [];
	let unterminated = false;
	for await (const batch of parseRecords(decodeText(inChunks(bytes, sizes), encoding), csv)) {
		expect(batch.lines).toHaveLength(batch.records.length);
		records.push(...batch.records);
		lines.push(...batch.lines);
		unterminated ||= batch.unterminatedQuote;
	}
	return { records, lines, unterminated };
}

describe('decodeText and parseRecords together', () => {
	it('give back any UTF-8 table and its line numbers, however the bytes are cut', async () => {
		await fc.assert(
			fc.asyncProperty(
				table(UTF8_PIECES, { min: 1, max: 8 }),
				dialect,
				fc.boolean(),
				quoting,
				fc.boolean(),
				chunkSizes,
				async (rows, csv, bom, quotes, trailing, sizes) => {
					const text = serialise(rows, csv, quotes, trailing);
					const bytes = Buffer.from((bom ? '\ufeff' : '') + text, 'utf8');
					const read = await readBack(bytes, 'utf-8', csv, sizes);
					expect(read.records).toEqual(rows);
					expect(read.lines).toEqual(startLines(rows));
					expect(read.unterminated).toBe(false);
				}
			),
			{ numRuns: 500 }
		);
	});

	it('give back any Windows-1257 table and its line numbers, however the bytes are cut', async () => {
		await fc.assert(
			fc.asyncProperty(
				table(BALTIC_PIECES, { min: 1, max: 8 }),
				dialect,
				quoting,
				fc.boolean(),
				chunkSizes,
				async (rows, csv, quotes, trailing, sizes) => {
					const bytes = iconv.encode(serialise(rows, csv, quotes, trailing), 'windows-1257');
					const read = await readBack(bytes, 'windows-1257', csv, sizes);
					expect(read.records).toEqual(rows);
					expect(read.lines).toEqual(startLines(rows));
				}
			),
			{ numRuns: 300 }
		);
	});

	it('give back a CRLF table read with LF line breaks, as sniff chooses for mixed endings', async () => {
		await fc.assert(
			fc.asyncProperty(
				table(UTF8_PIECES, { min: 1, max: 6 }),
				fc.constantFrom(';', ',', '\t'),
				quoting,
				chunkSizes,
				async (rows, delimiter, quotes, sizes) => {
					const bytes = Buffer.from(serialise(rows, { delimiter, newline: '\r\n' }, quotes, true));
					const read = await readBack(bytes, 'utf-8', { delimiter, newline: '\n' }, sizes);
					expect(read.records).toEqual(rows);
					expect(read.lines).toEqual(startLines(rows));
				}
			),
			{ numRuns: 300 }
		);
	});

	it('give back a table whose records end in any mix of CRLF, LF and CR', async () => {
		const rowsAndBreaks = table(UTF8_PIECES, { min: 1, max: 8 }).chain((rows) =>
			fc.tuple(
				fc.constant(rows),
				fc.array(fc.constantFrom('\r\n', '\n', '\r'), {
					minLength: rows.length,
					maxLength: rows.length
				})
			)
		);
		await fc.assert(
			fc.asyncProperty(
				rowsAndBreaks,
				dialect,
				quoting,
				chunkSizes,
				async ([rows, breaks], csv, quotes, sizes) => {
					// Each record written with its own line break, the last one's included.
					const text = rows
						.map((row, i) => serialise([row], csv, quotes, false) + breaks[i])
						.join('');
					const read = await readBack(Buffer.from(text, 'utf8'), 'utf-8', csv, sizes);
					expect(read.records).toEqual(rows);
					expect(read.lines).toEqual(startLines(rows));
				}
			),
			{ numRuns: 300 }
		);
	});

	it('give back long tables cut into chunks of up to a megabyte', async () => {
		const bigChunks = fc.array(fc.integer({ min: 1, max: 1024 * 1024 }), {
			minLength: 1,
			maxLength: 5
		});
		await fc.assert(
			fc.asyncProperty(
				table(UTF8_PIECES, { min: 300, max: 600 }),
				dialect,
				bigChunks,
				async (rows, csv, sizes) => {
					const bytes = Buffer.from(serialise(rows, csv, 'needed', true), 'utf8');
					const read = await readBack(bytes, 'utf-8', csv, [...sizes, 1, 7, 4096]);
					expect(read.records).toEqual(rows);
					expect(read.lines).toEqual(startLines(rows));
				}
			),
			{ numRuns: 25 }
		);
	});
});
