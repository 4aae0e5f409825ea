import { describe, expect, it } from 'vitest';
import { classifyRecord, type ClassifyRules, type Outcome } from './classify';
import type { ImportKind } from './fields';
import { matchColumns } from './headers';

const LEDGER_HEADER =
	'Datums;Dok. Nr.;Partneris;Apraksts;EKK;Summa EUR;Projekts;Pasākums;Finansējums';
const TRAVEL_HEADER = 'Vārds, uzvārds;Amats;Pasākums;Pilsēta;Valsts;No;Līdz;Rīkojuma Nr.;Statuss';

function rulesFor(
	kind: ImportKind,
	header: string,
	overrides: Partial<ClassifyRules> = {}
): ClassifyRules {
	const cells = header.split(';');
	const match = matchColumns(kind, cells);
	if (!match.ok) throw new Error(JSON.stringify(match.problems));
	return {
		kind,
		columns: match.columns,
		width: cells.length,
		decimal: 'comma',
		dateOrder: null,
		today: '2026-11-24',
		project: {
			code: 'SOLID',
			currency: 'EUR',
			events: [
				{ number: 1, country: 'BE', month: '2018-03' },
				{ number: 2, country: 'BG', month: '2018-06' },
				{ number: 5, country: 'BE', month: '2019-09' }
			]
		},
		values: {},
		...overrides
	};
}

const ledger = rulesFor('expenses', LEDGER_HEADER);
const travel = rulesFor('participation', TRAVEL_HEADER);
const expense = (line: string, rules = ledger, at = 2) =>
	classifyRecord(line.split(';'), at, rules);
const trip = (line: string, rules = travel, at = 2) => classifyRecord(line.split(';'), at, rules);

function problemsOf(outcome: Outcome) {
	if (outcome.outcome !== 'rejected')
		throw new Error(`expected a rejection, got ${outcome.outcome}`);
	return outcome.problems.map((p) => `${p.field}:${p.code}`);
}

describe('classifyRecord for expenses', () => {
	it('accepts a line of the sample ledger with its event and funding source', () => {
		const outcome = expense(
			'27.02.2018;AB-118273;airBaltic Corporation AS;Aviobiļetes Rīga–Brisele–Rīga, 3 pers.;2122;426,90;SOLID;1;ES',
			ledger,
			2
		);
		expect(outcome).toMatchObject({
			outcome: 'accepted',
			kind: 'expenses',
			line: 2,
			amountCents: 42690,
			record: {
				date: '2018-02-27',
				amountCents: 42690,
				currency: 'EUR',
				documentNumber: 'AB-118273',
				payee: 'airBaltic Corporation AS',
				description: 'Aviobiļetes Rīga–Brisele–Rīga, 3 pers.',
				category: '2122',
				eventNumber: 1,
				fundingSource: 'eu'
			},
			event: { event: 1, how: 'reference' }
		});
	});

	it('gives an accepted line an identity made of what the source says, trimmed', () => {
		const a = expense('05.03.2018;DR-0412;SIA Latgales druka;Druka;2311;38,50;SOLID;;Pašvaldība');
		const b = expense(
			' 05.03.2018 ; DR-0412;SIA  Latgales druka ;Druka;2311;38,50;SOLID;;Pašvaldība',
			ledger,
			9
		);
		expect(a.outcome === 'accepted' && b.outcome === 'accepted').toBe(true);
		if (a.outcome !== 'accepted' || b.outcome !== 'accepted') return;
		expect(a.identity).toBe(b.identity);
		expect(a.identity.split('\u001f')).toEqual([
			'2018-03-05',
			'3850',
			'EUR',
			'DR-0412',
			'SIA Latgales druka',
			'Druka',
			'2311',
			'',
			'Pašvaldība',
			''
		]);
	});

	it('gives lines that differ in any field different identities', () => {
		const identity = (line: string) => {
			const outcome = expense(line);
			return outcome.outcome === 'accepted' ? outcome.identity : null;
		};
		const base = identity('05.03.2018;DR-0412;Druka;Druka;2311;38,50;SOLID;;');
		expect(base).not.toBeNull();
		expect(identity('05.03.2018;DR-0413;Druka;Druka;2311;38,50;SOLID;;')).not.toBe(base);
		expect(identity('05.03.2018;DR-0412;Druka;Druka;2311;38,51;SOLID;;')).not.toBe(base);
		expect(identity('05.03.2018;DR-0412;Druka;Druka;2311;38,50;SOLID;1;')).not.toBe(base);
	});

	it('does not let an event set by hand change the identity', () => {
		const line = '05.03.2018;DR-0412;Druka;Druka;2311;38,50;SOLID;;';
		const byHand = rulesFor('expenses', LEDGER_HEADER, { assignments: new Map([[4, 2]]) });
		const plain = expense(line, ledger, 4);
		const assigned = expense(line, byHand, 4);
		expect(assigned).toMatchObject({
			record: { eventNumber: 2 },
			event: { event: 2, how: 'by-hand' }
		});
		expect(plain).toMatchObject({ record: { eventNumber: null }, event: { how: 'none' } });
		expect(
			assigned.outcome === 'accepted' && plain.outcome === 'accepted' && assigned.identity
		).toBe(plain.outcome === 'accepted' && plain.identity);
	});

	it('lets a line be set to no event by hand', () => {
		const rules = rulesFor('expenses', LEDGER_HEADER, { assignments: new Map([[3, null]]) });
		expect(expense('27.02.2018;X;Y;Z;2122;1,00;SOLID;1;ES', rules, 3)).toMatchObject({
			record: { eventNumber: null },
			event: { event: null, how: 'by-hand' }
		});
	});

	it('sets a blank line aside', () => {
		expect(classifyRecord([''], 7, ledger)).toEqual({
			outcome: 'set-aside',
			line: 7,
			amountCents: null,
			reason: 'blank',
			detail: ''
		});
		expect(expense(' ; ;\u00a0;;;;;;', ledger, 8)).toMatchObject({
			outcome: 'set-aside',
			reason: 'blank'
		});
	});

	it('sets a totals line "Kopā" aside, keeping its amount out of the file total', () => {
		expect(expense(';;;Kopā:;;4 184,70;;;', ledger, 35)).toEqual({
			outcome: 'set-aside',
			line: 35,
			amountCents: 418470,
			reason: 'totals',
			detail: ''
		});
	});

	it.each(['KOPĀ', 'Kopsumma', 'Pavisam', 'Total', 'Grand total', 'Subtotal', 'Итого', 'ИТОГО:'])(
		'knows %j as a totals word',
		(word) => {
			expect(expense(`;;;${word};;100,00;;;`)).toMatchObject({
				outcome: 'set-aside',
				reason: 'totals'
			});
		}
	);

	it('sets a line holding only numbers and no date aside as a sum the export added', () => {
		expect(expense(';;;;;4 184,70;;;')).toMatchObject({
			outcome: 'set-aside',
			reason: 'totals',
			amountCents: 418470
		});
	});

	it('takes a totals word for a description when the line has a date', () => {
		expect(expense('27.02.2018;X;Y;Total care;2122;1,00;SOLID;;')).toMatchObject({
			outcome: 'accepted',
			record: { description: 'Total care' }
		});
	});

	it('does not take a word that only starts like a totals word for one', () => {
		expect(problemsOf(expense(';;;Summary;;1,00;SOLID;;'))).toEqual(['date:required']);
		expect(problemsOf(expense(';;;Kopāšana;;1,00;SOLID;;'))).toEqual(['date:required']);
	});

	it("sets another project's row aside, naming that project", () => {
		expect(expense('27.02.2018;X;Y;Z;2122;12,00;CULTURE;1;ES', ledger, 5)).toEqual({
			outcome: 'set-aside',
			line: 5,
			amountCents: 1200,
			reason: 'other-project',
			detail: 'CULTURE'
		});
	});

	it("takes the project's code whatever its case, and the other names a profile gives it", () => {
		expect(expense('27.02.2018;X;Y;Z;2122;12,00;solid;;')).toMatchObject({ outcome: 'accepted' });
		const rules = rulesFor('expenses', LEDGER_HEADER, { values: { projectCode: ['P-2018-07'] } });
		expect(expense('27.02.2018;X;Y;Z;2122;12,00;P-2018-07;;', rules)).toMatchObject({
			outcome: 'accepted'
		});
	});

	it('rejects a ragged row with more filled fields than the header has', () => {
		expect(expense('27.02.2018;X;Y;Z;2122;12,00;SOLID;;;extra', ledger, 6)).toEqual({
			outcome: 'rejected',
			line: 6,
			amountCents: null,
			problems: [{ field: null, code: 'field-count', value: '10', expected: '9' }]
		});
	});

	it("sets a row with an empty project code aside as not the project's", () => {
		expect(expense('27.02.2018;X;Y;Z;2122;12,00;;;')).toMatchObject({
			outcome: 'set-aside',
			reason: 'other-project',
			detail: ''
		});
	});

	it('rejects a ragged row with fewer fields than the header has', () => {
		expect(problemsOf(expense('27.02.2018;X;Y;Z;2122;12,00'))).toEqual(['null:field-count']);
	});

	it('takes a row whose extra fields are all empty', () => {
		expect(expense('27.02.2018;X;Y;Z;2122;12,00;SOLID;;;;')).toMatchObject({ outcome: 'accepted' });
	});

	it('rejects an expense dated after today', () => {
		const outcome = expense('25.11.2026;X;Y;Z;2122;12,00;SOLID;;');
		expect(outcome).toMatchObject({
			outcome: 'rejected',
			amountCents: 1200,
			problems: [{ field: 'date', code: 'date-future', value: '25.11.2026' }]
		});
		expect(expense('24.11.2026;X;Y;Z;2122;12,00;SOLID;;')).toMatchObject({ outcome: 'accepted' });
	});

	it('rejects a line without a date or an amount', () => {
		expect(problemsOf(expense(';X;Y;Z;2122;12,00;SOLID;;'))).toEqual(['date:required']);
		expect(problemsOf(expense('27.02.2018;X;Y;Z;2122;;SOLID;;'))).toEqual(['amount:required']);
	});

	it('names every problem of a line at once, and keeps a readable amount for the totals', () => {
		const outcome = expense('31.02.2018;X;Y;Z;2122;12,00;SOLID;nav;Valsts');
		expect(problemsOf(outcome)).toEqual([
			'date:date-no-such-day',
			'fundingSource:funding-unknown',
			'event:event-invalid'
		]);
		expect(outcome.amountCents).toBe(1200);
	});

	it.each([
		['12,345', 'amount-decimals'],
		['divpadsmit', 'amount-invalid'],
		['1 000 000 000 000,00', 'amount-too-large']
	])('rejects the amount %j as %s', (amount, code) => {
		expect(expense(`27.02.2018;X;Y;Z;2122;${amount};SOLID;;`)).toMatchObject({
			outcome: 'rejected',
			amountCents: null,
			problems: [{ field: 'amount', code, value: amount }]
		});
	});

	it('rejects an ambiguous slash date unless the column order is known', () => {
		expect(problemsOf(expense('03/04/2018;X;Y;Z;2122;1,00;SOLID;;'))).toEqual([
			'date:date-ambiguous'
		]);
		const dmy = rulesFor('expenses', LEDGER_HEADER, { dateOrder: 'dmy' });
		expect(expense('03/04/2018;X;Y;Z;2122;1,00;SOLID;;', dmy)).toMatchObject({
			record: { date: '2018-04-03' }
		});
	});

	it('reads amounts with the decimal mark of the rules', () => {
		const point = rulesFor('expenses', LEDGER_HEADER, { decimal: 'point' });
		expect(expense('27.02.2018;X;Y;Z;2122;1,234.50;SOLID;;', point)).toMatchObject({
			record: { amountCents: 123450 }
		});
	});

	it('takes the currency as written, "€", or the project currency when there is no column', () => {
		const rules = rulesFor('expenses', 'Datums;Summa;Valūta');
		expect(classifyRecord(['27.02.2018', '1,00', 'eur'], 2, rules)).toMatchObject({
			record: { currency: 'EUR' }
		});
		expect(classifyRecord(['27.02.2018', '1,00', '€'], 2, rules)).toMatchObject({
			record: { currency: 'EUR' }
		});
		expect(classifyRecord(['27.02.2018', '1,00', ''], 2, rules)).toMatchObject({
			record: { currency: 'EUR' }
		});
		expect(classifyRecord(['27.02.2018', '1,00', 'USD'], 2, rules)).toMatchObject({
			outcome: 'rejected',
			problems: [{ field: 'currency', code: 'currency-other', value: 'USD', expected: 'EUR' }]
		});
	});

	it('finds the event of an expense by its country and month when it names none', () => {
		const rules = rulesFor('expenses', 'Datums;Summa;Valsts');
		expect(classifyRecord(['20.09.2019', '70,00', 'Beļģija'], 2, rules)).toMatchObject({
			record: { eventNumber: 5 },
			event: { event: 5, how: 'country-and-date' }
		});
		expect(classifyRecord(['20.09.2019', '70,00', 'Atlantīda'], 2, rules)).toMatchObject({
			outcome: 'rejected',
			problems: [{ field: 'country', code: 'country-unknown', value: 'Atlantīda' }]
		});
	});

	it('accepts an expense naming an event the project lacks, listing it as unmatched', () => {
		expect(expense('27.02.2018;X;Y;Z;2122;1,00;SOLID;9;')).toMatchObject({
			outcome: 'accepted',
			record: { eventNumber: null },
			event: { event: null, how: 'unmatched', problem: 'unknown-event' }
		});
	});

	it('rejects a text field longer than an export would hold', () => {
		const long = 'x'.repeat(2001);
		const outcome = expense(`27.02.2018;X;Y;${long};2122;1,00;SOLID;;`);
		expect(outcome).toMatchObject({
			outcome: 'rejected',
			problems: [{ field: 'description', code: 'too-long', value: 'x'.repeat(80) }]
		});
	});
});

describe('classifyRecord for travel orders', () => {
	it('accepts a line of the sample travel orders', () => {
		const outcome = trip(
			'Inese Kalniņa;Sabiedrisko attiecību speciāliste;1;Jette;Beļģija;13.03.2018;15.03.2018;R-2018/31;Notika'
		);
		expect(outcome).toMatchObject({
			outcome: 'accepted',
			kind: 'participation',
			amountCents: null,
			record: {
				person: 'Inese Kalniņa',
				position: 'Sabiedrisko attiecību speciāliste',
				eventNumber: 1,
				city: 'Jette',
				country: 'BE',
				departure: '2018-03-13',
				returnDate: '2018-03-15',
				orderNumber: 'R-2018/31',
				status: 'done'
			},
			event: { event: 1, how: 'reference' }
		});
	});

	it('reads a cancelled trip', () => {
		expect(
			trip('Olga Ivanova;;2;Sofija;Bulgārija;18.06.2018;21.06.2018;R-2018/74;Atcelts')
		).toMatchObject({
			record: { status: 'cancelled' }
		});
	});

	it('identifies a trip by person, case and diacritics aside, order number and departure', () => {
		const a = trip('Jānis Bērziņš;Vadītājs;1;Jette;Beļģija;13.03.2018;15.03.2018;R-2018/31;Notika');
		const b = trip('JANIS BERZINS;;;;;2018-03-13;;R-2018/31;Atcelts');
		expect(a.outcome === 'accepted' && b.outcome === 'accepted').toBe(true);
		if (a.outcome !== 'accepted' || b.outcome !== 'accepted') return;
		expect(a.identity).toBe(b.identity);
	});

	it('places a trip without an event by its country and dates', () => {
		expect(trip('Anna;;;Jette;BE;24.09.2019;25.09.2019;R-1;Notika')).toMatchObject({
			event: { event: 5, how: 'country-and-date' }
		});
	});

	it('lists a trip that names no event and no country as unmatched, since every trip is for one', () => {
		expect(trip('Anna;;;;;24.09.2019;25.09.2019;R-1;Notika')).toMatchObject({
			outcome: 'accepted',
			event: { event: null, how: 'unmatched', problem: 'no-event-fits' }
		});
	});

	it('rejects a trip without a person or a departure', () => {
		expect(problemsOf(trip(';;1;Jette;BE;13.03.2018;;R-1;Notika'))).toEqual(['person:required']);
		expect(problemsOf(trip('Anna;;1;Jette;BE;;15.03.2018;R-1;Notika'))).toEqual([
			'departure:required'
		]);
	});

	it('rejects a return before the departure', () => {
		expect(trip('Anna;;1;Jette;BE;15.03.2018;13.03.2018;R-1;Notika')).toMatchObject({
			outcome: 'rejected',
			problems: [{ field: 'return', code: 'return-before-departure', value: '13.03.2018' }]
		});
	});

	it('rejects a status it cannot read, but takes a trip without a status column as done', () => {
		expect(problemsOf(trip('Anna;;1;Jette;BE;13.03.2018;;R-1;Plānots'))).toEqual([
			'status:status-unknown'
		]);
		const rules = rulesFor('participation', 'Vārds;No');
		expect(classifyRecord(['Anna', '13.03.2018'], 2, rules)).toMatchObject({
			outcome: 'accepted',
			record: { status: 'done', returnDate: null, country: null }
		});
	});

	it('takes the status words a profile gives', () => {
		const rules = rulesFor('participation', TRAVEL_HEADER, {
			values: { status: { Realizēts: 'done' } }
		});
		expect(trip('Anna;;1;Jette;BE;13.03.2018;;R-1;Realizēts', rules)).toMatchObject({
			record: { status: 'done' }
		});
	});

	it('does not take a future departure for a problem, since trips are planned ahead', () => {
		expect(trip('Anna;;1;Jette;BE;13.03.2030;;R-1;Notika')).toMatchObject({ outcome: 'accepted' });
	});

	it('sets a totals line of the travel orders aside, but not a line of numbers only', () => {
		expect(trip('Kopā: 15;;;;;;;;')).toMatchObject({ outcome: 'set-aside', reason: 'totals' });
		expect(trip(';;1;;;;;;')).toMatchObject({ outcome: 'rejected' });
	});
});

describe('a totals line is told from a record', () => {
	const rules = (): ClassifyRules => ({
		kind: 'expenses',
		columns: { date: 0, documentNumber: 1, payee: 2, amount: 3 },
		width: 4,
		decimal: 'comma',
		dateOrder: null,
		today: '2026-11-24',
		project: { code: 'SOLID', currency: 'EUR', events: [] },
		values: {}
	});

	it('keeps a dateless row of a payee called “Total …” as a rejected record, not a total', () => {
		const outcome = classifyRecord(['', 'TE-1', 'Total Energies SA', '12,00'], 2, rules());
		expect(outcome).toMatchObject({
			outcome: 'rejected',
			problems: [{ field: 'date', code: 'required' }]
		});
	});

	it('sets aside “Kopā” with its sum, wherever in the line the word leads', () => {
		expect(classifyRecord(['', '', 'Kopā:', '1 234,50'], 9, rules())).toMatchObject({
			outcome: 'set-aside',
			reason: 'totals',
			amountCents: 123450
		});
	});

	it('does not take a dateless row with a document number and an amount for a sum', () => {
		expect(classifyRecord(['', '12345', '', '12,00'], 3, rules()).outcome).toBe('rejected');
	});
});
