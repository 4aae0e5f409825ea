import { describe, expect, it } from 'vitest';
import { solidDefinition } from '$tests/factories/projects';
import type { ProjectDefinition } from '../project/definition';
import { councilRegister, type RegisterProject } from './council-register';
import { registerCsvRows } from './council-register-csv';
import type { PlanVersion } from './plan-versions';

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
const amended = (mutate: (d: ProjectDefinition) => void = () => {}) =>
	solidDefinition((d) => {
		d.decision.date = '2019-09-19';
		d.decision.number = '512';
		d.funding.years[1]!.cofinancing = 71020;
		d.funding.council += 4020;
		d.funding.total += 4020;
		mutate(d);
	});

const project = (code: string, versions: PlanVersion[], currency = 'EUR'): RegisterProject => ({
	code,
	title: { lv: code, en: code },
	currency,
	versions
});

const other = solidDefinition((d) => {
	d.code = 'OTHER';
	d.decision = { ...d.decision, date: '2019-03-01', number: '120' };
	d.funding.years = [{ year: 2019, prefinancing: 50000, cofinancing: 25000 }];
});

const projects = [
	project('SOLID', [
		adopted(1, solidDefinition()),
		adopted(2, amended()),
		// A correction of decision 512's record: the register shows 512 at this record.
		{
			...adopted(
				3,
				amended((d) => void (d.goal.en = 'Fixed'))
			),
			kind: 'correction'
		}
	]),
	project('OTHER', [adopted(1, other)])
];
const register = councilRegister(projects);
const money = (y: { year: number; prefinancing: number; cofinancing: number; total: number }) => [
	y.year,
	y.prefinancing,
	y.cofinancing,
	y.total
];

describe("the council's register", () => {
	it('lists each decision once, at its last record, newest first', () => {
		expect(
			register.decisions.map((d) => [d.code, d.decision.number, d.decision.date, d.kind, d.version])
		).toEqual([
			['SOLID', '512', '2019-09-19', 'amendment', 3],
			['OTHER', '120', '2019-03-01', 'adoption', 1],
			['SOLID', '57', '2018-02-22', 'adoption', 1]
		]);
	});

	it('gives what each decision committed per year, and an amendment its net change', () => {
		const [no512, , no57] = register.decisions;
		expect(no57!.years.map(money)).toEqual([
			[2018, 110000, 199000, 309000],
			[2019, 40000, 67000, 107000]
		]);
		expect(no57!.change).toEqual(no57!.years);
		expect(no512!.years.map(money)).toEqual([
			[2018, 110000, 199000, 309000],
			[2019, 40000, 71020, 111020]
		]);
		expect(no512!.change.map(money)).toEqual([[2019, 0, 4020, 4020]]);
		expect(no512!.amends).toEqual({ number: '57', date: '2018-02-22' });
	});

	it('totals per budget year the plans in force now, naming the decision of each figure', () => {
		expect(register.totals.map(money)).toEqual([
			[2018, 110000, 199000, 309000],
			[2019, 90000, 96020, 186020]
		]);
		expect(register.totals[1]!.sources).toEqual([
			{ code: 'SOLID', decision: { number: '512', date: '2019-09-19' } },
			{ code: 'OTHER', decision: { number: '120', date: '2019-03-01' } }
		]);
		expect(register.total).toEqual({ prefinancing: 200000, cofinancing: 295020, total: 495020 });
	});

	it('nets the changes of all decisions into the same totals', () => {
		const netted = new Map<number, [number, number]>();
		for (const decision of register.decisions)
			for (const y of decision.change) {
				const [pre, co] = netted.get(y.year) ?? [0, 0];
				netted.set(y.year, [pre + y.prefinancing, co + y.cofinancing]);
			}
		expect([...netted].sort(([a], [b]) => a - b)).toEqual(
			register.totals.map((y) => [y.year, [y.prefinancing, y.cofinancing]])
		);
	});

	it('lists a project in another currency but leaves it out of the totals', () => {
		const withSek = councilRegister([...projects, project('SEK', [adopted(1, other)], 'SEK')]);
		expect(withSek.decisions.filter((d) => d.code === 'SEK')).toHaveLength(1);
		expect(withSek.totals).toEqual(register.totals);
	});

	it('is empty with no projects', () => {
		expect(councilRegister([])).toEqual({
			currency: 'EUR',
			decisions: [],
			totals: [],
			total: { prefinancing: 0, cofinancing: 0, total: 0 }
		});
	});
});

describe("the council's register as CSV", () => {
	it('gives a row per decision and year, with the change against the decision before', () => {
		const rows = registerCsvRows(register, {
			kind: (d) => d.kind,
			title: (t) => t.en
		});
		expect(rows[0]).toEqual([
			'SOLID',
			'SOLID',
			'2019-09-19',
			'512',
			'amendment',
			2018,
			1100,
			1990,
			3090,
			0,
			0
		]);
		expect(rows[1]).toEqual([
			'SOLID',
			'SOLID',
			'2019-09-19',
			'512',
			'amendment',
			2019,
			400,
			710.2,
			1110.2,
			0,
			40.2
		]);
		expect(rows).toHaveLength(5);
	});
});
