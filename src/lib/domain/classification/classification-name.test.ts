import { describe, expect, it } from 'vitest';
import shipped from './economic-codes.json';
import { classificationLabel, classificationName, SHIPPED_CODES } from './classification-name';

const own = [
	{ code: '2122', name: { lv: 'Pārējie komandējumu izdevumi', en: 'Other travel expenses' } },
	{ code: '2311', name: { lv: 'Biroja preces' } },
	{ code: '1100', name: { lv: 'Projekta atalgojums' } }
];

describe('classificationName', () => {
	it("reads the project's own list first, in the reader's language", () => {
		expect(classificationName('2122', 'lv', own)).toBe('Pārējie komandējumu izdevumi');
		expect(classificationName('2122', 'en', own)).toBe('Other travel expenses');
		expect(classificationName('1100', 'lv', own)).toBe('Projekta atalgojums');
	});

	it('gives an English reader the Latvian name when no English one exists', () => {
		expect(classificationName('2311', 'en', own)).toBe('Biroja preces');
		expect(classificationName('1110', 'en')).toBe('Mēnešalga');
	});

	it('names a code from the shipped list when the project has no list', () => {
		expect(classificationName('1100', 'lv')).toBe('Atalgojums');
		expect(classificationName('1100', 'lv', [])).toBe('Atalgojums');
	});

	it('gives no name for a code the shipped list holds without one, nor for an unknown code', () => {
		expect(SHIPPED_CODES).toContain('2122');
		expect(classificationName('2122', 'lv')).toBeNull();
		expect(classificationName('9999', 'en')).toBeNull();
		expect(classificationName('', 'lv')).toBeNull();
	});
});

describe('classificationLabel', () => {
	it('puts the name after the code, or shows the code alone', () => {
		expect(classificationLabel('2122', 'lv', own)).toBe('2122 Pārējie komandējumu izdevumi');
		expect(classificationLabel('2121', 'lv', own)).toBe('2121');
	});
});

describe('the shipped list', () => {
	it('names its source and holds the groups projects use', () => {
		expect(shipped.source.url).toMatch(/^https:\/\/likumi\.lv\/ta\/id\/124833/);
		for (const group of ['1000', '2100', '2200', '2300', '5000'])
			expect(SHIPPED_CODES).toContain(group);
	});

	it('says for every name which act it was read in, and holds each code once', () => {
		for (const code of shipped.codes) {
			expect(code.code).toMatch(/^\d{4}$/);
			if (code.lv !== null) expect((code as { read_in?: string }).read_in).toMatch(/likumi\.lv/);
		}
		expect(new Set(SHIPPED_CODES).size).toBe(SHIPPED_CODES.length);
	});
});
