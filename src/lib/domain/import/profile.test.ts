import { describe, expect, it } from 'vitest';
import { columnsFromPairs, mappingProfileSchema, profileColumns } from './profile';

describe('mappingProfileSchema', () => {
	it('accepts an empty profile, leaving everything to detection', () => {
		expect(mappingProfileSchema.parse({})).toEqual({});
	});

	it('accepts columns by header text or by 1-based number, and words for values', () => {
		const profile = {
			name: 'Grāmatvedība',
			kind: 'expenses',
			encoding: 'windows-1257',
			delimiter: ';',
			decimal: 'comma',
			dateOrder: 'dmy',
			columns: { date: 'Grāmatots', amount: 6 },
			values: {
				fundingSource: { Interreg: 'eu' },
				country: { Flandrija: 'BE' },
				projectCode: ['P-2018-07']
			}
		};
		expect(mappingProfileSchema.parse(profile)).toEqual(profile);
	});

	it.each([
		['a column number of 0', { columns: { date: 0 } }],
		['an empty column name', { columns: { date: '  ' } }],
		['a field cofund does not know', { columns: { colour: 'Krāsa' } }],
		['an encoding it cannot read', { encoding: 'utf-16' }],
		['a delimiter it does not parse', { delimiter: '|' }],
		['a country that is no ISO code', { values: { country: { Flandrija: 'Belgium' } } }],
		['a status it does not have', { values: { status: { Plānots: 'planned' } } }],
		['a key it does not know', { colour: 'red' }]
	])('refuses %s', (_, profile) => {
		expect(mappingProfileSchema.safeParse(profile).success).toBe(false);
	});
});

describe('profileColumns', () => {
	it('keeps only the columns of the kind being imported', () => {
		const profile = mappingProfileSchema.parse({
			columns: { date: 'Datums', amount: 3, person: 'Vārds', status: 9 }
		});
		expect(profileColumns(profile, 'expenses')).toEqual({ date: 'Datums', amount: 3 });
		expect(profileColumns(profile, 'participation')).toEqual({ person: 'Vārds', status: 9 });
	});

	it('gives no columns for a profile without any', () => {
		expect(profileColumns({}, 'expenses')).toEqual({});
	});
});

describe('columnsFromPairs', () => {
	it('reads field=header pairs, and #n as the n-th column', () => {
		expect(columnsFromPairs(['amount=Summa EUR', ' date = Grāmatots ', 'payee=#3'])).toEqual({
			amount: 'Summa EUR',
			date: 'Grāmatots',
			payee: 3
		});
	});

	it('keeps an equals sign that is part of the header', () => {
		expect(columnsFromPairs(['description=A=B'])).toEqual({ description: 'A=B' });
	});

	it('keeps a bare number as a header text, since headers may be numbers', () => {
		expect(columnsFromPairs(['amount=2018'])).toEqual({ amount: '2018' });
	});

	it('refuses a pair without a field name', () => {
		expect(() => columnsFromPairs(['=Summa'])).toThrow('=Summa');
		expect(() => columnsFromPairs(['Summa'])).toThrow('Summa');
	});
});
