import { describe, expect, it } from 'vitest';
import { solidDefinition } from '$tests/factories/projects';
import { dataChanges } from './data-changes';
import type { ExpenseRecord, TripRecord } from './document-data';

function expense(line: number, date: string, cents: number, event: number | null = null) {
	return {
		key: `row-${line}`,
		date,
		cents,
		currency: 'EUR',
		category: '2122',
		event,
		funding: 'council',
		document: `DOC-${line}`,
		payee: 'SIA Latgales druka',
		description: 'Printing',
		file: 'ledger.csv',
		line
	} satisfies ExpenseRecord;
}

function trip(line: number, event: number | null, status: TripRecord['status'] = 'done') {
	return {
		key: `trip-${line}`,
		person: `Person ${line}`,
		position: 'Specialist',
		event,
		city: 'Jette',
		country: 'BE',
		departure: '2018-03-13',
		return: '2018-03-15',
		order: `R-${line}`,
		status,
		file: 'travel.csv',
		line
	} satisfies TripRecord;
}

const RIGA = {
	name: 'Rīgas dome',
	nameEn: undefined,
	city: undefined,
	country: 'LV',
	countryName: undefined
};

const LEDGER = [expense(2, '2018-03-01', 50000, 1), expense(3, '2018-05-10', 30000)];
const TRAVEL = [trip(2, 1), trip(3, 1), trip(4, 2)];

describe('what changed in the plan', () => {
	it('finds nothing when the data is the same', () => {
		const before = { plan: solidDefinition(), expenses: LEDGER, trips: TRAVEL };
		const after = { plan: solidDefinition(), expenses: [...LEDGER], trips: [...TRAVEL] };
		expect(dataChanges(before, after)).toEqual([]);
	});

	it('names a changed plan field by its dotted path, with the value before and after', () => {
		const after = solidDefinition((d) => {
			d.funding.total = 420000;
			d.decision.number = '58';
		});
		expect(dataChanges({ plan: solidDefinition() }, { plan: after })).toEqual([
			{ part: 'plan', field: 'decision.number', before: '57', after: '58' },
			{ part: 'plan', field: 'funding.total', before: 416000, after: 420000 }
		]);
	});

	it('names a year by its year and an event by its number, a partner by its place', () => {
		const after = solidDefinition((d) => {
			d.funding.years[1]!.cofinancing = 70000;
			d.events[0]!.representatives = 4;
			d.partners[2]!.city = 'Vác';
		});
		expect(dataChanges({ plan: solidDefinition() }, { plan: after })).toEqual([
			{ part: 'plan', field: 'events[number=1].representatives', before: 3, after: 4 },
			{ part: 'plan', field: 'funding.years[year=2019].cofinancing', before: 67000, after: 70000 },
			{ part: 'plan', field: 'partners[2].city', before: null, after: 'Vác' }
		]);
	});

	it('names only the year, event or partner added or removed, not every one after it', () => {
		const before = solidDefinition();
		const after = solidDefinition((d) => {
			d.funding.years.unshift({ year: 2017, prefinancing: 0, cofinancing: 10000 });
			d.events.splice(1, 1);
			d.partners.push({ ...RIGA });
		});
		expect(dataChanges({ plan: before }, { plan: after })).toEqual([
			{ part: 'plan', field: 'events[number=2]', before: before.events[1], after: null },
			{
				part: 'plan',
				field: 'funding.years[year=2017]',
				before: null,
				after: { year: 2017, prefinancing: 0, cofinancing: 10000 }
			},
			{
				part: 'plan',
				field: `partners[${before.partners.length}]`,
				before: null,
				after: RIGA
			}
		]);
	});

	it('gives a field that appears or disappears as null on the missing side', () => {
		const after = solidDefinition((d) => {
			d.plannedMobilities = undefined;
			d.partners[1]!.city = 'Sofia';
		});
		expect(dataChanges({ plan: solidDefinition() }, { plan: after })).toEqual([
			{ part: 'plan', field: 'partners[1].city', before: null, after: 'Sofia' },
			{ part: 'plan', field: 'plannedMobilities', before: 15, after: null }
		]);
	});

	it('gives a partner taken off the end as that partner, removed', () => {
		const before = solidDefinition();
		const after = solidDefinition((d) => {
			d.partners.pop();
		});
		expect(dataChanges({ plan: before }, { plan: after })).toEqual([
			{ part: 'plan', field: 'partners[11]', before: before.partners[11], after: null }
		]);
	});
});

describe('what changed in the expense rows', () => {
	const plan = solidDefinition();

	it('sums the rows added in a year, with their files and lines', () => {
		const added = [expense(7, '2019-04-02', 12050), expense(8, '2019-06-01', 1000)];
		expect(
			dataChanges({ plan, expenses: LEDGER }, { plan, expenses: [...LEDGER, ...added] })
		).toEqual([
			{
				part: 'expenses',
				change: 'added',
				year: 2019,
				count: 2,
				cents: 13050,
				rows: [
					{ file: 'ledger.csv', line: 7 },
					{ file: 'ledger.csv', line: 8 }
				]
			}
		]);
	});

	it('gives a removed row as a negative sum', () => {
		expect(dataChanges({ plan, expenses: LEDGER }, { plan, expenses: [LEDGER[0]!] })).toEqual([
			{
				part: 'expenses',
				change: 'removed',
				year: 2018,
				count: 1,
				cents: -30000,
				rows: [{ file: 'ledger.csv', line: 3 }]
			}
		]);
	});

	it('counts a row with the same key but another event as changed', () => {
		const moved = { ...LEDGER[1]!, event: 2 };
		expect(
			dataChanges({ plan, expenses: LEDGER }, { plan, expenses: [LEDGER[0]!, moved] })
		).toEqual([
			{
				part: 'expenses',
				change: 'changed',
				year: 2018,
				count: 1,
				cents: 0,
				rows: [{ file: 'ledger.csv', line: 3 }]
			}
		]);
	});

	it('gives a changed amount as after minus before', () => {
		const corrected = { ...LEDGER[0]!, cents: 45000 };
		const [change] = dataChanges(
			{ plan, expenses: LEDGER },
			{ plan, expenses: [corrected, LEDGER[1]!] }
		);
		expect(change).toMatchObject({ part: 'expenses', change: 'changed', cents: -5000 });
	});

	it('orders the changes by year, then added, removed, changed', () => {
		const after = [
			{ ...LEDGER[0]!, payee: 'airBaltic' },
			expense(9, '2018-12-01', 700),
			expense(10, '2017-12-30', 100)
		];
		expect(
			dataChanges({ plan, expenses: LEDGER }, { plan, expenses: after }).map((c) =>
				'year' in c ? `${c.year} ${c.change} ${c.count}` : c.part
			)
		).toEqual(['2017 added 1', '2018 added 1', '2018 removed 1', '2018 changed 1']);
	});

	it('names at most ten rows per change, but counts and sums them all', () => {
		const added = Array.from({ length: 12 }, (_, i) => expense(100 + i, '2019-02-01', 100));
		const [change] = dataChanges({ plan, expenses: [] }, { plan, expenses: added });
		expect(change).toMatchObject({ count: 12, cents: 1200 });
		expect((change as { rows: unknown[] }).rows).toHaveLength(10);
	});
});

describe('what changed in the trips', () => {
	const plan = solidDefinition();

	it('groups trips added and removed per event', () => {
		const after = [TRAVEL[0]!, trip(4, 2), trip(5, 2), trip(6, null)];
		expect(dataChanges({ plan, trips: TRAVEL }, { plan, trips: after })).toEqual([
			{
				part: 'trips',
				change: 'removed',
				event: 1,
				count: 1,
				rows: [{ file: 'travel.csv', line: 3 }]
			},
			{
				part: 'trips',
				change: 'added',
				event: 2,
				count: 1,
				rows: [{ file: 'travel.csv', line: 5 }]
			},
			{
				part: 'trips',
				change: 'added',
				event: null,
				count: 1,
				rows: [{ file: 'travel.csv', line: 6 }]
			}
		]);
	});

	it('counts a trip that was cancelled since as changed', () => {
		const after = [TRAVEL[0]!, TRAVEL[1]!, { ...TRAVEL[2]!, status: 'cancelled' as const }];
		expect(dataChanges({ plan, trips: TRAVEL }, { plan, trips: after })).toEqual([
			{
				part: 'trips',
				change: 'changed',
				event: 2,
				count: 1,
				rows: [{ file: 'travel.csv', line: 4 }]
			}
		]);
	});
});

describe('which parts are compared', () => {
	it('compares only the parts present in both snapshots', () => {
		const plan = solidDefinition();
		expect(dataChanges({ plan, expenses: LEDGER }, { plan, trips: TRAVEL })).toEqual([]);
		expect(dataChanges({ plan }, { plan, expenses: LEDGER, trips: TRAVEL })).toEqual([]);
		expect(dataChanges({ plan, trips: [] }, { plan, expenses: LEDGER, trips: TRAVEL })).toEqual([
			expect.objectContaining({ part: 'trips', change: 'added', event: 1, count: 2 }),
			expect.objectContaining({ part: 'trips', change: 'added', event: 2, count: 1 })
		]);
	});

	it('lists plan changes before row changes', () => {
		const before = { plan: solidDefinition(), expenses: [], trips: [] };
		const after = {
			plan: solidDefinition((d) => {
				d.code = 'SOLID2';
			}),
			expenses: [LEDGER[0]!],
			trips: [TRAVEL[0]!]
		};
		expect(dataChanges(before, after).map((c) => c.part)).toEqual(['plan', 'expenses', 'trips']);
	});
});
