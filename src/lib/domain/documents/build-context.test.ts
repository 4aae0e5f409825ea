import { describe, expect, it } from 'vitest';
import { solidDefinition } from '$tests/factories/projects';
import { buildContext, documentTitle, type ContextOptions } from './build-context';
import { documentContextSchema } from './document-context';
import { reportNarratives } from '../report/narratives';
import type { DocumentData, ExpenseRecord, TripRecord } from './document-data';

const OPTIONS: ContextOptions = {
	lang: 'lv',
	date: '2020-01-15',
	template: 'final-report',
	version: 3,
	expenseLimit: 100,
	csvLink: '/projects/SOLID/expenses.csv'
};

function expense(
	line: number,
	date: string,
	cents: number,
	funding: ExpenseRecord['funding'],
	event: number | null
): ExpenseRecord {
	return {
		key: `row-${line}`,
		date,
		cents,
		currency: 'EUR',
		category: '2122',
		event,
		funding,
		document: `DOC-${line}`,
		payee: 'airBaltic Corporation AS',
		description: `Expense on line ${line}`,
		file: 'ledger.csv',
		line
	};
}

function trip(
	line: number,
	person: string,
	event: number | null,
	status: TripRecord['status'],
	ret: string | null = '2018-03-15'
): TripRecord {
	return {
		key: `trip-${line}`,
		person,
		position: 'Specialist',
		event,
		city: 'Jette',
		country: 'BE',
		departure: '2018-03-13',
		return: ret,
		order: `R-2018/${line}`,
		status,
		file: 'travel.csv',
		line
	};
}

const EXPENSES: ExpenseRecord[] = [
	expense(2, '2018-03-01', 50000, 'eu', 1),
	expense(3, '2018-05-10', 30000, 'council', null),
	expense(4, '2019-04-02', 12050, 'council', 5),
	expense(5, '2019-06-01', 1000, null, 5)
];

const TRIPS: TripRecord[] = [
	trip(2, 'Inese Kalniņa', 1, 'done'),
	trip(3, 'Jānis Bērziņš', 1, 'done'),
	trip(4, 'Sergejs Petrovs', 2, 'cancelled', null),
	trip(5, 'Olga Ivanova', null, 'done')
];

const full = (): DocumentData => ({
	plan: solidDefinition(),
	expenses: EXPENSES,
	trips: TRIPS,
	narratives: reportNarratives([
		{ event: 1, section: 'happened', lv: 'Tikšanās Jettē.', en: '' },
		{ event: 0, section: 'dissemination', lv: '', en: 'On the website.' }
	]),
	letterhead: { name: { lv: 'Daugavpils pašvaldība', en: '' }, logo: null },
	versions: {
		number: 2,
		status: 'adopted',
		kind: 'amendment',
		amends: {
			decision: solidDefinition().decision,
			title: solidDefinition().title,
			before: solidDefinition((d) => {
				d.funding.years[1]!.cofinancing = 60000;
			})
		}
	},
	control: { expenses: [], findings: [], samples: [], reasons: [], people: [] }
});

describe('the fields every template sees', () => {
	it('carries the document, the project and the decision', () => {
		const context = buildContext({ plan: solidDefinition() }, OPTIONS);
		expect(context.lang).toBe('lv');
		expect(context.document).toEqual({ date: '2020-01-15', template: 'final-report', version: 3 });
		expect(context.project).toMatchObject({
			code: 'SOLID',
			title: { lv: 'Vietējās solidaritātes – globālās solidaritātes tīkls' },
			currency: 'EUR',
			start: '2018-01-01',
			end: '2019-11-15',
			planned_mobilities: 15
		});
		expect(context.decision).toEqual({
			body: { lv: 'Daugavpils pilsētas dome', en: 'Daugavpils City Council' },
			body_genitive: 'Daugavpils pilsētas domes',
			date: '2018-02-22',
			number: '57',
			annex: 1
		});
	});

	it('uses the Latvian body name in English when the plan has no English one', () => {
		const plan = solidDefinition((d) => {
			d.decision.body.en = '';
		});
		expect(buildContext({ plan }, OPTIONS).decision.body.en).toBe('Daugavpils pilsētas dome');
	});

	it('numbers the partners from 1 and writes their lines as the annex does', () => {
		const { partners, lead_partner } = buildContext({ plan: solidDefinition() }, OPTIONS);
		expect(partners).toHaveLength(12);
		expect(partners[0]).toEqual({
			number: 1,
			name: 'Daugavpils pilsētas dome',
			local_name: '',
			city: '',
			country: 'LV',
			country_name: 'Latvija',
			line: 'Daugavpils pilsētas dome, Latvija'
		});
		expect(partners[7]).toMatchObject({ number: 8, country: 'MK', country_name: 'Maķedonija' });
		expect(partners.at(-1)!.number).toBe(12);
		expect(lead_partner).toMatchObject({
			number: 0,
			name: 'Jette kultūras centrs',
			local_name: 'Le Centre Culturel de Jette',
			line: 'Jette kultūras centrs /Le Centre Culturel de Jette/, Jette, Beļģija'
		});
	});

	it('writes names, countries and event titles in English for an English document', () => {
		const context = buildContext({ plan: solidDefinition() }, { ...OPTIONS, lang: 'en' });
		expect(context.lang).toBe('en');
		expect(context.partners[0]!.line).toBe('Daugavpils City Council, Latvia');
		expect(context.lead_partner.line).toBe(
			'Jette Cultural Centre /Le Centre Culturel de Jette/, Jette, Belgium'
		);
		expect(context.events[0]).toMatchObject({
			title: 'project kick-off meeting',
			place: 'Jette, Belgium'
		});
	});

	it("sums the council's money over the years, in year order", () => {
		const plan = solidDefinition((d) => {
			d.funding.years.reverse();
		});
		expect(buildContext({ plan }, OPTIONS).funding).toEqual({
			total: 416000,
			eu: 150000,
			council: 266000,
			prefinancing: 150000,
			cofinancing: 266000,
			years: [
				{ year: 2018, prefinancing: 110000, cofinancing: 199000 },
				{ year: 2019, prefinancing: 40000, cofinancing: 67000 }
			]
		});
	});

	it('lists the events by number, with an empty title and city where the plan has none', () => {
		const plan = solidDefinition((d) => {
			d.events.reverse();
		});
		const { events } = buildContext({ plan }, OPTIONS);
		expect(events.map((e) => e.number)).toEqual([1, 2, 3, 4, 5]);
		expect(events[0]).toMatchObject({
			title: 'projekta atklāšanas tikšanās (kick-off)',
			city: 'Jette',
			country: 'BE',
			place: 'Jette, Beļģija',
			month: '2018-03',
			representatives: 3
		});
		expect(events[1]).toMatchObject({ title: '', city: '', place: 'Bulgārija' });
	});

	it("counts the events' representatives when the plan promises no number of mobilities", () => {
		const plan = solidDefinition((d) => {
			d.plannedMobilities = undefined;
			d.events[1]!.representatives = 4;
		});
		const context = buildContext({ plan, trips: [] }, OPTIONS);
		expect(context.project.planned_mobilities).toBe(13);
		expect(context.mobility!.planned).toBe(13);
	});

	it('gives the PDF title in the asked language', () => {
		expect(documentTitle({ plan: solidDefinition() }, 'en')).toBe(
			'Local solidarity- global solidarity Network'
		);
	});

	it('gives a decision draft its plan version, the decision it amends and the years that change', () => {
		const context = buildContext(full(), OPTIONS);
		expect(context.plan_version).toEqual({
			number: 2,
			status: 'adopted',
			draft: false,
			kind: 'amendment'
		});
		expect(context.amendment?.decision).toMatchObject({ number: '57', date: '2018-02-22' });
		expect(context.amendment?.changed_years).toEqual([
			{
				year: 2019,
				prefinancing: 40000,
				cofinancing: 67000,
				prefinancing_before: 40000,
				cofinancing_before: 60000
			}
		]);
		expect('plan_version' in buildContext({ plan: solidDefinition() }, OPTIONS)).toBe(false);
	});

	it('matches the context schema that templates are checked against', () => {
		expect(documentContextSchema.safeParse(buildContext(full(), OPTIONS)).success).toBe(true);
	});
});

describe('the budget, from the plan and the expense rows', () => {
	const { budget } = buildContext(full(), OPTIONS);

	it('gives each year its plan, actual and variance', () => {
		expect(budget!.years).toEqual([
			{
				year: 2018,
				prefinancing: 110000,
				cofinancing: 199000,
				plan: 309000,
				actual: 80000,
				actual_eu: 50000,
				actual_council: 30000,
				actual_unmarked: 0,
				variance: -229000,
				variance_ratio: -229000 / 309000
			},
			{
				year: 2019,
				prefinancing: 40000,
				cofinancing: 67000,
				plan: 107000,
				actual: 13050,
				actual_eu: 0,
				actual_council: 12050,
				actual_unmarked: 1000,
				variance: -93950,
				variance_ratio: -93950 / 107000
			}
		]);
	});

	it('splits each year by source: EU against pre-financing, council against co-financing', () => {
		expect(budget!.sources).toEqual([
			{ year: 2018, source: 'eu', plan: 110000, actual: 50000, variance: -60000 },
			{ year: 2018, source: 'council', plan: 199000, actual: 30000, variance: -169000 },
			{ year: 2019, source: 'eu', plan: 40000, actual: 0, variance: -40000 },
			{ year: 2019, source: 'council', plan: 67000, actual: 12050, variance: -54950 },
			{ year: 2019, source: 'none', plan: 0, actual: 1000, variance: 1000 }
		]);
	});

	it('adds a "none" line only in years with unmarked rows', () => {
		const marked = EXPENSES.filter((e) => e.funding !== null);
		const { budget: onlyMarked } = buildContext(
			{ plan: solidDefinition(), expenses: marked },
			OPTIONS
		);
		expect(onlyMarked!.sources.some((s) => s.source === 'none')).toBe(false);
		expect(onlyMarked!.sources).toHaveLength(4);
	});

	it('totals the whole period', () => {
		expect(budget!.total).toEqual({
			prefinancing: 150000,
			cofinancing: 266000,
			plan: 416000,
			actual: 93050,
			actual_eu: 50000,
			actual_council: 42050,
			actual_unmarked: 1000,
			variance: -322950,
			variance_ratio: -322950 / 416000
		});
	});

	it('shows a year with spend but no plan, with no ratio', () => {
		const expenses = [...EXPENSES, expense(9, '2020-01-10', 2500, 'council', null)];
		const { budget: late } = buildContext({ plan: solidDefinition(), expenses }, OPTIONS);
		expect(late!.years.map((y) => y.year)).toEqual([2018, 2019, 2020]);
		expect(late!.years[2]).toMatchObject({
			plan: 0,
			actual: 2500,
			variance: 2500,
			variance_ratio: null
		});
		expect(late!.sources.filter((s) => s.year === 2020)).toEqual([
			{ year: 2020, source: 'eu', plan: 0, actual: 0, variance: 0 },
			{ year: 2020, source: 'council', plan: 0, actual: 2500, variance: 2500 }
		]);
		expect(late!.total.actual).toBe(95550);
	});

	it('gives every planned year with no rows at all', () => {
		const { budget: empty } = buildContext({ plan: solidDefinition(), expenses: [] }, OPTIONS);
		expect(empty!.years.map((y) => [y.year, y.plan, y.actual, y.variance])).toEqual([
			[2018, 309000, 0, -309000],
			[2019, 107000, 0, -107000]
		]);
		expect(empty!.total).toMatchObject({ plan: 416000, actual: 0, variance: -416000 });
	});
});

describe('mobility and the events, from the trips', () => {
	const context = buildContext(full(), OPTIONS);

	it('counts trips done and cancelled, those with no event, and the share of planned', () => {
		expect(context.mobility).toEqual({
			planned: 15,
			done: 3,
			cancelled: 1,
			unassigned: 1,
			share: 3 / 15
		});
	});

	it("lists each event's participants with their travel-order file and line", () => {
		expect(context.events[0]!.participants).toEqual([
			{
				name: 'Inese Kalniņa',
				position: 'Specialist',
				departure: '2018-03-13',
				return: '2018-03-15',
				order: 'R-2018/2',
				status: 'done',
				source: 'travel.csv:2'
			},
			{
				name: 'Jānis Bērziņš',
				position: 'Specialist',
				departure: '2018-03-13',
				return: '2018-03-15',
				order: 'R-2018/3',
				status: 'done',
				source: 'travel.csv:3'
			}
		]);
		expect(context.events[1]!.participants).toEqual([
			expect.objectContaining({ name: 'Sergejs Petrovs', return: '', status: 'cancelled' })
		]);
		expect(context.events[2]!.participants).toEqual([]);
	});

	it('counts done and cancelled trips and the linked spend per event', () => {
		expect(
			context.events.map((e) => ({ n: e.number, done: e.done, x: e.cancelled, spent: e.spent }))
		).toEqual([
			{ n: 1, done: 2, x: 0, spent: 50000 },
			{ n: 2, done: 0, x: 1, spent: 0 },
			{ n: 3, done: 0, x: 0, spent: 0 },
			{ n: 4, done: 0, x: 0, spent: 0 },
			{ n: 5, done: 0, x: 0, spent: 13050 }
		]);
	});

	it('gives a share of 0, not a division by zero, when nothing is planned', () => {
		const plan = solidDefinition((d) => {
			d.plannedMobilities = 0;
		});
		expect(buildContext({ plan, trips: TRIPS }, OPTIONS).mobility!.share).toBe(0);
	});
});

describe('the expense list', () => {
	it('lists every row with its ledger file and line while within the limit', () => {
		const { expenses } = buildContext(full(), { ...OPTIONS, expenseLimit: 4 });
		expect(expenses!.listed).toBe(true);
		expect(expenses!.limit).toBe(4);
		expect(expenses!.rows).toHaveLength(4);
		expect(expenses!.rows[0]).toEqual({
			date: '2018-03-01',
			amount: 50000,
			currency: 'EUR',
			category: '2122',
			category_name: '',
			event: '1',
			funding: 'eu',
			document: 'DOC-2',
			payee: 'airBaltic Corporation AS',
			description: 'Expense on line 2',
			source: 'ledger.csv:2'
		});
		expect(expenses!.rows[1]).toMatchObject({ event: '', funding: 'council' });
		expect(expenses!.rows[3]).toMatchObject({ event: '5', funding: '' });
	});

	it('lists no rows above the limit, but still gives the count, the total and the years', () => {
		const { expenses } = buildContext(full(), { ...OPTIONS, expenseLimit: 3 });
		expect(expenses).toEqual({
			count: 4,
			total: 93050,
			listed: false,
			limit: 3,
			rows: [],
			by_year: [
				{ year: 2018, count: 2, amount: 80000 },
				{ year: 2019, count: 2, amount: 13050 }
			],
			by_category: [{ category: '2122', name: '', count: 4, amount: 93050 }],
			csv: '/projects/SOLID/expenses.csv'
		});
	});

	it("sums by classification code, named from the project's list, then the shipped one", () => {
		const plan = solidDefinition((d) => {
			d.classification = [
				{ code: '2122', name: { lv: 'Pārējie komandējumu izdevumi', en: 'Other travel costs' } }
			];
		});
		const rows = [
			{ ...EXPENSES[0]!, category: '1100' },
			{ ...EXPENSES[1]!, category: '' },
			EXPENSES[2]!,
			EXPENSES[3]!
		];
		const byCategory = (lang: 'lv' | 'en') =>
			buildContext({ plan, expenses: rows }, { ...OPTIONS, lang }).expenses!;
		const lv = byCategory('lv');
		expect(lv.by_category).toEqual([
			{ category: '1100', name: 'Atalgojums', count: 1, amount: 50000 },
			{ category: '2122', name: 'Pārējie komandējumu izdevumi', count: 2, amount: 13050 },
			{ category: '', name: '', count: 1, amount: 30000 }
		]);
		expect(lv.by_category.reduce((n, c) => n + c.amount, 0)).toBe(lv.total);
		expect(lv.rows.map((r) => r.category_name)).toEqual([
			'Atalgojums',
			'',
			'Pārējie komandējumu izdevumi',
			'Pārējie komandējumu izdevumi'
		]);
		expect(byCategory('en').by_category.map((c) => c.name)).toEqual([
			'Atalgojums',
			'Other travel costs',
			''
		]);
	});

	it('sorts the years even when the rows are not in date order', () => {
		const { expenses } = buildContext(
			{ plan: solidDefinition(), expenses: [...EXPENSES].reverse() },
			OPTIONS
		);
		expect(expenses!.by_year.map((y) => y.year)).toEqual([2018, 2019]);
	});
});

describe('the parts the data does not include', () => {
	it('has no budget, expenses or mobility for the plan alone', () => {
		const context = buildContext({ plan: solidDefinition() }, OPTIONS);
		expect('budget' in context).toBe(false);
		expect('expenses' in context).toBe(false);
		expect('mobility' in context).toBe(false);
		expect(context.events[0]).toMatchObject({ done: 0, cancelled: 0, spent: 0, participants: [] });
	});

	it('has the budget and expenses but no mobility without trips', () => {
		const context = buildContext({ plan: solidDefinition(), expenses: EXPENSES }, OPTIONS);
		expect(Object.keys(context)).toEqual(expect.arrayContaining(['budget', 'expenses']));
		expect('mobility' in context).toBe(false);
	});

	it('has mobility but no budget or expenses without expense rows', () => {
		const context = buildContext({ plan: solidDefinition(), trips: TRIPS }, OPTIONS);
		expect(context.mobility!.done).toBe(3);
		expect('budget' in context).toBe(false);
		expect('expenses' in context).toBe(false);
	});

	it('keeps the parts when the data asks for them but has no rows', () => {
		const context = buildContext({ plan: solidDefinition(), expenses: [], trips: [] }, OPTIONS);
		expect(context.expenses).toMatchObject({ count: 0, total: 0, listed: true, by_year: [] });
		expect(context.mobility).toMatchObject({ planned: 15, done: 0, share: 0 });
	});
});
