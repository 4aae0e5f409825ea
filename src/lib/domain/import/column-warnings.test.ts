import { describe, expect, it } from 'vitest';
import { columnWarnings, fieldsToAcknowledge, unacknowledged } from './column-warnings';
import { matchColumns } from './headers';

const warningsFor = (kind: 'expenses' | 'participation', header: string[]) => {
	const match = matchColumns(kind, header);
	if (!match.ok) throw new Error(JSON.stringify(match.problems));
	return columnWarnings(kind, match.columns, match.ambiguous ?? []);
};

describe('columnWarnings', () => {
	it('says nothing is missing from the sample ledger but its currency, read as the project’s', () => {
		const header = ['Datums', 'Dok. Nr.', 'EKK', 'Summa EUR', 'Pasākums', 'Finansējums'];
		expect(warningsFor('expenses', header)).toEqual([
			{ code: 'missing-column', field: 'currency', acknowledge: false }
		]);
	});

	it('names every dashboard field of a ledger that has none of them, in a fixed order', () => {
		expect(warningsFor('expenses', ['Datums', 'Summa', 'Kods'])).toEqual([
			{ code: 'missing-column', field: 'category', acknowledge: true },
			{ code: 'missing-column', field: 'event', acknowledge: true },
			{ code: 'missing-column', field: 'fundingSource', acknowledge: true },
			{ code: 'missing-column', field: 'currency', acknowledge: false }
		]);
	});

	it('finds the code column under an abbreviated header, so nothing is asked about it', () => {
		const header = ['Datums', 'Summa', 'Ekon. klasif. kods', 'Pas. nr.', 'Fin. avots', 'Val.'];
		expect(warningsFor('expenses', header)).toEqual([]);
	});

	it('warns of an ambiguous column with the fields it could be', () => {
		const warnings = warningsFor('expenses', ['Datums', 'Summa', 'EKK', 'Coun.']);
		expect(warnings).toContainEqual({
			code: 'ambiguous-column',
			column: 4,
			header: 'Coun.',
			fields: ['payee', 'country']
		});
	});

	it('asks about the event of travel orders, and says every trip is done without a status', () => {
		expect(warningsFor('participation', ['Vārds, uzvārds', 'No', 'Līdz'])).toEqual([
			{ code: 'missing-column', field: 'event', acknowledge: true },
			{ code: 'missing-column', field: 'status', acknowledge: false }
		]);
	});
});

describe('acknowledging', () => {
	const warnings = warningsFor('expenses', ['Datums', 'Summa', 'Pasākums', 'Finansējums']);

	it('asks only for the fields the rows would have empty', () => {
		expect(fieldsToAcknowledge(warnings)).toEqual(['category']);
	});

	it('leaves nothing unacknowledged once the user names those fields', () => {
		expect(unacknowledged(warnings, [])).toEqual(['category']);
		expect(unacknowledged(warnings, ['event'])).toEqual(['category']);
		expect(unacknowledged(warnings, ['category'])).toEqual([]);
	});
});
