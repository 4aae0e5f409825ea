import { describe, expect, it } from 'vitest';
import { classifyRecord, type ClassifyRules, type Outcome } from './classify';
import type { ImportKind } from './fields';
import { matchColumns } from './headers';
import { centsOfNumber, numberText, type SourceRecord, type TypedCell } from './typed-cells';

const LEDGER = 'Datums;Dok. Nr.;Partneris;Apraksts;EKK;Summa EUR;Projekts;Pasākums;Finansējums';
const TRAVEL = 'Vārds, uzvārds;Amats;Pasākums;Pilsēta;Valsts;No;Līdz;Rīkojuma Nr.;Statuss';

function rulesFor(kind: ImportKind, header: string, decimal: 'comma' | 'point'): ClassifyRules {
	const cells = header.split(';');
	const match = matchColumns(kind, cells);
	if (!match.ok) throw new Error(JSON.stringify(match.problems));
	return {
		kind,
		columns: match.columns,
		width: cells.length,
		decimal,
		dateOrder: null,
		today: '2026-11-24',
		project: {
			code: 'SOLID',
			currency: 'EUR',
			events: [{ number: 1, country: 'BE', month: '2018-03' }]
		},
		values: {}
	};
}

/** A record as a workbook row gives it: text cells, and the typed ones by column. */
function sheetRow(text: string, typed: Record<number, TypedCell>): SourceRecord {
	const record: SourceRecord = text.split(';');
	const cells: (TypedCell | undefined)[] = [];
	for (const [column, cell] of Object.entries(typed)) cells[Number(column)] = cell;
	record.typed = cells;
	return record;
}
const num = (value: number): TypedCell => ({ kind: 'number', value });
const date = (iso: string): TypedCell => ({ kind: 'date', iso });

const accepted = (outcome: Outcome) => {
	if (outcome.outcome !== 'accepted') throw new Error(JSON.stringify(outcome));
	return outcome;
};

describe('classifyRecord with typed cells', () => {
	const comma = rulesFor('expenses', LEDGER, 'comma');
	const point = rulesFor('expenses', LEDGER, 'point');

	it('reads a number cell as its value, whatever the text cells’ decimal mark', () => {
		// "1.234" as text in a decimal-comma file is 1234 euro; as a number cell it is 1,234.
		const row = sheetRow('2018-03-05;D-1;SIA;Druka;2311;1234.5;SOLID;;ES', {
			0: date('2018-03-05'),
			5: num(1234.5)
		});
		expect(accepted(classifyRecord(row, 2, comma)).amountCents).toBe(123450);
		expect(accepted(classifyRecord(row, 2, point)).amountCents).toBe(123450);
		const text = '2018-03-05;D-1;SIA;Druka;2311;1.234;SOLID;;ES'.split(';');
		expect(accepted(classifyRecord(text, 2, comma)).amountCents).toBe(123400);
	});

	it('rejects a number cell with a third decimal that is not zero, and one that is no number', () => {
		const row = sheetRow('2018-03-05;D-1;SIA;Druka;2311;1.234;SOLID;;ES', { 5: num(1.234) });
		const outcome = classifyRecord(row, 7, comma);
		expect(outcome).toMatchObject({
			outcome: 'rejected',
			problems: [{ field: 'amount', code: 'amount-decimals', value: '1.234' }]
		});
		expect(centsOfNumber(Number.NaN)).toEqual({ ok: false, problem: 'invalid' });
		expect(centsOfNumber(1e12)).toEqual({ ok: false, problem: 'too-large' });
		expect(centsOfNumber(-38.5)).toEqual({ ok: true, cents: -3850 });
		expect(centsOfNumber(0.1 + 0.2)).toEqual({ ok: true, cents: 30 });
	});

	it('reads a date cell as its day; a text date in the same column by the text rules', () => {
		const cell = sheetRow('2018-02-27;D-1;SIA;Druka;2311;10;SOLID;;ES', {
			0: date('2018-02-27'),
			5: num(10)
		});
		const text = sheetRow('27.02.2018;D-1;SIA;Druka;2311;10;SOLID;;ES', { 5: num(10) });
		expect(accepted(classifyRecord(cell, 2, comma)).record).toMatchObject({ date: '2018-02-27' });
		expect(accepted(classifyRecord(text, 3, comma)).record).toMatchObject({ date: '2018-02-27' });
	});

	it('refuses a number cell in a date column: a serial day is no date unless Excel typed it', () => {
		const row = sheetRow('43158;D-1;SIA;Druka;2311;10;SOLID;;ES', { 0: num(43158), 5: num(10) });
		expect(classifyRecord(row, 2, comma)).toMatchObject({
			outcome: 'rejected',
			problems: [{ field: 'date', code: 'date-invalid', value: '43158' }]
		});
	});

	it('gives a workbook row the identity of the same CSV line', () => {
		const csv = '27.02.2018;AB-118273;airBaltic;Aviobiļetes;2122;426,90;SOLID;1;ES'.split(';');
		const row = sheetRow(
			`2018-02-27;AB-118273;airBaltic;Aviobiļetes;${numberText(2122)};${numberText(426.9)};SOLID;${numberText(1)};ES`,
			{ 0: date('2018-02-27'), 4: num(2122), 5: num(426.9), 7: num(1) }
		);
		const fromCsv = accepted(classifyRecord(csv, 2, comma));
		const fromSheet = accepted(classifyRecord(row, 2, comma));
		expect(fromSheet.identity).toBe(fromCsv.identity);
		expect(fromSheet.record).toEqual(fromCsv.record);
	});

	it('sets a row of number cells only aside as a totals line, with its amount', () => {
		const row = sheetRow(';;;;;476.1;;;', { 5: num(476.1) });
		expect(classifyRecord(row, 9, comma)).toMatchObject({
			outcome: 'set-aside',
			reason: 'totals',
			amountCents: 47610
		});
	});

	it('reads a trip’s date cells', () => {
		const rules = rulesFor('participation', TRAVEL, 'comma');
		const row = sheetRow('Inese Kalniņa;Speciāliste;1;Jette;BE;2018-03-13;2018-03-15;R-1;Notika', {
			5: date('2018-03-13'),
			6: date('2018-03-15')
		});
		expect(accepted(classifyRecord(row, 2, rules)).record).toMatchObject({
			departure: '2018-03-13',
			returnDate: '2018-03-15'
		});
	});
});

describe('numberText', () => {
	it('writes a number as its plain digits, never with an exponent or grouping', () => {
		expect(numberText(2122)).toBe('2122');
		expect(numberText(426.9)).toBe('426.9');
		expect(numberText(123456789012345)).toBe('123456789012345');
		expect(numberText(1e21)).toBe('1000000000000000000000');
		expect(numberText(-0.5)).toBe('-0.5');
		expect(numberText(1.5e-7)).toBe('0.00000015');
		expect(numberText(-2e-9)).toBe('-0.000000002');
	});
});
