import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { detectEncoding, notTextProblem } from './encoding';

const LATVIAN =
	'Vārds, uzvārds;Amats;Pilsēta\r\n' +
	'Jānis Bērziņš;Ārējo sakaru nodaļas vadītājs;Rīga\r\n' +
	'Anna Vasiļjeva;Sabiedrisko attiecību speciāliste;Ķekava, Ģirts, Ņina, Žūrija, Čiekurs, Šķēres\r\n';
const FRENCH =
	'Société;Montant\r\nCafé crème à la française;12,50\r\nGarçon, hôtel, forêt, Noël;3,00\r\n';
const SPANISH = 'Año;Señor;Información\r\nMañana;Corazón;Cañón\r\n';

const utf8 = (text: string) => new Uint8Array(Buffer.from(text, 'utf8'));
const encoded = (text: string, encoding: string) => new Uint8Array(iconv.encode(text, encoding));

describe('detectEncoding', () => {
	it('reads Latvian text in UTF-8 as UTF-8 without a BOM', () => {
		expect(detectEncoding(utf8(LATVIAN))).toEqual({ encoding: 'utf-8', bom: false });
	});

	it('notices the UTF-8 byte order mark', () => {
		const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...utf8(LATVIAN)]);
		expect(detectEncoding(bytes)).toEqual({ encoding: 'utf-8', bom: true });
	});

	it('calls plain ASCII UTF-8, which reads it the same', () => {
		expect(detectEncoding(utf8('Date;Amount\n2018-02-22;12.50\n'))).toEqual({
			encoding: 'utf-8',
			bom: false
		});
	});

	it('reads Latvian text in Windows-1257 as Windows-1257', () => {
		expect(detectEncoding(encoded(LATVIAN, 'windows-1257'))).toEqual({
			encoding: 'windows-1257',
			bom: false
		});
	});

	it('reads a Windows-1257 word of letters that Windows-1252 also has as Windows-1257', () => {
		// ā č ē ī ū are â è ç î û in Windows-1252: a tie goes to the Baltic code page.
		expect(
			detectEncoding(encoded('Cēsu pilsētas būvvalde;Rīcība;Ūdens\n', 'windows-1257')).encoding
		).toBe('windows-1257');
	});

	it('reads French text in Windows-1252 as Windows-1252', () => {
		expect(detectEncoding(encoded(FRENCH, 'windows-1252'))).toEqual({
			encoding: 'windows-1252',
			bom: false
		});
	});

	it('reads Spanish text in Windows-1252 as Windows-1252', () => {
		expect(detectEncoding(encoded(SPANISH, 'windows-1252')).encoding).toBe('windows-1252');
	});

	it('still calls a sample UTF-8 when it ends in the middle of a character', () => {
		const bytes = utf8('Pašvaldība;Grieķija;🙂');
		for (const cut of [1, 2, 3]) {
			expect(detectEncoding(bytes.subarray(0, bytes.length - cut)).encoding).toBe('utf-8');
		}
	});

	it('calls UTF-8 with one damaged byte UTF-8, so that the import can name the bad line', () => {
		const bytes = new Uint8Array([...utf8(LATVIAN), 0xc4, 0x41, ...utf8(';Ādaži\n')]);
		expect(detectEncoding(bytes).encoding).toBe('utf-8');
	});

	it('does not call code-page text UTF-8 for a stray pair of bytes that happens to be valid', () => {
		// "Ā" then NBSP in Windows-1257 are C2 A0, a valid UTF-8 NBSP.
		const bytes = encoded(`${LATVIAN}Ā\u00a0Rīga\r\n`, 'windows-1257');
		expect(detectEncoding(bytes).encoding).toBe('windows-1257');
	});
});

describe('notTextProblem', () => {
	it('lets text exports through', () => {
		expect(notTextProblem(utf8(LATVIAN))).toBeNull();
		expect(notTextProblem(encoded(LATVIAN, 'windows-1257'))).toBeNull();
		expect(notTextProblem(utf8('a\tb\fc\r\n'))).toBeNull();
	});

	it('calls bytes with a NUL binary, such as a spreadsheet', () => {
		// The start of an .xlsx file (a zip archive).
		const xlsx = new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00, 0x08, 0x00]);
		expect(notTextProblem(xlsx)).toBe('binary');
		expect(notTextProblem(new Uint8Array([...utf8('Datums;Summa\n'), 0]))).toBe('binary');
	});

	it('calls bytes binary when over one in a hundred is a control character', () => {
		const text = utf8('x'.repeat(198));
		expect(notTextProblem(new Uint8Array([...text, 0x01, 0x02]))).toBeNull();
		expect(notTextProblem(new Uint8Array([...text, 0x01, 0x02, 0x03]))).toBe('binary');
	});

	it('names UTF-16 by its byte order mark, little or big endian', () => {
		expect(notTextProblem(new Uint8Array(Buffer.from('\ufeffDatums;Summa', 'utf16le')))).toBe(
			'utf-16'
		);
		const bigEndian = Buffer.from('\ufeffDatums', 'utf16le').swap16();
		expect(notTextProblem(new Uint8Array(bigEndian))).toBe('utf-16');
	});

	it('calls UTF-16 without a byte order mark binary, for its NUL bytes', () => {
		expect(notTextProblem(new Uint8Array(Buffer.from('Datums;Summa', 'utf16le')))).toBe('binary');
	});
});
