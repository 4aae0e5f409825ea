import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseProjectDefinition, type ProjectDefinition } from './definition';
import { checkPlan, plannedMobilityCount, yearTotal } from './plan-checks';

function solid(): ProjectDefinition {
	const file = JSON.parse(readFileSync('static/samples/solid/project.json', 'utf8'));
	const result = parseProjectDefinition(file);
	if (!result.ok) throw new Error(JSON.stringify(result.issues));
	return result.definition;
}

describe('the SOLID plan, as the council adopted it', () => {
	const plan = solid();

	it('breaks no rule', () => {
		expect(checkPlan(plan)).toEqual([]);
	});

	it('has the annex figures: 4160 = 1500 + 2660, yearly 3090 and 1070, 15 mobilities', () => {
		expect(plan.funding).toMatchObject({ total: 416000, eu: 150000, council: 266000 });
		expect(plan.funding.years.map(yearTotal)).toEqual([309000, 107000]);
		expect(plan.events.map((e) => e.representatives)).toEqual([3, 6, 2, 2, 2]);
		expect(plannedMobilityCount(plan.events)).toBe(15);
	});
});

describe('each rule names its numbers', () => {
	it('EU + council must make the total', () => {
		const plan = solid();
		plan.funding.council = 200000;
		expect(checkPlan(plan)).toContainEqual(
			expect.objectContaining({
				rule: 'parts-sum',
				severity: 'error',
				eu: 150000,
				council: 200000,
				sum: 350000,
				total: 416000
			})
		);
	});

	it('pre-financing above the EU part is an error, below it a warning', () => {
		const over = solid();
		over.funding.years[0]!.prefinancing = 120000;
		expect(checkPlan(over)).toEqual([
			expect.objectContaining({
				rule: 'prefinancing-over-eu',
				severity: 'error',
				prefinancing: 160000,
				eu: 150000
			})
		]);
		const under = solid();
		under.funding.years[1]!.prefinancing = 0;
		expect(checkPlan(under)).toEqual([
			expect.objectContaining({
				rule: 'prefinancing-under-eu',
				severity: 'warning',
				prefinancing: 110000
			})
		]);
	});

	it('co-financing per year must add up to the council part', () => {
		const plan = solid();
		plan.funding.years[1]!.cofinancing = 60000;
		expect(checkPlan(plan)).toEqual([
			expect.objectContaining({ rule: 'cofinancing-sum', cofinancing: 259000, council: 266000 })
		]);
	});

	it('years and event months must fall inside the period', () => {
		const plan = solid();
		plan.funding.years[1]!.year = 2020;
		plan.events[4]!.month = '2019-12';
		const rules = checkPlan(plan).map((f) => [f.rule, f.fields]);
		expect(rules).toEqual([
			['year-outside-period', ['funding.years[1].year']],
			['event-outside-period', ['events[4].month']]
		]);
	});

	it('an event in the last month of the period is inside it', () => {
		const plan = solid();
		plan.events[4]!.month = '2019-11';
		expect(checkPlan(plan)).toEqual([]);
	});

	it('planned mobilities must be the sum of the events', () => {
		const plan = solid();
		plan.events[1]!.representatives = 5;
		expect(checkPlan(plan)).toEqual([
			expect.objectContaining({ rule: 'mobilities-sum', planned: 15, events: 14 })
		]);
	});

	it('a reversed period is reported', () => {
		const plan = solid();
		plan.period = { start: '2019-11-15', end: '2018-01-01' };
		expect(checkPlan(plan).map((f) => f.rule)).toContain('period-order');
	});
});
