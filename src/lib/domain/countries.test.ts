import { describe, expect, it } from 'vitest';
import { countryName, isCountryCode } from './countries';

describe('countryName', () => {
	it('names the annex countries in Latvian with their diacritics', () => {
		const codes = ['BE', 'LV', 'BG', 'HU', 'GR', 'RS', 'SK', 'IT', 'PL', 'ES', 'RO'];
		expect(codes.map((code) => countryName(code, 'lv'))).toEqual([
			'Beļģija',
			'Latvija',
			'Bulgārija',
			'Ungārija',
			'Grieķija',
			'Serbija',
			'Slovākija',
			'Itālija',
			'Polija',
			'Spānija',
			'Rumānija'
		]);
	});

	it('keeps a historical name when the record gives one', () => {
		expect(countryName('MK', 'lv', { lv: 'Maķedonija' })).toBe('Maķedonija');
		expect(countryName('MK', 'en')).toBe('North Macedonia');
	});

	it('knows real codes from made-up ones', () => {
		expect(isCountryCode('BE')).toBe(true);
		expect(isCountryCode('QQ')).toBe(false);
		expect(isCountryCode('be')).toBe(false);
	});
});
