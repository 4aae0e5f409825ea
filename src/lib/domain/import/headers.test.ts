import { describe, expect, it } from 'vitest';
import { fieldForHeader, readHeader } from './fields';
import { fold, tidy } from './fold';
import { ABBREVIATED_COLUMNS, matchColumns } from './headers';

/** The header rows of static/samples/solid/ledger.csv and travel.csv. */
const LEDGER = [
	'Datums',
	'Dok. Nr.',
	'Partneris',
	'Apraksts',
	'EKK',
	'Summa EUR',
	'Projekts',
	'Pasākums',
	'Finansējums'
];
const TRAVEL = [
	'Vārds, uzvārds',
	'Amats',
	'Pasākums',
	'Pilsēta',
	'Valsts',
	'No',
	'Līdz',
	'Rīkojuma Nr.',
	'Statuss'
];

describe('fold and tidy', () => {
	it('folds away case, diacritics and punctuation', () => {
		expect(fold('Dok. Nr.')).toBe('dok nr');
		expect(fold('Vārds, uzvārds')).toBe('vards uzvards');
		expect(fold('  Summa (EUR) ')).toBe('summa eur');
		expect(fold('ĶĒĶIS')).toBe('kekis');
	});

	it('tidies runs of spaces, NBSP and narrow NBSP but keeps case and diacritics', () => {
		expect(tidy('  Jānis\u00a0\u00a0Bērziņš\u202f\t')).toBe('Jānis Bērziņš');
	});
});

describe('fieldForHeader', () => {
	it.each([
		['Datums', 'date'],
		['DATUMS', 'date'],
		['datums', 'date'],
		['Summa EUR', 'amount'],
		['Summa, EUR', 'amount'],
		['SUMMA (EUR)', 'amount'],
		['Dok. Nr.', 'documentNumber'],
		['Finansējums', 'fundingSource'],
		['FINANSEJUMS', 'fundingSource'],
		['Pasakums', 'event'],
		['Posting date', 'date'],
		['Amount EUR', 'amount'],
		['Invoice no.', 'documentNumber'],
		['Supplier', 'payee'],
		['Funding source', 'fundingSource']
	])('knows the expense header %j as %s', (header, field) => {
		expect(fieldForHeader('expenses', header)).toBe(field);
	});

	it.each([
		['Vārds, uzvārds', 'person'],
		['VĀRDS UZVĀRDS', 'person'],
		['Rīkojuma Nr.', 'orderNumber'],
		['Līdz', 'return'],
		['lidz', 'return'],
		['No', 'departure'],
		['Statuss', 'status'],
		['Full name', 'person'],
		['Departure date', 'departure'],
		['Return date', 'return'],
		['Travel order no.', 'orderNumber'],
		['Destination country', 'country']
	])('knows the travel header %j as %s', (header, field) => {
		expect(fieldForHeader('participation', header)).toBe(field);
	});

	it('knows a header only for the kind of export that has it', () => {
		expect(fieldForHeader('participation', 'Summa EUR')).toBeUndefined();
		expect(fieldForHeader('expenses', 'Rīkojuma Nr.')).toBeUndefined();
	});

	it('does not know headers it has never seen', () => {
		expect(fieldForHeader('expenses', 'Piezīmes')).toBeUndefined();
		expect(fieldForHeader('expenses', '')).toBeUndefined();
	});
});

describe('matchColumns', () => {
	it('maps every column of the sample ledger', () => {
		expect(matchColumns('expenses', LEDGER)).toEqual({
			ok: true,
			columns: {
				date: 0,
				documentNumber: 1,
				payee: 2,
				description: 3,
				category: 4,
				amount: 5,
				projectCode: 6,
				event: 7,
				fundingSource: 8
			},
			ignored: []
		});
	});

	it('maps every column of the sample travel orders', () => {
		expect(matchColumns('participation', TRAVEL)).toEqual({
			ok: true,
			columns: {
				person: 0,
				position: 1,
				event: 2,
				city: 3,
				country: 4,
				departure: 5,
				return: 6,
				orderNumber: 7,
				status: 8
			},
			ignored: []
		});
	});

	it('maps an English ledger whatever its case', () => {
		const result = matchColumns('expenses', ['POSTING DATE', 'amount', 'Currency', 'Payee']);
		expect(result).toMatchObject({
			ok: true,
			columns: { date: 0, amount: 1, currency: 2, payee: 3 }
		});
	});

	it('lists the headers it does not know as ignored, tidied, leaving out empty ones', () => {
		const result = matchColumns('expenses', ['Datums', '  Piezīmes  ', '', 'Summa']);
		expect(result).toEqual({ ok: true, columns: { date: 0, amount: 3 }, ignored: ['Piezīmes'] });
	});

	it('refuses a header where two columns mean the same field, naming both columns', () => {
		expect(matchColumns('expenses', ['Datums', 'Summa', 'Summa EUR'])).toEqual({
			ok: false,
			problems: [{ code: 'duplicate-column', field: 'amount', header: 'Summa', columns: [2, 3] }]
		});
	});

	it('refuses a header without a required field, listing the headers it saw', () => {
		expect(matchColumns('expenses', ['Datums', 'Apraksts'])).toEqual({
			ok: false,
			problems: [{ code: 'missing-field', field: 'amount', headers: ['Datums', 'Apraksts'] }]
		});
		const travel = matchColumns('participation', ['Amats', 'Valsts']);
		expect(
			travel.ok ? [] : travel.problems.map((p) => p.code === 'missing-field' && p.field)
		).toEqual(['person', 'departure']);
	});

	it('says there is no header when the row is empty', () => {
		expect(matchColumns('expenses', ['', ' ', '\u00a0'])).toEqual({
			ok: false,
			problems: [{ code: 'no-header' }]
		});
	});

	it('takes a column a profile names by its header text', () => {
		const header = ['Grāmatots', 'Summa ar PVN', 'Apraksts'];
		expect(matchColumns('expenses', header).ok).toBe(false);
		expect(matchColumns('expenses', header, { date: 'Grāmatots', amount: 'Summa ar PVN' })).toEqual(
			{
				ok: true,
				columns: { date: 0, amount: 1, description: 2 },
				ignored: []
			}
		);
	});

	it('finds a profile header by its folded text when the case or diacritics differ', () => {
		const result = matchColumns('expenses', ['GRAMATOTS', 'Summa'], { date: 'Grāmatots' });
		expect(result).toMatchObject({ ok: true, columns: { date: 0, amount: 1 } });
	});

	it('takes a column a profile names by its 1-based number', () => {
		const result = matchColumns('expenses', ['A', 'B', 'C'], { date: 1, amount: 3 });
		expect(result).toEqual({ ok: true, columns: { date: 0, amount: 2 }, ignored: ['B'] });
	});

	it('lets a profile settle two columns that share a header, by number', () => {
		const header = ['Datums', 'Summa', 'Summa'];
		expect(matchColumns('expenses', header, { amount: 'Summa' })).toMatchObject({
			ok: false,
			problems: [{ code: 'duplicate-column', field: 'amount', columns: [2, 3] }]
		});
		expect(matchColumns('expenses', header, { amount: 3 })).toEqual({
			ok: true,
			columns: { date: 0, amount: 2 },
			ignored: ['Summa']
		});
	});

	it('lets a profile move a field away from the column that its header names', () => {
		const result = matchColumns('expenses', ['Datums', 'Summa', 'Summa EUR'], {
			amount: 'Summa EUR'
		});
		expect(result).toEqual({ ok: true, columns: { date: 0, amount: 2 }, ignored: ['Summa'] });
	});

	it('says which mapped column is absent, by name or by a number past the last column', () => {
		expect(matchColumns('expenses', ['Datums', 'Summa'], { payee: 'Saņēmējs', amount: 5 })).toEqual(
			{
				ok: false,
				problems: [
					{ code: 'mapped-column-absent', field: 'amount', column: 5 },
					{ code: 'mapped-column-absent', field: 'payee', column: 'Saņēmējs' }
				]
			}
		);
	});

	it('reports an absent required column once, as absent rather than also missing', () => {
		const result = matchColumns('expenses', ['Datums', 'Summa'], { amount: 'Total' });
		expect(result.ok ? [] : result.problems).toEqual([
			{ code: 'mapped-column-absent', field: 'amount', column: 'Total' }
		]);
	});

	it('ignores profile columns for fields the kind does not have', () => {
		const result = matchColumns('expenses', ['Datums', 'Summa', 'Statuss'], { status: 3 });
		expect(result).toEqual({ ok: true, columns: { date: 0, amount: 1 }, ignored: ['Statuss'] });
	});
});

describe('headers written with abbreviations', () => {
	it.each([
		['Budž. klasif. kods', 'category'],
		['Ekon. klasif. kods', 'category'],
		['Ek. klas. kods', 'category'],
		['Budž.klasif.kods', 'category'],
		['BUDŽ. KLASIF. KODS', 'category'],
		['budz. klasif. kods', 'category'],
		['Klasif. kods', 'category'],
		['Econ. class. code', 'category'],
		['Budget class.', 'category'],
		['Dok.nr.', 'documentNumber'],
		['Dok.', 'documentNumber'],
		['Dok. num.', 'documentNumber'],
		['Doc. No.', 'documentNumber'],
		['Rēķ. nr.', 'documentNumber'],
		['Dok. dat.', 'date'],
		['Maks. saņ.', 'payee'],
		['Fin. avots', 'fundingSource'],
		['Pas. nr.', 'event'],
		['Val.', 'currency']
	])('reads %j as %s', (header, field) => {
		expect(fieldForHeader('expenses', header)).toBe(field);
	});

	it.each([
		['Sāk. dat.', 'departure'],
		['Atgr. datums', 'return'],
		['Rīk. nr.', 'orderNumber'],
		['V., uzv.', 'person'],
		['No.', 'departure']
	])('reads the travel header %j as %s', (header, field) => {
		expect(fieldForHeader('participation', header)).toBe(field);
	});

	it.each([
		['Rēķina No.', 'documentNumber'],
		['Dokumenta numurs', 'documentNumber'],
		['Invoice Nr.', 'documentNumber'],
		['Dok. num.', 'documentNumber'],
		['Pasākuma No.', 'event'],
		['Event number', 'event']
	])('reads the number word of %j as any other', (header, field) => {
		expect(fieldForHeader('expenses', header)).toBe(field);
	});

	it('keeps "no" after a date as "from" in travel orders, not as a number', () => {
		expect(fieldForHeader('participation', 'Datums no')).toBe('departure');
		expect(fieldForHeader('participation', 'Rīkojuma No.')).toBe('orderNumber');
		expect(fieldForHeader('participation', 'Datums nr')).toBeUndefined();
	});

	it('takes a word without a dot as itself only, not as the start of a longer word', () => {
		expect(fieldForHeader('expenses', 'Klasif kods')).toBeUndefined();
		expect(fieldForHeader('expenses', 'Dok')).toBeUndefined();
	});

	it('neither drops nor adds words', () => {
		expect(fieldForHeader('expenses', 'Klasif.')).toBe('category');
		expect(fieldForHeader('expenses', 'Budž. klasif. kods 2')).toBeUndefined();
		expect(fieldForHeader('expenses', 'Ekon. kods klasif.')).toBeUndefined();
	});

	it('reads a known name as written before its abbreviations: "Val." is "val", the currency', () => {
		expect(readHeader('expenses', 'Val.')).toEqual({ fields: ['currency'], from: 'whole' });
		expect(readHeader('expenses', 'Vals.')).toEqual({ fields: ['country'], from: 'whole' });
	});

	it('keeps an abbreviation that fits names of several fields ambiguous, naming them', () => {
		expect(readHeader('expenses', 'Coun.').fields.sort()).toEqual(['country', 'payee']);
		expect(readHeader('expenses', 'D.').fields.sort()).toEqual([
			'amount',
			'date',
			'description',
			'documentNumber'
		]);
		expect(fieldForHeader('expenses', 'Coun.')).toBeUndefined();
	});

	it('reads the names in brackets and on either side of a slash', () => {
		expect(readHeader('expenses', 'Kods (EKK)')).toEqual({ fields: ['category'], from: 'whole' });
		expect(readHeader('expenses', 'Klasifikators (EKK)')).toEqual({
			fields: ['category'],
			from: 'part'
		});
		expect(fieldForHeader('expenses', 'Ekonomiskās klasifikācijas kods (EKK)')).toBe('category');
		expect(fieldForHeader('expenses', 'Datums / Date')).toBe('date');
		expect(fieldForHeader('expenses', 'Dok./rēķ. nr.')).toBe('documentNumber');
		expect(fieldForHeader('expenses', 'Summa (ar PVN)')).toBe('amount');
		expect(readHeader('expenses', 'Datums/Summa').fields.sort()).toEqual(['amount', 'date']);
	});
});

describe('the classification code', () => {
	it.each([
		'EKK',
		'EKK kods',
		'Ekonomiskās klasifikācijas kods',
		'EKONOMISKĀS KLASIFIKĀCIJAS KODS',
		'ekonomiskas klasifikacijas kods',
		'Ekonomiskā klasifikācija',
		'Budžeta klasifikācijas kods',
		'Budžeta klasifikācija',
		'Klasifikācijas kods',
		'Economic classification code',
		'Economic classification',
		'Budget classification',
		'Budget classification code',
		'Budget code',
		'Classification code',
		'Account code'
	])('is known under %j', (header) => {
		expect(fieldForHeader('expenses', header)).toBe('category');
	});
});

describe('matchColumns with abbreviated and ambiguous headers', () => {
	it('maps a ledger whose code column is headed with abbreviations', () => {
		const header = ['Dok. dat.', 'Dok.nr.', 'Budž. klasif. kods', 'Summa EUR'];
		expect(matchColumns('expenses', header)).toEqual({
			ok: true,
			columns: { date: 0, documentNumber: 1, category: 2, amount: 3 },
			ignored: []
		});
	});

	it('reads an ambiguous column as no field, and says which fields it could be', () => {
		expect(matchColumns('expenses', ['Datums', 'Summa', 'Coun.'])).toEqual({
			ok: true,
			columns: { date: 0, amount: 1 },
			ignored: ['Coun.'],
			ambiguous: [{ column: 3, header: 'Coun.', fields: ['payee', 'country'] }]
		});
	});

	it('names the ambiguous column beside the required field it leaves missing', () => {
		const result = matchColumns('expenses', ['D.', 'Summa']);
		expect(result.ok ? [] : result.problems.map((p) => p.code)).toEqual([
			'missing-field',
			'ambiguous-column'
		]);
	});

	it('lets a profile settle an ambiguous column by its number', () => {
		expect(matchColumns('expenses', ['D.', 'Summa'], { date: 1 })).toEqual({
			ok: true,
			columns: { date: 0, amount: 1 },
			ignored: []
		});
	});

	it('takes a field from a whole header before another column’s bracket', () => {
		expect(matchColumns('expenses', ['Datums', 'Summa', 'Summa (ar PVN)'])).toEqual({
			ok: true,
			columns: { date: 0, amount: 1 },
			ignored: ['Summa (ar PVN)']
		});
	});
});

describe('a very wide header', () => {
	it('reads abbreviations in the first columns, and only exact names past them', () => {
		const filler = Array.from({ length: ABBREVIATED_COLUMNS }, (_, i) => `x${i}`);
		const result = matchColumns('expenses', [...filler, 'Datums', 'Summa', 'Budž. klasif. kods']);
		expect(result).toMatchObject({
			ok: true,
			columns: { date: ABBREVIATED_COLUMNS, amount: ABBREVIATED_COLUMNS + 1 }
		});
		expect(result.ok && result.columns.category).toBeUndefined();
		const near = matchColumns('expenses', ['Datums', 'Summa', 'Budž. klasif. kods']);
		expect(near).toMatchObject({ ok: true, columns: { category: 2 } });
	});
});
