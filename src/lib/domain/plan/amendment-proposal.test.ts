import { describe, expect, it } from 'vitest';
import { solidDefinition } from '$tests/factories/projects';
import { elapsedShare, proposeAmendment, type YearSpend } from './amendment-proposal';

const plan = solidDefinition();
/** SOLID's years with the given spend per year. */
const years = (actual: Record<number, number>): YearSpend[] =>
	plan.funding.years.map((y) => ({
		...y,
		plan: y.prefinancing + y.cofinancing,
		actual: actual[y.year] ?? 0
	}));

describe('the amendment proposal', () => {
	it('proposes the council co-financing of a finished year over plan, and keeps the rules', () => {
		const proposal = proposeAmendment(plan, years({ 2018: 307450, 2019: 111020 }), '2026-11-24')!;
		expect(proposal.years).toHaveLength(1);
		expect(proposal.years[0]).toMatchObject({ year: 2019, basis: 'spend', amount: 4020 });
		expect(proposal.years[0]!.changes).toEqual([
			{ year: 2019, source: 'cofinancing', amount: 4020, before: 67000, after: 71020 }
		]);
		expect(proposal.after).toEqual({ eu: 150000, council: 270020, total: 420020 });
		expect(proposal.definition.funding.years[1]).toEqual({
			year: 2019,
			prefinancing: 40000,
			cofinancing: 71020
		});
		expect(proposal.findings).toEqual([]);
		expect(proposal.passes).toBe(true);
	});

	it('proposes nothing for a finished year under plan: its unspent commitment lapses', () => {
		expect(proposeAmendment(plan, years({ 2018: 300000, 2019: 100000 }), '2026-11-24')).toBeNull();
	});

	it('proposes nothing when every year keeps to its plan', () => {
		expect(proposeAmendment(plan, years({ 2018: 309000, 2019: 107000 }), '2026-11-24')).toBeNull();
	});

	it('forecasts the year under way from its run rate over its part of the period', () => {
		// 2019's part of the period is 01.01.–15.11.2019, 319 days; by 30.05 (150 days) 600 EUR.
		expect(elapsedShare(2019, plan.period, '2019-05-30')).toBeCloseTo(150 / 319, 10);
		const proposal = proposeAmendment(plan, years({ 2018: 309000, 2019: 60000 }), '2019-05-30')!;
		const forecast = Math.round(60000 / (150 / 319));
		expect(proposal.years[0]).toMatchObject({
			year: 2019,
			basis: 'forecast',
			actual: 60000,
			target: forecast,
			amount: forecast - 107000
		});
		expect(proposal.after.council).toBe(266000 + forecast - 107000);
		expect(proposal.passes).toBe(true);
	});

	it('proposes releasing money when the year under way is forecast under plan', () => {
		// Half of 2018 passed (181 of 365 days) with 1000 EUR spent: 2016,57 EUR forecast.
		const proposal = proposeAmendment(plan, years({ 2018: 100000 }), '2018-06-30')!;
		const forecast = Math.round(100000 / (181 / 365));
		expect(proposal.years[0]).toMatchObject({ year: 2018, amount: forecast - 309000 });
		expect(proposal.years[0]!.changes).toEqual([
			{
				year: 2018,
				source: 'cofinancing',
				amount: forecast - 309000,
				before: 199000,
				after: 199000 + forecast - 309000
			}
		]);
		expect(proposal.amount).toBeLessThan(0);
	});

	it('takes from pre-financing what co-financing cannot give, and says the rule it then warns of', () => {
		// 2019: 50 EUR spent by 15.02 (46 of 319 days) → 346,74 EUR, 723,26 EUR under plan.
		const proposal = proposeAmendment(plan, years({ 2018: 309000, 2019: 5000 }), '2019-02-15')!;
		const forecast = Math.round(5000 / (46 / 319));
		const changes = proposal.years[0]!.changes;
		expect(changes[0]).toMatchObject({ source: 'cofinancing', amount: -67000, after: 0 });
		expect(changes[1]).toMatchObject({
			source: 'prefinancing',
			amount: forecast - 107000 + 67000,
			after: 40000 + forecast - 107000 + 67000
		});
		expect(proposal.after).toEqual({ eu: 150000, council: 199000, total: 349000 });
		expect(proposal.findings.map((f) => [f.rule, f.severity])).toEqual([
			['prefinancing-under-eu', 'warning']
		]);
		expect(proposal.passes).toBe(true);
	});

	it('adds a year the plan lacks, and names the rule a year outside the period breaks', () => {
		const spend = [
			...years({ 2018: 309000, 2019: 107000 }),
			{ year: 2020, prefinancing: 0, cofinancing: 0, plan: 0, actual: 1500 }
		];
		const proposal = proposeAmendment(plan, spend, '2026-11-24')!;
		expect(proposal.definition.funding.years.at(-1)).toEqual({
			year: 2020,
			prefinancing: 0,
			cofinancing: 1500
		});
		expect(proposal.findings.map((f) => f.rule)).toEqual(['year-outside-period']);
		expect(proposal.passes).toBe(false);
	});
});
