/**
 * Turns a document's data (the plan, and the rows it asked for) into the fields its template
 * reads. The figures come from the project's one figures computation, fed with the rows the
 * fingerprint covers (document-figures.ts), so a figure in a PDF is always the sum of rows that
 * the stored snapshot lists, added up as the dashboard adds them.
 */
import { periodLabel } from '../control/periods';
import { classificationName } from '../classification/classification-name';
import { countryName } from '../countries';
import type { ProjectFigures, TotalFigures } from '../dashboard/figures';
import { pick, type Locale } from '../locale';
import type { Cents } from '../money';
import {
	eventPlace,
	eventTitle,
	leadPartnerLine,
	partnerLine,
	partnerName
} from '../project/describe';
import { inLanguage, type ReportNarratives } from '../report/narratives';
import type { DocumentData, ExpenseRecord, TripRecord } from './document-data';
import { controlWorkContext } from './control-work-context';
import { documentFigures } from './document-figures';
import type { BudgetYear, DocumentContext } from './document-context';
import { controlContext } from './control-context';

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

const source = (row: { file: string; line: number }) => `${row.file}:${row.line}`;

function budget(figures: ProjectFigures): DocumentContext['budget'] {
	const row = (y: TotalFigures): Omit<BudgetYear, 'year'> => ({
		prefinancing: y.prefinancing,
		cofinancing: y.cofinancing,
		plan: y.plan,
		actual: y.actual,
		actual_eu: y.bySource.eu,
		actual_council: y.bySource.council,
		actual_unmarked: y.bySource.none,
		variance: y.variance,
		variance_ratio: y.ratio
	});
	const sources = figures.years.flatMap((y) => {
		const spent = y.bySource;
		const lines: { year: number; source: 'eu' | 'council' | 'none'; plan: Cents; actual: Cents }[] =
			[
				{ year: y.year, source: 'eu', plan: y.prefinancing, actual: spent.eu },
				{ year: y.year, source: 'council', plan: y.cofinancing, actual: spent.council }
			];
		if (spent.none !== 0) lines.push({ year: y.year, source: 'none', plan: 0, actual: spent.none });
		return lines.map((line) => ({ ...line, variance: line.actual - line.plan }));
	});
	return {
		years: figures.years.map((y) => ({ year: y.year, ...row(y) })),
		sources,
		total: row(figures.total),
		// Where each year's plan comes from: a list of its own, so the years keep their fields.
		decisions: figures.years.map((y) => ({
			year: y.year,
			number: y.decision?.number ?? '',
			date: y.decision?.date ?? ''
		}))
	};
}

function expenseList(
	expenses: readonly ExpenseRecord[],
	figures: ProjectFigures,
	options: ContextOptions,
	codeNames: DocumentData['plan']['classification']
): DocumentContext['expenses'] {
	const name = (code: string) => classificationName(code, options.lang, codeNames) ?? '';
	const listed = expenses.length <= options.expenseLimit;
	return {
		count: figures.total.rows,
		total: figures.total.actual,
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
		by_year: figures.years
			.filter((y) => y.rows > 0)
			.map((y) => ({ year: y.year, count: y.rows, amount: y.actual })),
		// In the dashboard's order: by amount, largest first.
		by_category: figures.byCategory.map((c) => ({
			category: c.category,
			name: name(c.category),
			count: c.rows,
			amount: c.cents
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
type Asked =
	| 'budget'
	| 'expenses'
	| 'control'
	| 'control_work'
	| 'mobility'
	| 'report'
	| 'plan_version'
	| 'amendment';
export type TemplateScope = Omit<DocumentContext, Asked> & Partial<Pick<DocumentContext, Asked>>;

type Plan = DocumentData['plan'];

const decisionOf = (decision: Plan['decision']): DocumentContext['decision'] => ({
	body: { lv: decision.body.lv, en: decision.body.en || decision.body.lv },
	body_genitive: decision.body.lvGenitive,
	date: decision.date,
	number: decision.number,
	annex: decision.annex
});

const yearsOf = (funding: Plan['funding']) =>
	[...funding.years]
		.sort((a, b) => a.year - b.year)
		.map((y) => ({ year: y.year, prefinancing: y.prefinancing, cofinancing: y.cofinancing }));

/** The years whose money an amendment changes: each year of either plan that differs. */
function changedYears(before: Plan['funding'], after: Plan['funding']) {
	const was = new Map(before.years.map((y) => [y.year, y]));
	const now = new Map(after.years.map((y) => [y.year, y]));
	return [...new Set([...was.keys(), ...now.keys()])]
		.sort((a, b) => a - b)
		.map((year) => ({
			year,
			prefinancing: now.get(year)?.prefinancing ?? 0,
			cofinancing: now.get(year)?.cofinancing ?? 0,
			prefinancing_before: was.get(year)?.prefinancing ?? 0,
			cofinancing_before: was.get(year)?.cofinancing ?? 0
		}))
		.filter(
			(y) => y.prefinancing !== y.prefinancing_before || y.cofinancing !== y.cofinancing_before
		);
}

/** Where the plan stands among the decisions, for a decision draft. */
function versionFields(
	versions: NonNullable<DocumentData['versions']>,
	plan: Plan
): Pick<DocumentContext, 'plan_version' | 'amendment'> {
	const { amends } = versions;
	return {
		plan_version: {
			number: versions.number,
			status: versions.status,
			draft: versions.status !== 'adopted',
			kind: versions.kind
		},
		amendment: amends && {
			decision: decisionOf(amends.decision),
			title: { lv: amends.title.lv, en: amends.title.en || amends.title.lv },
			before: {
				decision: decisionOf(amends.before.decision),
				total: amends.before.funding.total,
				eu: amends.before.funding.eu,
				council: amends.before.funding.council,
				years: yearsOf(amends.before.funding)
			},
			changed_years: changedYears(amends.before.funding, plan.funding)
		}
	};
}

/** The narratives in the document's language; events keep the plan's place, title and month. */
function reportOf(
	narratives: ReportNarratives,
	plan: DocumentData['plan'],
	lang: Locale
): DocumentContext['report'] {
	const byNumber = new Map(plan.events.map((e) => [e.number, e]));
	return {
		results: inLanguage(narratives.results, lang),
		dissemination: inLanguage(narratives.dissemination, lang),
		events: narratives.events.map((n) => {
			const event = byNumber.get(n.number);
			return {
				number: n.number,
				place: event ? eventPlace(event, lang) : '',
				title: event ? (eventTitle(event, lang) ?? '') : '',
				month: event?.month ?? '',
				happened: inLanguage(n.happened, lang),
				results: inLanguage(n.results, lang),
				countries: inLanguage(n.countries, lang)
			};
		})
	};
}

export function buildContext(data: DocumentData, options: ContextOptions): TemplateScope {
	const { plan } = data;
	const lang = options.lang;
	const partner = (p: (typeof plan.partners)[number], i: number) => ({
		number: i + 1,
		name: partnerName(p, lang),
		local_name: '',
		city: p.city ?? '',
		country: p.country,
		country_name: countryName(p.country, lang, p.countryName),
		line: partnerLine(p, lang)
	});
	const figures = documentFigures(data, options.date);
	const spentOn = (event: number) => figures.byEvent.find((e) => e.event === event)?.cents ?? 0;
	const events = [...plan.events]
		.sort((a, b) => a.number - b.number)
		.map((e) => {
			const trips = figures.mobilityByEvent[e.number]!;
			return {
				number: e.number,
				title: eventTitle(e, lang) ?? '',
				city: e.city ?? '',
				country: e.country,
				place: eventPlace(e, lang),
				month: e.month,
				representatives: e.representatives,
				done: trips.completed,
				cancelled: trips.cancelled,
				spent: spentOn(e.number),
				participants: participantsOf(data.trips ?? [], e.number)
			};
		});
	const { mobility } = figures;
	const context: Omit<DocumentContext, 'plan_version' | 'amendment' | 'control_work'> = {
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
			planned_mobilities: mobility.planned
		},
		decision: decisionOf(plan.decision),
		closed_periods: (data.closedPeriods ?? []).map((p) => ({
			label: periodLabel(p, lang),
			starts: p.starts,
			ends: p.ends,
			closed_at: p.closedOn,
			closed_by: p.closedBy
		})),
		letterhead: {
			name: data.letterhead?.name[lang] || data.letterhead?.name.lv || '',
			logo: Boolean(data.letterhead?.logo)
		},
		report: reportOf(
			data.narratives ?? {
				results: { lv: '', en: '' },
				dissemination: { lv: '', en: '' },
				events: []
			},
			plan,
			lang
		),
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
			prefinancing: figures.total.prefinancing,
			cofinancing: figures.total.cofinancing,
			years: yearsOf(plan.funding)
		},
		events,
		mobility: {
			planned: mobility.planned,
			done: mobility.completed,
			cancelled: mobility.cancelled,
			unassigned: mobility.unassigned,
			share: mobility.planned === 0 ? 0 : mobility.completed / mobility.planned
		},
		budget: budget(figures),
		expenses: expenseList(data.expenses ?? [], figures, options, plan.classification),
		control: controlContext(figures.control, lang, plan.classification)
	};
	// A template that reads rows it did not ask for gets "undefined variable", not silent zeros.
	const scope: TemplateScope = data.versions
		? { ...context, ...versionFields(data.versions, plan) }
		: context;
	if (!data.expenses) {
		delete scope.budget;
		delete scope.expenses;
		delete scope.control;
	}
	if (!data.trips) delete scope.mobility;
	if (!data.narratives) delete scope.report;
	if (data.control) scope.control_work = controlWorkContext(data.control, lang);
	return scope;
}

/** The title in the asked language: used for the PDF's own title field. */
export const documentTitle = (data: DocumentData, lang: Locale) => pick(data.plan.title, lang);
