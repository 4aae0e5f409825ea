import { describe, expect, it } from 'vitest';
import { solidDefinition } from '$tests/factories/projects';
import type { PlanVersion } from '../plan/plan-versions';
import type { ProjectDefinition } from '../project/definition';
import { projectFigures, type SpendRow } from './figures';
import { figuresSteps, totalInForce, yearsInForce } from './plan-in-force';

function adopted(number: number, definition: ProjectDefinition): PlanVersion {
	return {
		number,
		status: 'adopted',
		kind: number === 1 ? 'adoption' : 'amendment',
		definition,
		decision: definition.decision,
		basedOn: number > 1 ? number - 1 : null,
		note: null,
		createdBy: 'system',
		createdAt: '2020-01-01T00:00:00.000Z',
		adoptedBy: 'system',
		adoptedAt: '2020-01-01T00:00:00.000Z'
	};
}

/** SOLID's 2019 council co-financing amended 670 → 710,20 EUR by decision No. 512 of 19.09.2019. */
const amended = () =>
	solidDefinition((d) => {
		d.decision.date = '2019-09-19';
		d.decision.number = '512';
		d.funding.years[1]!.cofinancing = 71020;
		d.funding.council += 4020;
		d.funding.total += 4020;
	});

const versions = [adopted(1, solidDefinition()), adopted(2, amended())];
const steps = figuresSteps(versions);
const no57 = { number: '57', date: '2018-02-22' };
const no512 = { number: '512', date: '2019-09-19' };

describe('the plan in force', () => {
	it('takes each adopted version as a step from its decision date', () => {
		expect(steps.map((s) => [s.from, s.decision.number, s.total])).toEqual([
			['2018-02-22', '57', 416000],
			['2019-09-19', '512', 420020]
		]);
	});

	it('names for each year the earliest decision since which its figures are unchanged', () => {
		expect(yearsInForce(steps, '2026-12-01')).toEqual([
			{ year: 2018, prefinancing: 110000, cofinancing: 199000, decision: no57 },
			{ year: 2019, prefinancing: 40000, cofinancing: 71020, decision: no512 }
		]);
		expect(yearsInForce(steps, '2019-09-18')!.map((y) => [y.cofinancing, y.decision])).toEqual([
			[199000, no57],
			[67000, no57]
		]);
	});

	it('measures a project before its first decision against the first plan', () => {
		expect(totalInForce(steps, '2018-01-31')).toBe(416000);
		expect(totalInForce(steps, '2019-09-19')).toBe(420020);
		expect(yearsInForce([], '2019-01-01')).toBeNull();
	});

	it('goes back past an amendment that left a year as it was to the decision that set it', () => {
		const third = amended();
		third.decision = { ...third.decision, date: '2019-10-01', number: '600' };
		third.funding.years[0]!.prefinancing = 110000;
		const three = figuresSteps([...versions, adopted(3, third)]);
		expect(yearsInForce(three, '2019-10-01')!.map((y) => y.decision.number)).toEqual(['57', '512']);
	});
});

describe('the figures with plan steps', () => {
	const spend: SpendRow[] = [
		{ month: '2018-03', category: '2122', event: 1, cents: 307450, rows: 4 },
		{ month: '2019-04', category: '2241', event: 5, cents: 111020, rows: 5 }
	];
	const plan = amended();

	it('sets each year against the plan in force on the as-of date, with its decision', () => {
		const before = projectFigures({ plan, spend, trips: [], steps, asOf: '2019-09-01' });
		expect(before.years.map((y) => [y.year, y.plan, y.variance, y.status, y.decision])).toEqual([
			[2018, 309000, -1550, 'under', no57],
			[2019, 107000, 4020, 'over', no57]
		]);
		const after = projectFigures({ plan, spend, trips: [], steps, asOf: '2026-12-01' });
		expect(after.years.map((y) => [y.year, y.plan, y.variance, y.status, y.decision])).toEqual([
			[2018, 309000, -1550, 'under', no57],
			[2019, 111020, 0, 'on-plan', no512]
		]);
		expect(after.total).toMatchObject({ plan: 420020, actual: 418470 });
	});

	it('steps the monthly plan line at the month the amendment took effect', () => {
		const { monthly } = projectFigures({ plan, spend, trips: [], steps, asOf: '2026-12-01' });
		const at = (month: string) => monthly.find((p) => p.month === month)!;
		// 01.01.2018 – 15.11.2019 is 684 days; August 2019 ends on day 608, September on day 638.
		expect(at('2019-08').proRata).toBe(Math.round((416000 * 608) / 684));
		expect(at('2019-09').proRata).toBe(Math.round((420020 * 638) / 684));
		expect(monthly.at(-1)!.proRata).toBe(420020);
	});

	it('names no decision for a year spent outside every plan', () => {
		const late = [...spend, { month: '2020-01', category: '', event: null, cents: 100, rows: 1 }];
		const figures = projectFigures({ plan, spend: late, trips: [], steps });
		expect(figures.years.at(-1)).toMatchObject({ year: 2020, plan: 0, decision: null });
	});

	it('reads the plan alone, with no decision, when given no steps', () => {
		const figures = projectFigures({ plan, spend, trips: [] });
		expect(figures.years.map((y) => [y.plan, 'decision' in y])).toEqual([
			[309000, false],
			[111020, false]
		]);
	});
});
