import { describe, expect, it } from 'vitest';
import type { ExpenseRecord, Outcome, ParticipationRecord } from './classify';
import type { EventMatch } from './events';
import {
	LISTED_ROWS,
	checkBalance,
	countOutcome,
	emptyReport,
	setAsideDuplicate,
	type ImportReport
} from './report';

type Accepted = Extract<Outcome, { outcome: 'accepted' }>;

const expenseRecord = (amountCents: number): ExpenseRecord => ({
	date: '2018-03-05',
	amountCents,
	currency: 'EUR',
	documentNumber: 'DR-0412',
	payee: 'SIA Latgales druka',
	description: 'Druka',
	category: '2311',
	eventNumber: null,
	fundingSource: null
});

function accepted(
	line: number,
	cents: number,
	event: EventMatch = { event: 1, how: 'reference' }
): Accepted {
	return {
		outcome: 'accepted',
		kind: 'expenses',
		line,
		amountCents: cents,
		record: expenseRecord(cents),
		identity: `row ${line}`,
		eventRef: '',
		event
	};
}

function tripOutcome(line: number, status: ParticipationRecord['status']): Accepted {
	return {
		outcome: 'accepted',
		kind: 'participation',
		line,
		amountCents: null,
		record: {
			person: 'Inese Kalniņa',
			position: '',
			eventNumber: 1,
			city: 'Jette',
			country: 'BE',
			departure: '2018-03-13',
			returnDate: '2018-03-15',
			orderNumber: `R-${line}`,
			status
		},
		identity: `trip ${line}`,
		eventRef: '',
		event: { event: 1, how: 'reference' }
	};
}

const rejected = (line: number, cents: number | null): Outcome => ({
	outcome: 'rejected',
	line,
	amountCents: cents,
	problems: [{ field: 'date', code: 'date-invalid', value: 'vakar' }]
});

const setAside = (
	line: number,
	reason: 'blank' | 'totals' | 'other-project',
	cents: number | null
): Outcome => ({ outcome: 'set-aside', line, amountCents: cents, reason, detail: '' });

function reportOf(outcomes: Outcome[]): ImportReport {
	const report = emptyReport('expenses');
	for (const outcome of outcomes) countOutcome(report, outcome);
	return report;
}

describe('countOutcome', () => {
	it('puts every record in exactly one group, with its amount', () => {
		const report = reportOf([
			accepted(2, 42690),
			accepted(3, 3850),
			rejected(4, 1170),
			rejected(5, null),
			setAside(6, 'other-project', 9000),
			setAside(7, 'blank', null),
			setAside(8, 'totals', 56710)
		]);
		expect(report.records).toBe(7);
		expect(report.accepted).toEqual({ count: 2, totalCents: 46540 });
		expect(report.rejected).toMatchObject({ count: 2, totalCents: 1170 });
		expect(report.rejected.rows.map((row) => row.line)).toEqual([4, 5]);
		expect(report.setAside).toMatchObject({ count: 3, totalCents: 65710 });
		expect(report.setAside.byReason).toEqual({
			blank: { count: 1, totalCents: 0 },
			totals: { count: 1, totalCents: 56710 },
			'other-project': { count: 1, totalCents: 9000 },
			duplicate: { count: 0, totalCents: 0 }
		});
		expect(checkBalance(report)).toBe(true);
	});

	it("counts every readable amount in the file total except a totals line's", () => {
		const report = reportOf([
			accepted(2, 100),
			rejected(3, 20),
			setAside(4, 'other-project', 3),
			setAside(5, 'totals', 123)
		]);
		expect(report.fileTotalCents).toBe(123);
	});

	it('lists unmatched accepted rows with their label and reference', () => {
		const report = emptyReport('expenses');
		countOutcome(
			report,
			accepted(9, 100, { event: null, how: 'unmatched', problem: 'unknown-event' }),
			'2018-03-05 DR-0412',
			'7'
		);
		expect(report.unmatched).toEqual({
			count: 1,
			rows: [{ line: 9, problem: 'unknown-event', label: '2018-03-05 DR-0412', reference: '7' }]
		});
	});

	it('counts trips by status', () => {
		const report = emptyReport('participation');
		for (const outcome of [
			tripOutcome(2, 'done'),
			tripOutcome(3, 'done'),
			tripOutcome(4, 'cancelled')
		]) {
			countOutcome(report, outcome);
		}
		expect(report.statuses).toEqual({ done: 2, cancelled: 1 });
		expect(report.accepted).toEqual({ count: 3, totalCents: 0 });
	});

	it(`lists at most ${LISTED_ROWS} rejected rows but counts them all`, () => {
		const report = reportOf(Array.from({ length: LISTED_ROWS + 50 }, (_, i) => rejected(i + 2, 1)));
		expect(report.rejected.count).toBe(LISTED_ROWS + 50);
		expect(report.rejected.totalCents).toBe(LISTED_ROWS + 50);
		expect(report.rejected.rows).toHaveLength(LISTED_ROWS);
		expect(checkBalance(report)).toBe(true);
	});
});

describe('setAsideDuplicate', () => {
	it('moves an accepted record and its amount to the duplicates', () => {
		const first = accepted(2, 42690);
		const report = reportOf([first, accepted(3, 3850)]);
		setAsideDuplicate(report, first);
		expect(report.accepted).toEqual({ count: 1, totalCents: 3850 });
		expect(report.setAside.byReason.duplicate).toEqual({ count: 1, totalCents: 42690 });
		expect(report.setAside).toMatchObject({ count: 1, totalCents: 42690 });
		expect(report.records).toBe(2);
		expect(report.fileTotalCents).toBe(46540);
		expect(checkBalance(report)).toBe(true);
	});

	it('takes a duplicate off the unmatched list', () => {
		const unmatched = accepted(4, 100, { event: null, how: 'unmatched', problem: 'no-event-fits' });
		const report = reportOf([
			unmatched,
			accepted(5, 100, { event: null, how: 'unmatched', problem: 'several-fit' })
		]);
		setAsideDuplicate(report, unmatched);
		expect(report.unmatched.count).toBe(1);
		expect(report.unmatched.rows.map((row) => row.line)).toEqual([5]);
	});

	it('takes a duplicate trip out of the status counts', () => {
		const report = emptyReport('participation');
		const trip = tripOutcome(2, 'cancelled');
		countOutcome(report, trip);
		setAsideDuplicate(report, trip);
		expect(report.statuses).toEqual({ done: 0, cancelled: 0 });
		expect(checkBalance(report)).toBe(true);
	});
});

describe('checkBalance', () => {
	it('holds for an empty report', () => {
		expect(checkBalance(emptyReport('expenses'))).toBe(true);
	});

	it('fails when the groups do not add up to the records', () => {
		const report = reportOf([accepted(2, 100), rejected(3, null)]);
		report.records++;
		expect(checkBalance(report)).toBe(false);
	});

	it('fails when the reasons do not add up to the records set aside', () => {
		const report = reportOf([setAside(2, 'blank', null)]);
		report.setAside.byReason.blank.count = 0;
		expect(checkBalance(report)).toBe(false);
	});

	it('fails when the amounts of the reasons do not add up to the amount set aside', () => {
		const report = reportOf([setAside(2, 'other-project', 500)]);
		report.setAside.byReason['other-project'].totalCents = 499;
		expect(checkBalance(report)).toBe(false);
	});

	it("fails when the groups' amounts do not add up to the file total", () => {
		const report = reportOf([accepted(2, 100), rejected(3, 50), setAside(4, 'totals', 150)]);
		expect(checkBalance(report)).toBe(true);
		report.accepted.totalCents += 1;
		expect(checkBalance(report)).toBe(false);
	});
});
