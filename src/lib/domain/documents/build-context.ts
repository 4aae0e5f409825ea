/**
 * Turns a document's data (the plan, and the rows it asked for) into the fields its template
 * reads. Everything is summed here from the same rows the fingerprint covers, so a figure in a
 * PDF is always the sum of rows that the stored snapshot lists.
 */
import { classificationName } from '../classification/classification-name';
import { countryName } from '../countries';
import { yearVariances, totalVariance } from '../dashboard/year-variance';
import { pick, type Locale } from '../locale';
import type { Cents } from '../money';
import {
	eventPlace,
	eventTitle,
	leadPartnerLine,
	partnerLine,
	partnerName
} from '../project/describe';
import type { DocumentData, ExpenseRecord, TripRecord } from './document-data';
import type { BudgetYear, DocumentContext } from './document-context';

export interface ContextOptions {
	lang: Locale;
	/** The date the document carries: a parameter, so that the same inputs give the same PDF. */
	date: string;
	template: string;
	version: number;
	/** The most expense rows a document lists; above it the template points to the CSV. */
	expenseLimit: number;
	/** Where the reader downloads the whole expense list. */
	csvLink: string;
}

const yearOf = (iso: string) => Number(iso.slice(0, 4));
const source = (row: { file: string; line: number }) => `${row.file}:${row.line}`;

function budget(data: DocumentData, expenses: readonly ExpenseRecord[]): DocumentContext['budget'] {
	const byYear = new Map<number, Cents>();
	const byFunding = new Map<number, { eu: Cents; council: Cents; none: Cents }>();
	for (const row of expenses) {
		const year = yearOf(row.date);
		byYear.set(year, (byYear.get(year) ?? 0) + row.cents);
		const split = byFunding.get(year) ?? { eu: 0, council: 0, none: 0 };
		split[row.funding ?? 'none'] += row.cents;
		byFunding.set(year, split);
	}
	const years = yearVariances(data.plan.funding.years, byYear);
	const split = (year: number) => byFunding.get(year) ?? { eu: 0, council: 0, none: 0 };
	const row = (
		y: Omit<(typeof years)[number], 'year'>,
		funding: { eu: Cents; council: Cents; none: Cents }
	): Omit<BudgetYear, 'year'> => ({
		prefinancing: y.prefinancing,
		cofinancing: y.cofinancing,
		plan: y.plan,
		actual: y.actual,
		actual_eu: funding.eu,
		actual_council: funding.council,
		actual_unmarked: funding.none,
		variance: y.variance,
		variance_ratio: y.ratio
	});
	const all = { eu: 0, council: 0, none: 0 };
	for (const y of years) {
		const s = split(y.year);
		all.eu += s.eu;
		all.council += s.council;
		all.none += s.none;
	}
	const sources = years.flatMap((y) => {
		const spent = split(y.year);
		const lines: { year: number; source: 'eu' | 'council' | 'none'; plan: Cents; actual: Cents }[] =
			[
				{ year: y.year, source: 'eu', plan: y.prefinancing, actual: spent.eu },
				{ year: y.year, source: 'council', plan: y.cofinancing, actual: spent.council }
			];
		if (spent.none !== 0) lines.push({ year: y.year, source: 'none', plan: 0, actual: spent.none });
		return lines.map((line) => ({ ...line, variance: line.actual - line.plan }));
	});
	return {
		years: years.map((y) => ({ year: y.year, ...row(y, split(y.year)) })),
		sources,
		total: row(totalVariance(years), all)
	};
}

function expenseList(
	expenses: readonly ExpenseRecord[],
	options: ContextOptions,
	codeNames: DocumentData['plan']['classification']
): DocumentContext['expenses'] {
	const byYear = new Map<number, { count: number; amount: Cents }>();
	const byCategory = new Map<string, { count: number; amount: Cents }>();
	let total = 0;
	for (const row of expenses) {
		total += row.cents;
		const year = byYear.get(yearOf(row.date)) ?? { count: 0, amount: 0 };
		year.count++;
		year.amount += row.cents;
		byYear.set(yearOf(row.date), year);
		const category = byCategory.get(row.category) ?? { count: 0, amount: 0 };
		category.count++;
		category.amount += row.cents;
		byCategory.set(row.category, category);
	}
	const name = (code: string) => classificationName(code, options.lang, codeNames) ?? '';
	const listed = expenses.length <= options.expenseLimit;
	return {
		count: expenses.length,
		total,
		listed,
		limit: options.expenseLimit,
		rows: listed
			? expenses.map((row) => ({
					date: row.date,
					amount: row.cents,
					currency: row.currency,
					category: row.category,
					category_name: name(row.category),
					event: row.event === null ? '' : String(row.event),
					funding: row.funding ?? '',
					document: row.document,
					payee: row.payee,
					description: row.description,
					source: source(row)
				}))
			: [],
		by_year: [...byYear]
			.sort(([a], [b]) => a - b)
			.map(([year, sum]) => ({ year, count: sum.count, amount: sum.amount })),
		// By amount, largest first, as the dashboard's table; rows with no code come last.
		by_category: [...byCategory]
			.sort(([a, x], [b, y]) =>
				(a === '') !== (b === '') ? (a === '' ? 1 : -1) : y.amount - x.amount || (a < b ? -1 : 1)
			)
			.map(([code, sum]) => ({
				category: code,
				name: name(code),
				count: sum.count,
				amount: sum.amount
			})),
		csv: options.csvLink
	};
}

function participantsOf(trips: readonly TripRecord[], event: number) {
	return trips
		.filter((t) => t.event === event)
		.map((t) => ({
			name: t.person,
			position: t.position,
			departure: t.departure,
			return: t.return ?? '',
			order: t.order,
			status: t.status,
			source: source(t)
		}));
}

/** The context a template sees: the parts whose data the template did not ask for are absent. */
export type TemplateScope = Omit<DocumentContext, 'budget' | 'expenses' | 'mobility'> &
	Partial<Pick<DocumentContext, 'budget' | 'expenses' | 'mobility'>>;

export function buildContext(data: DocumentData, options: ContextOptions): TemplateScope {
	const { plan } = data;
	const lang = options.lang;
	const trips = data.trips ?? [];
	const expenses = data.expenses ?? [];
	const partner = (p: (typeof plan.partners)[number], i: number) => ({
		number: i + 1,
		name: partnerName(p, lang),
		local_name: '',
		city: p.city ?? '',
		country: p.country,
		country_name: countryName(p.country, lang, p.countryName),
		line: partnerLine(p, lang)
	});
	const spentByEvent = new Map<number, Cents>();
	for (const row of expenses)
		if (row.event !== null)
			spentByEvent.set(row.event, (spentByEvent.get(row.event) ?? 0) + row.cents);

	const events = [...plan.events]
		.sort((a, b) => a.number - b.number)
		.map((e) => {
			const participants = participantsOf(trips, e.number);
			return {
				number: e.number,
				title: eventTitle(e, lang) ?? '',
				city: e.city ?? '',
				country: e.country,
				place: eventPlace(e, lang),
				month: e.month,
				representatives: e.representatives,
				done: participants.filter((p) => p.status === 'done').length,
				cancelled: participants.filter((p) => p.status === 'cancelled').length,
				spent: spentByEvent.get(e.number) ?? 0,
				participants
			};
		});
	const planned = plan.plannedMobilities ?? plan.events.reduce((n, e) => n + e.representatives, 0);
	const done = trips.filter((t) => t.status === 'done').length;
	const context: DocumentContext = {
		lang,
		document: { date: options.date, template: options.template, version: options.version },
		project: {
			code: plan.code,
			title: plan.title,
			programme: plan.programme,
			currency: plan.currency,
			start: plan.period.start,
			end: plan.period.end,
			goal: plan.goal,
			activities: plan.activities ?? { lv: '', en: '' },
			planned_mobilities: planned
		},
		decision: {
			body: { lv: plan.decision.body.lv, en: plan.decision.body.en || plan.decision.body.lv },
			body_genitive: plan.decision.body.lvGenitive,
			date: plan.decision.date,
			number: plan.decision.number,
			annex: plan.decision.annex
		},
		lead_partner: {
			...partner(plan.leadPartner, -1),
			number: 0,
			local_name: plan.leadPartner.localName ?? '',
			line: leadPartnerLine(plan.leadPartner, lang)
		},
		partners: plan.partners.map(partner),
		funding: {
			total: plan.funding.total,
			eu: plan.funding.eu,
			council: plan.funding.council,
			prefinancing: plan.funding.years.reduce((n, y) => n + y.prefinancing, 0),
			cofinancing: plan.funding.years.reduce((n, y) => n + y.cofinancing, 0),
			years: [...plan.funding.years]
				.sort((a, b) => a.year - b.year)
				.map((y) => ({ year: y.year, prefinancing: y.prefinancing, cofinancing: y.cofinancing }))
		},
		events,
		mobility: {
			planned,
			done,
			cancelled: trips.length - done,
			unassigned: trips.filter((t) => t.event === null).length,
			share: planned === 0 ? 0 : done / planned
		},
		budget: budget(data, expenses),
		expenses: expenseList(expenses, options, plan.classification)
	};
	// A template that reads rows it did not ask for gets "undefined variable", not silent zeros.
	const scope: TemplateScope = context;
	if (!data.expenses) {
		delete scope.budget;
		delete scope.expenses;
	}
	if (!data.trips) delete scope.mobility;
	return scope;
}

/** The title in the asked language: used for the PDF's own title field. */
export const documentTitle = (data: DocumentData, lang: Locale) => pick(data.plan.title, lang);
