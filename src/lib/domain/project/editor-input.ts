/**
 * The editor's working copy of a definition: every optional part present as a blank field, so
 * that each input has something to bind to, and money as the text the user typed. The schema
 * treats blanks as absent, so a working copy parses to the same definition as the file.
 */
import type { ProjectDefinitionInput } from './definition';

type Names = { lv: string; en: string };

export interface EditorPartner {
	name: string;
	nameEn: string;
	city: string;
	country: string;
	countryName: Names;
}

export interface EditorEvent {
	number: number | null;
	title: Names;
	city: string;
	country: string;
	countryName: Names;
	month: string;
	representatives: number | null;
}

export interface EditorYear {
	year: number | null;
	prefinancing: string;
	cofinancing: string;
}

export interface EditorInput {
	code: string;
	title: Names;
	currency: string;
	programme: Names;
	period: { start: string; end: string };
	leadPartner: EditorPartner & { localName: string };
	partners: EditorPartner[];
	decision: {
		body: { lv: string; lvGenitive: string; en: string };
		date: string;
		number: string;
		annex: number | null;
	};
	funding: { total: string; eu: string; council: string; years: EditorYear[] };
	events: EditorEvent[];
	plannedMobilities: number | null;
	goal: Names;
	activities: Names;
	/** Kept as the definition has it: the form does not edit the project's code names. */
	classification?: ProjectDefinitionInput['classification'];
}

const names = (value?: { lv?: string; en?: string }): Names => ({
	lv: value?.lv ?? '',
	en: value?.en ?? ''
});

export function emptyPartner(): EditorPartner {
	return { name: '', nameEn: '', city: '', country: '', countryName: names() };
}

export function emptyEvent(number: number): EditorEvent {
	return {
		number,
		title: names(),
		city: '',
		country: '',
		countryName: names(),
		month: '',
		representatives: null
	};
}

export function emptyYear(year: number | null): EditorYear {
	return { year, prefinancing: '', cofinancing: '' };
}

function partner(p: ProjectDefinitionInput['partners'][number]): EditorPartner {
	return {
		name: p.name,
		nameEn: p.nameEn ?? '',
		city: p.city ?? '',
		country: p.country,
		countryName: names(p.countryName)
	};
}

export interface EditorInputOptions {
	/** Show amounts as a Latvian reader types them, "4160,00"; the schema reads either form. */
	decimalComma?: boolean;
}

export function toEditorInput(
	d: ProjectDefinitionInput,
	options: EditorInputOptions = {}
): EditorInput {
	const money = (value: string | number) =>
		options.decimalComma ? String(value).replace('.', ',') : String(value);
	return {
		code: d.code,
		title: names(d.title),
		currency: d.currency ?? 'EUR',
		programme: names(d.programme),
		period: { ...d.period },
		leadPartner: { ...partner(d.leadPartner), localName: d.leadPartner.localName ?? '' },
		partners: d.partners.map(partner),
		decision: { ...d.decision, body: { ...d.decision.body } },
		funding: {
			total: money(d.funding.total),
			eu: money(d.funding.eu),
			council: money(d.funding.council),
			years: d.funding.years.map((y) => ({
				year: y.year,
				prefinancing: money(y.prefinancing),
				cofinancing: money(y.cofinancing)
			}))
		},
		events: d.events.map((e) => ({
			number: e.number,
			title: names(e.title),
			city: e.city ?? '',
			country: e.country,
			countryName: names(e.countryName),
			month: e.month,
			representatives: e.representatives
		})),
		plannedMobilities: d.plannedMobilities ?? null,
		goal: names(d.goal),
		activities: names(d.activities),
		...(d.classification ? { classification: d.classification } : {})
	};
}

export function emptyEditorInput(): EditorInput {
	return {
		code: '',
		title: names(),
		currency: 'EUR',
		programme: names(),
		period: { start: '', end: '' },
		leadPartner: { ...emptyPartner(), localName: '' },
		partners: [],
		decision: { body: { lv: '', lvGenitive: '', en: '' }, date: '', number: '', annex: 1 },
		funding: { total: '', eu: '', council: '', years: [] },
		events: [],
		plannedMobilities: null,
		goal: names(),
		activities: names()
	};
}

/** What the schema gets: an empty "planned mobilities" means none were promised, not zero. */
export function fromEditorInput(input: EditorInput): unknown {
	const { plannedMobilities, ...rest } = input;
	return plannedMobilities === null ? rest : { ...rest, plannedMobilities };
}
