import iconv from 'iconv-lite';
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { fromPackageRoot } from '../package-root';
import type { ByteSource } from './byte-source';
import { NotAnExportError, sniff } from './sniff';

function source(bytes: Uint8Array, chunkSize = bytes.length || 1): ByteSource {
	return {
		name: 'export.csv',
		size: bytes.length,
		async *read() {
			for (let at = 0; at < bytes.length; at += chunkSize) yield bytes.subarray(at, at + chunkSize);
		}
	};
}

const utf8 = (text: string) => new Uint8Array(Buffer.from(text, 'utf8'));
const sniffText = (text: string) => sniff(source(utf8(text)), {});

describe('sniff', () => {
	it('reads the dialect of the sample ledger', async () => {
		const bytes = await readFile(fromPackageRoot('static/samples/solid/ledger.csv'));
		expect(await sniff(source(bytes, 100), {})).toEqual({
			encoding: 'utf-8',
			bom: true,
			delimiter: ';',
			newline: '\r\n',
			given: { encoding: false, delimiter: false }
		});
	});

	it('finds the delimiter: semicolon, comma or tab', async () => {
		const rows = [
			['Datums', 'Summa', 'Apraksts'],
			['27.02.2018', '426.90', 'Aviobiļetes'],
			['05.03.2018', '38.50', 'Druka']
		];
		for (const delimiter of [';', ',', '\t']) {
			const text = rows.map((row) => row.join(delimiter)).join('\n');
			expect((await sniffText(text)).delimiter).toBe(delimiter);
		}
	});

	it('finds the line breaks: CRLF, LF or CR', async () => {
		expect((await sniffText('a;b\r\nc;d\r\n')).newline).toBe('\r\n');
		expect((await sniffText('a;b\nc;d\n')).newline).toBe('\n');
		expect((await sniffText('a;b\rc;d\r')).newline).toBe('\r');
	});

	it('reads mixed line breaks as LF', async () => {
		expect((await sniffText('a;b\r\nc;d\ne;f\r\n')).newline).toBe('\n');
	});

	it('reads CRLF rows with LF breaks inside quoted cells as CRLF, as a spreadsheet writes them', async () => {
		const text =
			'Datums;Apraksts;Summa\r\n27.02.2018;"Aviobiļetes\nRīga–Brisele";426,90\r\n05.03.2018;"a ""b""\nc";1,00\r\n';
		expect((await sniffText(text)).newline).toBe('\r\n');
	});

	it('does not count a CR cut off from its LF at the end of the sample', async () => {
		// A 12-byte header, then 5-byte rows: the CR of a row is the 65 536th byte, the last sampled.
		const text = 'Datu;Summa\r\n' + 'a;b\r\n'.repeat(14_000);
		const bytes = utf8(text);
		expect(bytes[64 * 1024 - 1]).toBe(0x0d);
		expect((await sniff(source(bytes, 4096), {})).newline).toBe('\r\n');
	});

	it('still finds the line breaks when a stray quote never closes', async () => {
		expect((await sniffText('"a;b\r\nc;d\r\n')).newline).toBe('\r\n');
	});

	it('detects Windows-1257 and reads the delimiter through it', async () => {
		const bytes = iconv.encode(
			'Vārds, uzvārds;Valsts\r\nJānis Bērziņš;Beļģija\r\n',
			'windows-1257'
		);
		expect(await sniff(source(bytes), {})).toMatchObject({
			encoding: 'windows-1257',
			bom: false,
			delimiter: ';',
			newline: '\r\n'
		});
	});

	it('takes the encoding and delimiter a profile gives, and says they were given', async () => {
		const sniffed = await sniff(source(utf8('a;b,c\nd;e,f\n')), {
			encoding: 'windows-1252',
			delimiter: ','
		});
		expect(sniffed).toMatchObject({
			encoding: 'windows-1252',
			delimiter: ',',
			given: { encoding: true, delimiter: true }
		});
	});

	it('finds the delimiter of a small file of two columns ending in a line break', async () => {
		expect((await sniffText('Datums;Summa\n27.02.2018;426,90\n')).delimiter).toBe(';');
		expect((await sniffText('Date,Amount\n2018-02-27,426.90\n\n')).delimiter).toBe(',');
	});

	it('falls back to a semicolon when no delimiter fits, such as for a single column', async () => {
		expect((await sniffText('Apraksts\nRīga, Brisele\nSofija, Plovdiva\n')).delimiter).toBe(';');
	});

	it('refuses an empty file, a binary file and UTF-16', async () => {
		await expect(sniff(source(new Uint8Array()), {})).rejects.toMatchObject({ problem: 'empty' });
		await expect(
			sniff(source(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0, 0])), {})
		).rejects.toBeInstanceOf(NotAnExportError);
		await expect(
			sniff(source(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0, 0])), {})
		).rejects.toMatchObject({
			problem: 'binary'
		});
		const utf16 = new Uint8Array(Buffer.from('\ufeffDatums;Summa\r\n', 'utf16le'));
		await expect(sniff(source(utf16), {})).rejects.toMatchObject({ problem: 'utf-16' });
	});
});
