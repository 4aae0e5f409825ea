import { describe, expect, it } from 'vitest';
import { cleanFileName, decodeHeaderName } from './file-name';

describe('an uploaded file name', () => {
	it('decodes percent-encoding, and keeps a stray % as it came', () => {
		expect(decodeHeaderName('izdevumi%202018.csv')).toBe('izdevumi 2018.csv');
		expect(decodeHeaderName('100%.csv')).toBe('100%.csv');
		expect(decodeHeaderName('%E0%A4%A.csv')).toBe('%E0%A4%A.csv');
		expect(decodeHeaderName('%')).toBe('%');
	});

	it('keeps Latvian and other letters', () => {
		expect(cleanFileName('Pārskats — Sződliget 2019.csv')).toBe('Pārskats — Sződliget 2019.csv');
	});

	it('drops terminal escapes, control characters and bidirectional overrides', () => {
		expect(cleanFileName('ledger\u001b[2J\u001b[31m.csv')).toBe('ledger[2J[31m.csv');
		expect(cleanFileName('a\u0000b\u0007c\u009b.csv')).toBe('abc.csv');
		expect(cleanFileName('invoice\u202egpj.csv')).toBe('invoicegpj.csv');
		expect(cleanFileName('two\r\nlines.csv')).toBe('two lines.csv');
	});

	it('keeps only the last part of a path', () => {
		expect(cleanFileName('../../etc/passwd')).toBe('passwd');
		expect(cleanFileName('C:\\Users\\anna\\ledger.csv')).toBe('ledger.csv');
	});

	it('is never empty and never longer than 255 characters', () => {
		expect(cleanFileName('\u001b\u0007')).toBe('export.csv');
		expect(cleanFileName('')).toBe('export.csv');
		expect([...cleanFileName('ā'.repeat(1000))]).toHaveLength(255);
	});
});
