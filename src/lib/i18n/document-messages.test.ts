import { describe, expect, it } from 'vitest';
import { languageName } from './document-messages';

describe('languageName', () => {
	it('names a document language as a sentence writes it, in either language', () => {
		expect(languageName('en', 'en')).toBe('English');
		expect(languageName('lv', 'en')).toBe('Latvian');
		expect(languageName('en', 'lv')).toBe('angļu');
		expect(languageName('lv', 'lv')).toBe('latviešu');
	});

	it('keeps a code it does not know as the file wrote it', () => {
		expect(languageName('de', 'en')).toBe('de');
	});
});
