import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import type { Encoding } from '$lib/domain/import/profile';
import { decodeText, EncodingMismatchError } from './decode-text';
import { NotAnExportError } from './sniff';

async function* chunks(...parts: (Uint8Array | number[])[]) {
	for (const part of parts) yield part instanceof Uint8Array ? part : new Uint8Array(part);
}

const utf8 = (text: string) => new Uint8Array(Buffer.from(text, 'utf8'));

async function decode(bytes: AsyncIterable<Uint8Array>, encoding: Encoding = 'utf-8') {
	let text = '';
	for await (const piece of decodeText(bytes, encoding)) text += piece;
	return text;
}

async function failure(bytes: AsyncIterable<Uint8Array>, encoding: Encoding = 'utf-8') {
	try {
		await decode(bytes, encoding);
	} catch (error) {
		if (error instanceof EncodingMismatchError)
			return { encoding: error.encoding, line: error.line };
		throw error;
	}
	throw new Error('decoded without an error');
}

/** The bytes one at a time. */
const byByte = (bytes: Uint8Array) => chunks(...Array.from(bytes, (byte) => [byte]));

describe('decodeText', () => {
	it('joins a character cut between chunks', async () => {
		const bytes = utf8('Pašvaldība 🙂');
		expect(await decode(byByte(bytes))).toBe('Pašvaldība 🙂');
	});

	it('leaves out the UTF-8 byte order mark, even when it comes a byte at a time', async () => {
		expect(await decode(byByte(utf8('\ufeffDatums')))).toBe('Datums');
	});

	it('reads Windows-1257 and Windows-1252 text', async () => {
		const latvian = 'Jānis Bērziņš;Ķekava;Ģirts;Žūrija;€';
		expect(await decode(chunks(iconv.encode(latvian, 'windows-1257')), 'windows-1257')).toBe(
			latvian
		);
		const french = 'Café crème à la française;Señor';
		expect(await decode(byByte(iconv.encode(french, 'windows-1252')), 'windows-1252')).toBe(french);
	});

	it('yields no empty pieces', async () => {
		const pieces: string[] = [];
		for await (const piece of decodeText(byByte(utf8('ā🙂')), 'utf-8')) pieces.push(piece);
		expect(pieces).toEqual(['ā', '🙂']);
	});

	it('names the line of a byte that is not UTF-8', async () => {
		const bytes = new Uint8Array([
			...utf8('Datums;Summa\r\nRīga;1\r\n'),
			0xe2,
			0x41,
			...utf8('\r\n')
		]);
		expect(await failure(chunks(bytes))).toEqual({ encoding: 'utf-8', line: 3 });
	});

	it('names the line of a bad byte in a later chunk', async () => {
		const result = await failure(chunks(utf8('a\nb\n'), utf8('c\nd;'), [0xff], utf8('\n')));
		expect(result.line).toBe(4);
	});

	it('names the right line when the chunk with the bad byte starts inside a character', async () => {
		const text = utf8('ā\n\n');
		const result = await failure(chunks(text.subarray(0, 1), [...text.subarray(1), 0x41, 0xff]));
		expect(result.line).toBe(3);
	});

	it('names the line of a character whose first byte ends the previous chunk', async () => {
		const result = await failure(chunks(utf8('a\nb\n'), [0xc4], utf8('x\n')));
		expect(result.line).toBe(3);
	});

	it('counts CR and CRLF line breaks as the parser does, a CRLF cut in two as one', async () => {
		expect((await failure(chunks(utf8('a\rb\r'), [0xff]))).line).toBe(3);
		expect((await failure(chunks(utf8('a\r'), utf8('\nb\r\n'), [0xff]))).line).toBe(3);
	});

	it('names the last line when the file ends inside a character', async () => {
		const result = await failure(chunks(utf8('a\nb\nc'), [0xe2, 0x82]));
		expect(result.line).toBe(3);
	});

	it('finds the line of a bad byte however the bytes are cut', async () => {
		const bytes = new Uint8Array([...utf8('Rīga\r\nŽūrija\n🙂\r\nĀ'), 0xc0, 0x80, ...utf8('\n')]);
		for (let size = 1; size <= bytes.length; size++) {
			const parts: Uint8Array[] = [];
			for (let at = 0; at < bytes.length; at += size) parts.push(bytes.subarray(at, at + size));
			expect((await failure(chunks(...parts))).line).toBe(4);
		}
	});

	it('reads the Windows-1257 bytes of a Latvian export as not UTF-8, at their first line', async () => {
		const bytes = iconv.encode('Datums;Summa\r\n27.02.2018;Rīga\r\n', 'windows-1257');
		expect(await failure(chunks(bytes))).toEqual({ encoding: 'utf-8', line: 2 });
	});

	it('calls text with a NUL binary wherever it sits, in any encoding', async () => {
		const rows = utf8('Datums;Summa\r\n'.repeat(1000));
		for (const encoding of ['utf-8', 'windows-1257', 'windows-1252'] as const) {
			const reading = decode(chunks(rows, [0x41, 0x00, 0x42], utf8('\r\n')), encoding);
			await expect(reading).rejects.toBeInstanceOf(NotAnExportError);
			await expect(reading).rejects.toMatchObject({ problem: 'binary' });
		}
	});
});

describe('a byte the single-byte code page leaves undefined', () => {
	it('stops the import with the line it is on, instead of becoming “�”', async () => {
		const bytes = Buffer.concat([
			Buffer.from('Datums;Summa\r\n27.02.2018;1,00\r\n', 'latin1'),
			Buffer.from([0x41, 0x81, 0x42]),
			Buffer.from('\r\n', 'latin1')
		]);
		for (const encoding of ['windows-1257', 'windows-1252'] as const) {
			const read = async () => {
				for await (const _ of decodeText(chunks(bytes), encoding)) void _;
			};
			await expect(read()).rejects.toMatchObject({
				name: 'EncodingMismatchError',
				encoding,
				line: 3
			});
		}
	});
});
