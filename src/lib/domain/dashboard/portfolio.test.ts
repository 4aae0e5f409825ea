import { describe, expect, it } from 'vitest';
import { buildPortfolio, type PortfolioInput } from './portfolio';

const solid: PortfolioInput = {
	code: 'SOLID',
	title: { lv: 'Solidaritāte', en: 'Solidarity' },
	currency: 'EUR',
	plan: 416000,
	years: [
		{ year: 2018, prefinancing: 110000, cofinancing: 199000 },
		{ year: 2019, prefinancing: 40000, cofinancing: 67000 }
	],
	actualByYear: new Map([
		[2018, 307450],
		[2019, 111020]
	]),
	mobilityPlanned: 15,
	mobilityDone: 14,
	eventsBehind: 1,
	planErrors: 0
};
const roads: PortfolioInput = {
	code: 'ROADS',
	title: { lv: 'Ceļi', en: 'Roads' },
	currency: 'EUR',
	plan: 100000,
	years: [{ year: 2019, prefinancing: 20000, cofinancing: 80000 }],
	actualByYear: new Map(),
	mobilityPlanned: 0,
	mobilityDone: 0,
	eventsBehind: 0,
	planErrors: 2
};

describe('the council portfolio', () => {
	const portfolio = buildPortfolio([solid, roads]);

	it('adds up what the council committed per year across projects, against the spend', () => {
		expect(portfolio.years.map((y) => [y.year, y.prefinancing, y.cofinancing, y.actual])).toEqual([
			[2018, 110000, 199000, 307450],
			[2019, 60000, 147000, 111020]
		]);
		expect(portfolio.total).toMatchObject({ plan: 516000, actual: 418470 });
	});

	it('gives each project its execution and mobility completion', () => {
		const [first, second] = portfolio.projects;
		expect(first).toMatchObject({ code: 'SOLID', actual: 418470, mobilityDone: 14 });
		expect(first!.execution).toBeCloseTo(1.0059, 4);
		expect(first!.completion).toBeCloseTo(14 / 15, 6);
		expect(second).toMatchObject({ code: 'ROADS', actual: 0, execution: 0, completion: null });
	});

	it('names what needs attention: a year over plan, events behind, a broken plan', () => {
		expect(portfolio.projects[0]!.attention).toEqual([
			{ kind: 'year-over-plan', year: 2019, variance: 4020 },
			{ kind: 'events-behind', count: 1 }
		]);
		expect(portfolio.projects[1]!.attention).toEqual([{ kind: 'plan-errors', count: 2 }]);
	});

	it('keeps a project in another currency out of the sums, but in the list', () => {
		const mixed = buildPortfolio([solid, { ...roads, currency: 'SEK' }]);
		expect(mixed.total.plan).toBe(416000);
		expect(mixed.projects).toHaveLength(2);
	});
});
