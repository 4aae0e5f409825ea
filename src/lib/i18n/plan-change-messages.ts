/**
 * Says a change of a document's plan in the reader's language: the field's label (with the
 * year, event or partner it belongs to) and its values written by their kind, as in
 * "EU co-financing: 1500 EUR → 1600 EUR" or "Event 6 added: 6.pasākums – Rīga, Latvija, …".
 */
import { countryName } from '$lib/domain/countries';
import {
	planField,
	type FieldName,
	type ItemKind,
	type Subject,
	type ValueKind
} from '$lib/domain/documents/plan-fields';
import { formatDate, formatInteger, formatMoney, formatMonth } from '$lib/domain/format';
import { pick, type Locale, type LocalText } from '$lib/domain/locale';
import type { LeadPartner, MobilityEvent, Partner, YearPlan } from '$lib/domain/project/definition';
import { eventLine, partnerLine } from '$lib/domain/project/describe';
import { m } from '$lib/paraglide/messages.js';

type Say = { locale: Locale };
type Label = (say: Say) => string;

const FIELD_LABELS: Record<FieldName, Label> = {
	schema: (o) => m.change_field_schema({}, o),
	code: (o) => m.f_code({}, o),
	title: (o) => m.change_field_title({}, o),
	titleLv: (o) => m.f_title_lv({}, o),
	titleEn: (o) => m.f_title_en({}, o),
	currency: (o) => m.f_currency({}, o),
	programme: (o) => m.change_field_programme({}, o),
	programmeLv: (o) => m.f_programme_lv({}, o),
	programmeEn: (o) => m.f_programme_en({}, o),
	periodStart: (o) => m.change_field_period_start({}, o),
	periodEnd: (o) => m.change_field_period_end({}, o),
	bodyLv: (o) => m.f_body_lv({}, o),
	bodyLvGenitive: (o) => m.f_body_lv_genitive({}, o),
	bodyEn: (o) => m.f_body_en({}, o),
	decisionDate: (o) => m.f_decision_date({}, o),
	decisionNumber: (o) => m.f_decision_number({}, o),
	annex: (o) => m.f_annex({}, o),
	total: (o) => m.f_total({}, o),
	eu: (o) => m.f_eu({}, o),
	council: (o) => m.f_council({}, o),
	prefinancing: (o) => m.f_prefinancing({}, o),
	cofinancing: (o) => m.f_cofinancing({}, o),
	name: (o) => m.f_name({}, o),
	nameEn: (o) => m.f_name_en({}, o),
	localName: (o) => m.f_local_name({}, o),
	city: (o) => m.f_city({}, o),
	country: (o) => m.change_field_country({}, o),
	countryName: (o) => m.f_country_lv({}, o),
	countryNameLv: (o) => m.f_country_lv({}, o),
	countryNameEn: (o) => m.f_country_en({}, o),
	eventTitle: (o) => m.change_field_event_title({}, o),
	eventTitleLv: (o) => m.f_event_title_lv({}, o),
	eventTitleEn: (o) => m.f_event_title_en({}, o),
	month: (o) => m.f_month({}, o),
	representatives: (o) => m.f_representatives({}, o),
	plannedMobilities: (o) => m.f_planned_mobilities({}, o),
	goal: (o) => m.change_field_goal({}, o),
	goalLv: (o) => m.f_goal_lv({}, o),
	goalEn: (o) => m.f_goal_en({}, o),
	activities: (o) => m.change_field_activities({}, o),
	activitiesLv: (o) => m.f_activities_lv({}, o),
	activitiesEn: (o) => m.f_activities_en({}, o)
};

function subjectText(subject: Subject, say: Say): string {
	if (subject.of === 'year') return m.change_of_year({ year: subject.year }, say);
	if (subject.of === 'event') return m.change_of_event({ number: subject.number }, say);
	if (subject.of === 'partner') return m.change_of_partner({ n: subject.n }, say);
	return m.change_of_lead({}, say);
}

function itemText(subject: Subject, say: Say): string {
	if (subject.of === 'year') return m.change_item_year({ year: subject.year }, say);
	if (subject.of === 'event') return m.change_item_event({ number: subject.number }, say);
	if (subject.of === 'partner') return m.change_item_partner({ n: subject.n }, say);
	return m.change_of_lead({}, say);
}

/** Long texts (a goal of 5000 characters) are shown by their start: enough to know which. */
const SHORT = 80;
const shorten = (text: string) =>
	`“${text.length > SHORT ? `${text.slice(0, SHORT).trimEnd()}…` : text}”`;

/** A value the schema does not describe: readable, and no number dressed as something it is not. */
function plainValue(value: unknown, locale: Locale): string {
	if (value === null || value === undefined) return '—';
	if (typeof value === 'number') return formatInteger(value, locale);
	if (typeof value === 'string') return value;
	return shorten(JSON.stringify(value));
}

function valueText(kind: ValueKind, value: unknown, locale: Locale, currency: string): string {
	if (value === null || value === undefined) return '—';
	if (typeof value === 'number') {
		if (kind === 'money') return formatMoney(value, locale, { currency });
		return formatInteger(value, locale);
	}
	if (typeof value === 'string') {
		if (kind === 'date') return formatDate(value, locale);
		if (kind === 'month') return formatMonth(value, locale);
		if (kind === 'country') return countryName(value, locale);
		return kind === 'longText' ? shorten(value) : value;
	}
	if (kind === 'localText' || kind === 'countryNames') return pick(value as LocalText, locale);
	if (kind === 'longLocalText') return shorten(pick(value as LocalText, locale));
	return plainValue(value, locale);
}

function itemValue(item: ItemKind, value: unknown, locale: Locale, currency: string): string {
	if (value === null || value === undefined) return '—';
	const say = { locale };
	if (item === 'yearPlan') {
		const year = value as YearPlan;
		const money = (cents: number) => formatMoney(cents, locale, { currency });
		return m.change_value_year(
			{ prefinancing: money(year.prefinancing), cofinancing: money(year.cofinancing) },
			say
		);
	}
	if (item === 'event')
		return eventLine(value as MobilityEvent, locale, {
			// The item's own label already names the event.
			event: () => '',
			representatives: (count) => m.representatives({ count }, say)
		});
	return partnerLine(value as Partner | LeadPartner, locale);
}

/** Runs a formatter over a snapshot's value; a value of another shape is shown plainly. */
function safely(format: () => string, value: unknown, locale: Locale): string {
	try {
		return format();
	} catch {
		return plainValue(value, locale);
	}
}

export function describePlanChange(
	change: { field: string; before: unknown; after: unknown },
	locale: Locale,
	currency = 'EUR'
): string {
	const say = { locale };
	const field = planField(change.field);
	if (!field.known)
		return m.doc_change_plan(
			{
				field: field.words.join(' › '),
				before: plainValue(change.before, locale),
				after: plainValue(change.after, locale)
			},
			say
		);
	if ('item' in field) {
		const item = itemText(field.subject, say);
		const shown = (value: unknown) =>
			safely(() => itemValue(field.item, value, locale, currency), value, locale);
		if (change.before === null)
			return m.doc_change_item_added({ item, value: shown(change.after) }, say);
		if (change.after === null)
			return m.doc_change_item_removed({ item, value: shown(change.before) }, say);
		return m.doc_change_plan(
			{ field: item, before: shown(change.before), after: shown(change.after) },
			say
		);
	}
	const label = FIELD_LABELS[field.field](say);
	const shown = (value: unknown) =>
		safely(() => valueText(field.kind, value, locale, currency), value, locale);
	return m.doc_change_plan(
		{
			field: field.subject
				? m.change_field_of({ field: label, subject: subjectText(field.subject, say) }, say)
				: label,
			before: shown(change.before),
			after: shown(change.after)
		},
		say
	);
}
