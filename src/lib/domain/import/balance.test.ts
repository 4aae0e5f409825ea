import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { importBalance } from './balance';
import type { Outcome, SetAsideReason } from './classify';
import { checkBalance, countOutcome, emptyReport, setAsideDuplicate } from './report';

type Accepted = Extract<Outcome, { outcome: 'accepted' }>;

function accepted(line: number, cents: number): Accepted {
	return {
		outcome: 'accepted',
		kind: 'expenses',
		line,
		amountCents: cents,
		record: {
			date: '2018-03-05',
			amountCents: cents,
			currency: 'EUR',
			documentNumber: `DR-${line}`,
			payee: 'SIA Latgales druka',
			description: 'Druka',
			category: '2311',
			eventNumber: null,
			fundingSource: null
		},
		identity: `row ${line}`,
		eventRef: '',
		event: { event: 1, how: 'reference' }
	};
}

const rejected = (line: number, cents: number | null): Outcome => ({
	outcome: 'rejected',
	line,
	amountCents: cents,
	problems: [{ field: 'amount', code: 'amount-invalid', value: 'divdesmit' }]
});

const setAside = (line: number, reason: SetAsideReason, cents: number | null): Outcome => ({
	outcome: 'set-aside',
	line,
	amountCents: cents,
	reason,
	detail: ''
});

function reportOf(outcomes: Outcome[], duplicates: number[] = []) {
	const report = emptyReport('expenses');
	for (const outcome of outcomes) countOutcome(report, outcome);
	for (const outcome of outcomes) {
		if (outcome.outcome === 'accepted' && duplicates.includes(outcome.line))
			setAsideDuplicate(report, outcome);
	}
	return report;
}

describe('importBalance', () => {
	it('leaves a totals line out of both sides and compares it with the rows on its own', () => {
		const balance = importBalance(
			reportOf([accepted(2, 42690), accepted(3, 3850), setAside(4, 'totals', 46540)])
		);
		expect(balance.records).toEqual({
			accepted: 2,
			rejected: 0,
			setAside: 1,
			total: 3,
			holds: true
		});
		expect(balance.amounts).toMatchObject({
			acceptedCents: 46540,
			rejectedCents: 0,
			setAsideCents: 0,
			rowsCents: 46540,
			totalsLinesCents: 46540,
			holds: true
		});
		expect(balance.statedTotal).toEqual({
			statedCents: 46540,
			rowsCents: 46540,
			differenceCents: 0,
			matches: true
		});
	});

	it('says by how much a totals line misses the rows', () => {
		const balance = importBalance(reportOf([accepted(2, 1000), setAside(3, 'totals', 1200)]));
		expect(balance.statedTotal).toEqual({
			statedCents: 1200,
			rowsCents: 1000,
			differenceCents: 200,
			matches: false
		});
		// The equation of the rows holds all the same: the totals line is not one of them.
		expect(balance.amounts?.holds).toBe(true);
	});

	it('counts rejected rows with their amounts on both sides', () => {
		const balance = importBalance(reportOf([accepted(2, 42690), rejected(3, 1170)]));
		expect(balance.amounts).toMatchObject({
			acceptedCents: 42690,
			rejectedCents: 1170,
			rowsCents: 43860,
			holds: true
		});
		expect(balance.records).toMatchObject({ rejected: 1, total: 2, holds: true });
	});

	it('counts set-aside rows (another project, duplicates) in the amounts, blank lines in none', () => {
		const balance = importBalance(
			reportOf(
				[
					accepted(2, 500),
					accepted(3, 700),
					setAside(4, 'other-project', 9000),
					setAside(5, 'blank', null)
				],
				[3]
			)
		);
		expect(balance.records).toEqual({
			accepted: 1,
			rejected: 0,
			setAside: 3,
			total: 4,
			holds: true
		});
		expect(balance.amounts).toMatchObject({
			acceptedCents: 500,
			setAsideCents: 9700,
			rowsCents: 10200,
			holds: true,
			unreadable: { rejected: 0, setAside: 0 }
		});
	});

	it('counts a row whose amount cannot be read among the records, in no amount, and says so', () => {
		const balance = importBalance(
			reportOf([
				accepted(2, 42690),
				rejected(3, null),
				rejected(4, 1170),
				setAside(5, 'other-project', null),
				setAside(6, 'totals', 43860)
			])
		);
		expect(balance.records).toMatchObject({ accepted: 1, rejected: 2, setAside: 2, total: 5 });
		expect(balance.records.holds).toBe(true);
		expect(balance.amounts).toMatchObject({
			acceptedCents: 42690,
			rejectedCents: 1170,
			setAsideCents: 0,
			rowsCents: 43860,
			holds: true,
			unreadable: { rejected: 1, setAside: 1 }
		});
		expect(balance.statedTotal?.matches).toBe(true);
	});

	it('has no amounts for travel orders', () => {
		const report = emptyReport('participation');
		countOutcome(report, { ...rejected(2, null) });
		const balance = importBalance(report);
		expect(balance.amounts).toBeNull();
		expect(balance.statedTotal).toBeNull();
		expect(balance.records).toMatchObject({ rejected: 1, total: 1, holds: true });
	});

	it('shows a report that does not add up as not holding, rather than hiding it', () => {
		const report = reportOf([accepted(2, 100), rejected(3, 50)]);
		report.rejected.totalCents += 1;
		report.records += 1;
		const balance = importBalance(report);
		expect(balance.records.holds).toBe(false);
		expect(balance.amounts?.holds).toBe(false);
		expect(checkBalance(report)).toBe(false);
	});
});

const amount = fc.option(fc.integer({ min: -10_000_000, max: 10_000_000 }), { nil: null });
const outcomeArb: fc.Arbitrary<(line: number) => Outcome> = fc.oneof(
	fc
		.integer({ min: -10_000_000, max: 10_000_000 })
		.map((cents) => (line: number) => accepted(line, cents)),
	amount.map((cents) => (line: number) => rejected(line, cents)),
	fc.tuple(fc.constantFrom<SetAsideReason>('other-project', 'totals'), amount).map(
		([reason, cents]) =>
			(line: number) =>
				setAside(line, reason, cents)
	),
	fc.constant((line: number) => setAside(line, 'blank', null))
);

describe('importBalance, for any file', () => {
	it('balances: records, amounts, and the totals line against the rows', () => {
		fc.assert(
			fc.property(
				fc.array(outcomeArb, { maxLength: 60 }),
				fc.array(fc.boolean(), { maxLength: 60 }),
				(makers, duplicate) => {
					const outcomes = makers.map((make, i) => make(i + 2));
					const duplicates = outcomes
						.filter((o, i) => o.outcome === 'accepted' && duplicate[i])
						.map((o) => o.line);
					const report = reportOf(outcomes, duplicates);
					const balance = importBalance(report);
					expect(checkBalance(report)).toBe(true);
					expect(balance.records.holds).toBe(true);
					expect(balance.records.total).toBe(outcomes.length);
					const { amounts } = balance;
					expect(amounts?.holds).toBe(true);
					// The rows' sum is every readable amount that is not a totals line, counted apart.
					const rows = outcomes
						.filter((o) => !(o.outcome === 'set-aside' && o.reason === 'totals'))
						.reduce((sum, o) => sum + (o.amountCents ?? 0), 0);
					expect(amounts?.rowsCents).toBe(rows);
					expect(amounts!.acceptedCents + amounts!.rejectedCents + amounts!.setAsideCents).toBe(
						rows
					);
					const unreadable = outcomes.filter(
						(o) =>
							o.amountCents === null &&
							!(o.outcome === 'set-aside' && (o.reason === 'blank' || o.reason === 'totals'))
					).length;
					expect(amounts!.unreadable.rejected + amounts!.unreadable.setAside).toBe(unreadable);
					const totals = outcomes.filter(
						(o) => o.outcome === 'set-aside' && o.reason === 'totals' && o.amountCents !== null
					);
					const stated = totals.at(-1)?.amountCents ?? null;
					expect(balance.statedTotal?.statedCents ?? null).toBe(stated);
					if (balance.statedTotal)
						expect(balance.statedTotal.rowsCents + balance.statedTotal.differenceCents).toBe(
							balance.statedTotal.statedCents
						);
				}
			),
			{ seed: 20181122, numRuns: 500 }
		);
	});
});
