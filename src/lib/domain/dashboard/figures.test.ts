import { describe, expect, it } from 'vitest';
import { solidDefinition } from '$tests/factories/projects';
import {
	plannedMobilityTotal,
	projectFigures,
	type FiguresPlan,
	type SpendRow,
	type TripSum
} from './figures';

const spend = (
	month: string,
	category: string,
	event: number | null,
	cents: number,
	rows = 1,
	funding?: SpendRow['funding']
): SpendRow => ({
	month,
	category,
	event,
	cents,
	rows,
	...(funding === undefined ? {} : { funding })
});

const trips = (
	event: number | null,
	status: TripSum['status'],
	count: number,
	first: string | null = null,
	last: string | null = null
): TripSum => ({ event, status, count, first, last });

const SPEND: SpendRow[] = [
	spend('2018-02', '2122', 1, 42690, 1, 'eu'),
	spend('2018-03', '2311', null, 3850, 1, 'council'),
	spend('2018-03', '2122', 1, 20000, 2, 'eu'),
	spend('2019-04', '2241', 5, 12050, 3, 'council'),
	spend('2019-06', '', 5, 1000, 1, null)
];

const TRIPS: TripSum[] = [
	trips(1, 'done', 3, '2018-03-13', '2018-03-15'),
	trips(3, 'done', 1, '2018-10-09', '2018-10-11'),
	trips(3, 'cancelled', 1, '2018-10-01', '2018-10-20')
];

const figuresOf = (
	plan: FiguresPlan = solidDefinition(),
	rows: SpendRow[] = SPEND,
	tripSums: TripSum[] = TRIPS
) => projectFigures({ plan, spend: rows, trips: tripSums });

describe('the years against the plan', () => {
	it('sets each planned year against its spend, and totals them', () => {
		const figures = figuresOf();
		expect(figures.years.map((y) => [y.year, y.plan, y.actual, y.variance, y.rows])).toEqual([
			[2018, 309000, 66540, -242460, 4],
			[2019, 107000, 13050, -93950, 4]
		]);
		expect(figures.total).toMatchObject({
			prefinancing: 150000,
			cofinancing: 266000,
			plan: 416000,
			actual: 79590,
			variance: -336410,
			rows: 8,
			status: 'under'
		});
	});

	it('gives a year with spend outside the plan years a plan of 0 and no ratio, and counts it in the total', () => {
		const figures = figuresOf(solidDefinition(), [...SPEND, spend('2020-01', '2122', null, 2500)]);
		expect(figures.years.map((y) => y.year)).toEqual([2018, 2019, 2020]);
		expect(figures.years[2]).toMatchObject({
			plan: 0,
			actual: 2500,
			variance: 2500,
			ratio: null,
			status: 'over',
			rows: 1
		});
		expect(figures.total.actual).toBe(82090);
		expect(figures.monthly.at(-1)).toMatchObject({ month: '2020-01', cumulative: 82090 });
	});

	it('splits each year by funding source, a row that names none as unmarked', () => {
		const figures = figuresOf();
		expect(figures.years.map((y) => y.bySource)).toEqual([
			{ eu: 62690, council: 3850, none: 0 },
			{ eu: 0, council: 12050, none: 1000 }
		]);
		expect(figures.total.bySource).toEqual({ eu: 62690, council: 15900, none: 1000 });
	});

	it('counts sums that do not say their source (the database keeps none) as unmarked', () => {
		const figures = figuresOf(solidDefinition(), [spend('2018-05', '2122', 1, 700)]);
		expect(figures.total.bySource).toEqual({ eu: 0, council: 0, none: 700 });
	});

	it('gives every planned year, and the whole plan, with no spend at all', () => {
		const figures = figuresOf(solidDefinition(), [], []);
		expect(figures.years.map((y) => [y.year, y.actual, y.rows])).toEqual([
			[2018, 0, 0],
			[2019, 0, 0]
		]);
		expect(figures.total).toMatchObject({ actual: 0, variance: -416000, rows: 0 });
		expect(figures.byCategory).toEqual([]);
		expect(figures.unassigned).toEqual({ cents: 0, rows: 0 });
	});
});

describe('the monthly series', () => {
	it('runs over the whole period, the running total flat in months without spend', () => {
		const { monthly } = figuresOf();
		expect(monthly[0]).toMatchObject({ month: '2018-01', spent: 0, cumulative: 0 });
		expect(monthly[1]).toMatchObject({ month: '2018-02', spent: 42690, cumulative: 42690 });
		expect(monthly[2]).toMatchObject({ month: '2018-03', spent: 23850, cumulative: 66540 });
		expect(monthly.at(-1)).toMatchObject({ month: '2019-11', cumulative: 79590, proRata: 416000 });
	});
});

describe('the spend by category and by event', () => {
	it('lists the categories largest first, a row without a code under an empty one', () => {
		expect(figuresOf().byCategory).toEqual([
			{ category: '2122', cents: 62690, rows: 3 },
			{ category: '2241', cents: 12050, rows: 3 },
			{ category: '2311', cents: 3850, rows: 1 },
			{ category: '', cents: 1000, rows: 1 }
		]);
	});

	it('lists the spend without a code last, however large it is', () => {
		const rows = [...SPEND, spend('2019-07', '', null, 900_000)];
		expect(figuresOf(solidDefinition(), rows).byCategory.map((c) => c.category)).toEqual([
			'2122',
			'2241',
			'2311',
			''
		]);
	});

	it('lists the events by number with the spend linked to no event last, and gives it apart', () => {
		const figures = figuresOf();
		expect(figures.byEvent).toEqual([
			{ event: 1, cents: 62690, rows: 3 },
			{ event: 5, cents: 13050, rows: 4 },
			{ event: null, cents: 3850, rows: 1 }
		]);
		expect(figures.unassigned).toEqual({ cents: 3850, rows: 1 });
	});

	it('gives the same figures from single rows as from their sums', () => {
		const single = SPEND.flatMap((row) =>
			Array.from({ length: row.rows }, (_, i) => ({
				...row,
				rows: 1,
				cents: i === 0 ? row.cents - (row.rows - 1) : 1
			}))
		);
		expect(figuresOf(solidDefinition(), single)).toEqual(figuresOf());
	});
});

describe('the events and the mobilities', () => {
	it("sets each event's trips against its representatives, an event with no trips at 0 and no dates", () => {
		const { events } = figuresOf();
		expect(events.map((e) => [e.number, e.planned, e.completed, e.cancelled])).toEqual([
			[1, 3, 3, 0],
			[2, 6, 0, 0],
			[3, 2, 1, 1],
			[4, 2, 0, 0],
			[5, 2, 0, 0]
		]);
		expect(events[1]).toMatchObject({ month: '2018-06', country: 'BG', from: null, to: null });
	});

	it('dates an event by the trips that took place only, across all their sums', () => {
		const figures = figuresOf(
			solidDefinition(),
			[],
			[
				...TRIPS,
				trips(1, 'done', 1, '2018-03-12', '2018-03-14'),
				trips(1, 'done', 1, '2018-03-14', '2018-03-16')
			]
		);
		expect(figures.events[0]).toMatchObject({ completed: 5, from: '2018-03-12', to: '2018-03-16' });
		expect(figures.events[2]).toMatchObject({ from: '2018-10-09', to: '2018-10-11' });
	});

	it('counts SOLID at 4 of 15 with the plan stated, and the trips of no event apart', () => {
		const figures = figuresOf(solidDefinition(), [], [...TRIPS, trips(null, 'done', 2)]);
		expect(figures.mobility).toEqual({ planned: 15, completed: 6, cancelled: 1, unassigned: 2 });
		expect(figures.mobilityByEvent['3']).toEqual({ planned: 2, completed: 1, cancelled: 1 });
		expect(Object.keys(figures.mobilityByEvent)).toEqual(['1', '2', '3', '4', '5']);
	});

	it('counts trips for an event the plan no longer has, at a plan of 0, outside the event list', () => {
		const figures = figuresOf(solidDefinition(), [], [...TRIPS, trips(9, 'done', 2, '2019-01-02')]);
		expect(figures.mobility).toMatchObject({ completed: 6, cancelled: 1, unassigned: 0 });
		expect(figures.mobilityByEvent['9']).toEqual({ planned: 0, completed: 2, cancelled: 0 });
		expect(figures.events.map((e) => e.number)).toEqual([1, 2, 3, 4, 5]);
	});

	it('plans what the plan states when its events add up to another number', () => {
		const plan = solidDefinition((d) => {
			d.plannedMobilities = 20;
		});
		const figures = figuresOf(plan);
		expect(figures.mobility.planned).toBe(20);
		// Each event still plans its own representatives: 15 in all, against the 20 promised.
		expect(figures.events.reduce((n, e) => n + e.planned, 0)).toBe(15);
	});

	it("plans the events' representatives when the plan states no number", () => {
		const plan = solidDefinition((d) => {
			d.plannedMobilities = undefined;
			d.events[1]!.representatives = 4;
		});
		expect(figuresOf(plan).mobility.planned).toBe(13);
		expect(plannedMobilityTotal(plan)).toBe(13);
	});

	it('keeps a stated 0, rather than falling back to the events', () => {
		expect(plannedMobilityTotal({ plannedMobilities: 0, events: [{ representatives: 3 }] })).toBe(
			0
		);
		expect(
			plannedMobilityTotal({ plannedMobilities: null, events: [{ representatives: 3 }] })
		).toBe(3);
	});
});
