import { describe, expect, it } from 'vitest';
import { decodeText, EncodingMismatchError } from './decode-text';
import { parseRecords, type CsvDialect } from './parse-records';

const SEMICOLON_CRLF: CsvDialect = { delimiter: ';', newline: '\r\n' };

async function* pieces(...texts: string[]) {
	yield* texts;
}

async function collect(text: AsyncIterable<string>, dialect: CsvDialect) {
	const records: string[][] = [];
	const lines: number[] = [];
	let unterminated = false;
	for await (const batch of parseRecords(text, dialect)) {
		records.push(...batch.records);
		lines.push(...batch.lines);
		unterminated ||= batch.unterminatedQuote;
	}
	return { records, lines, unterminated };
}

/** Lets every pending callback and stream event run. */
const settle = async () => {
	for (let i = 0; i < 20; i++) await new Promise((resolve) => setImmediate(resolve));
};

describe('parseRecords', () => {
	it('reads the records of a ledger with the line each starts on', async () => {
		const text =
			'Datums;Dok. Nr.;Summa EUR\r\n' +
			'27.02.2018;AB-118273;426,90\r\n' +
			'05.03.2018;DR-0412;38,50\r\n';
		expect(await collect(pieces(text), SEMICOLON_CRLF)).toEqual({
			records: [
				['Datums', 'Dok. Nr.', 'Summa EUR'],
				['27.02.2018', 'AB-118273', '426,90'],
				['05.03.2018', 'DR-0412', '38,50']
			],
			lines: [1, 2, 3],
			unterminated: false
		});
	});

	it('does not make a record of the line break that ends the file', async () => {
		const { records } = await collect(pieces('a;b\r\n'), SEMICOLON_CRLF);
		expect(records).toEqual([['a', 'b']]);
	});

	it('reads a blank line as a record of one empty field, so that it is accounted for', async () => {
		const { records, lines } = await collect(pieces('a;b\r\n\r\nc;d\r\n'), SEMICOLON_CRLF);
		expect(records).toEqual([['a', 'b'], [''], ['c', 'd']]);
		expect(lines).toEqual([1, 2, 3]);
	});

	it('counts the line breaks inside quoted fields in the lines of the records after them', async () => {
		const text = 'a;"one\r\ntwo\nthree";b\r\nc;"""quoted""; and ;";d\r\ne;f';
		const { records, lines } = await collect(pieces(text), SEMICOLON_CRLF);
		expect(records).toEqual([
			['a', 'one\r\ntwo\nthree', 'b'],
			['c', '"quoted"; and ;', 'd'],
			['e', 'f']
		]);
		expect(lines).toEqual([1, 4, 5]);
	});

	it('joins records and fields cut across text chunks', async () => {
		const { records, lines } = await collect(
			pieces('Dat', 'ums;Sum', 'ma\r', '\n1;"2', '\r\n', '3"\r\n4', ';5'),
			SEMICOLON_CRLF
		);
		expect(records).toEqual([
			['Datums', 'Summa'],
			['1', '2\r\n3'],
			['4', '5']
		]);
		expect(lines).toEqual([1, 2, 4]);
	});

	it('reads files with CR line breaks', async () => {
		const { records, lines } = await collect(pieces('a,b\r"c\rd",e\rf,g'), {
			delimiter: ',',
			newline: '\r'
		});
		expect(records).toEqual([
			['a', 'b'],
			['c\rd', 'e'],
			['f', 'g']
		]);
		expect(lines).toEqual([1, 2, 4]);
	});

	it('drops the CR of a CRLF when reading with LF, and counts the CRLF as one line break', async () => {
		const { records, lines } = await collect(pieces('a\tb\r\nc\t"d\ne"\r\nf\tg\n'), {
			delimiter: '\t',
			newline: '\n'
		});
		expect(records).toEqual([
			['a', 'b'],
			['c', 'd\ne'],
			['f', 'g']
		]);
		expect(lines).toEqual([1, 2, 4]);
	});

	it('reads a bare CR among CRLF lines as a line break, never gluing two records together', async () => {
		const text = 'a;b\r\nc;d\re;f\r\ng;h\r\n';
		for (const newline of ['\r\n', '\n', '\r'] as const) {
			const { records, lines } = await collect(pieces(text), { delimiter: ';', newline });
			expect(records).toEqual([
				['a', 'b'],
				['c', 'd'],
				['e', 'f'],
				['g', 'h']
			]);
			expect(lines).toEqual([1, 2, 3, 4]);
		}
	});

	it('reads LF lines past a CRLF start as records, whatever line break was sniffed', async () => {
		const { records, lines } = await collect(
			pieces('a;b\r\n', 'c;d\ne;"f\r\ng"\n'),
			SEMICOLON_CRLF
		);
		expect(records).toEqual([
			['a', 'b'],
			['c', 'd'],
			['e', 'f\r\ng']
		]);
		expect(lines).toEqual([1, 2, 3]);
	});

	it('keeps the line breaks inside quoted fields as written, whatever the chunks cut', async () => {
		const { records } = await collect(pieces('"a\r', '\nb\rc\nd"', '"', '\r', '\n";x\r', '\ny;z'), {
			delimiter: ';',
			newline: '\r\n'
		});
		expect(records).toEqual([
			['a\r\nb\rc\nd"\r\n', 'x'],
			['y', 'z']
		]);
	});

	it('says when a quote is never closed, the last record swallowing the rest', async () => {
		const result = await collect(pieces('a;"b\r\nc;d\r\n', 'e;f'), SEMICOLON_CRLF);
		expect(result.unterminated).toBe(true);
		expect(result.records).toEqual([['a', 'b\r\nc;d\r\ne;f']]);
	});

	it('does not take a quote inside an unquoted field for an unclosed one', async () => {
		const result = await collect(pieces('12" monitors;5\r\n'), SEMICOLON_CRLF);
		expect(result.unterminated).toBe(false);
		expect(result.records).toEqual([['12" monitors', '5']]);
	});

	it('gives no records for no text', async () => {
		expect(await collect(pieces(), SEMICOLON_CRLF)).toEqual({
			records: [],
			lines: [],
			unterminated: false
		});
	});

	it('does not read ahead of a consumer that is still busy with a batch', async () => {
		let pulled = 0;
		async function* lines() {
			for (let i = 0; i < 1000; i++) {
				pulled++;
				yield `${i};x\r\n`;
			}
		}
		const batches = parseRecords(lines(), SEMICOLON_CRLF);
		const first = await batches.next();
		await settle();
		expect(first.value?.records[0]).toEqual(['0', 'x']);
		expect(pulled).toBeLessThan(10);

		let records = first.value?.records.length ?? 0;
		for (let next = await batches.next(); !next.done; next = await batches.next()) {
			records += next.value.records.length;
		}
		expect(records).toBe(1000);
		expect(pulled).toBe(1000);
	});

	it('stops reading the text when the consumer stops early', async () => {
		let closed = false;
		let pulled = 0;
		async function* lines() {
			try {
				for (let i = 0; i < 1000; i++) {
					pulled++;
					yield `${i};x\r\n`;
				}
			} finally {
				closed = true;
			}
		}
		for await (const batch of parseRecords(lines(), SEMICOLON_CRLF)) {
			expect(batch.records.length).toBeGreaterThan(0);
			break;
		}
		await settle();
		expect(closed).toBe(true);
		expect(pulled).toBeLessThan(1000);
	});

	it('passes on the error of the text it reads, such as bytes in the wrong encoding', async () => {
		async function* bytes() {
			yield new Uint8Array(Buffer.from('Datums;Summa\r\n27.02.2018;426,90\r\n'));
			yield new Uint8Array([0x41, 0xff, 0x0d, 0x0a]);
		}
		const reading = collect(decodeText(bytes(), 'utf-8'), SEMICOLON_CRLF);
		await expect(reading).rejects.toBeInstanceOf(EncodingMismatchError);
		await expect(reading).rejects.toMatchObject({ line: 3 });
	});
});
