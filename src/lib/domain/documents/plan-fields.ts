/**
 * What a plan path of a document check names (`funding.eu`, `events[number=3].month`): which
 * field of which year, event or partner, and what kind of value it holds, so that the change is
 * said with a label and the value formatted by its kind (money as money, never as cents). A
 * path the schema does not have is `known: false`, with its parts as words.
 */

/** How a value is written: money in cents, plain dates and months, counts, texts. */
export type ValueKind =
	| 'money'
	| 'date'
	| 'month'
	| 'count'
	| 'text'
	| 'longText'
	| 'localText'
	| 'longLocalText'
	| 'country'
	| 'countryNames';

/** Whole items of the plan's lists, named when one is added or removed. */
export type ItemKind = 'yearPlan' | 'event' | 'partner';

export type Subject =
	| { of: 'year'; year: number }
	| { of: 'event'; number: number }
	| { of: 'partner'; n: number }
	| { of: 'lead' };

export const FIELD_NAMES = [
	'schema',
	'code',
	'title',
	'titleLv',
	'titleEn',
	'currency',
	'programme',
	'programmeLv',
	'programmeEn',
	'periodStart',
	'periodEnd',
	'bodyLv',
	'bodyLvGenitive',
	'bodyEn',
	'decisionDate',
	'decisionNumber',
	'annex',
	'total',
	'eu',
	'council',
	'prefinancing',
	'cofinancing',
	'name',
	'nameEn',
	'localName',
	'city',
	'country',
	'countryName',
	'countryNameLv',
	'countryNameEn',
	'eventTitle',
	'eventTitleLv',
	'eventTitleEn',
	'month',
	'representatives',
	'plannedMobilities',
	'goal',
	'goalLv',
	'goalEn',
	'activities',
	'activitiesLv',
	'activitiesEn'
] as const;
export type FieldName = (typeof FIELD_NAMES)[number];

export type PlanField =
	| { known: true; field: FieldName; kind: ValueKind; subject?: Subject }
	| { known: true; item: ItemKind; subject: Subject }
	| { known: false; words: string[] };

type Entry = readonly [FieldName, ValueKind];

const PROJECT: Record<string, Entry> = {
	$schema: ['schema', 'text'],
	code: ['code', 'text'],
	title: ['title', 'localText'],
	'title.lv': ['titleLv', 'text'],
	'title.en': ['titleEn', 'text'],
	currency: ['currency', 'text'],
	programme: ['programme', 'longLocalText'],
	'programme.lv': ['programmeLv', 'longText'],
	'programme.en': ['programmeEn', 'longText'],
	'period.start': ['periodStart', 'date'],
	'period.end': ['periodEnd', 'date'],
	'decision.body.lv': ['bodyLv', 'text'],
	'decision.body.lvGenitive': ['bodyLvGenitive', 'text'],
	'decision.body.en': ['bodyEn', 'text'],
	'decision.date': ['decisionDate', 'date'],
	'decision.number': ['decisionNumber', 'text'],
	'decision.annex': ['annex', 'count'],
	'funding.total': ['total', 'money'],
	'funding.eu': ['eu', 'money'],
	'funding.council': ['council', 'money'],
	plannedMobilities: ['plannedMobilities', 'count'],
	goal: ['goal', 'longLocalText'],
	'goal.lv': ['goalLv', 'longText'],
	'goal.en': ['goalEn', 'longText'],
	activities: ['activities', 'longLocalText'],
	'activities.lv': ['activitiesLv', 'longText'],
	'activities.en': ['activitiesEn', 'longText']
};

const PLACE: Record<string, Entry> = {
	country: ['country', 'country'],
	countryName: ['countryName', 'countryNames'],
	'countryName.lv': ['countryNameLv', 'text'],
	'countryName.en': ['countryNameEn', 'text'],
	city: ['city', 'text']
};

const PARTNER: Record<string, Entry> = {
	...PLACE,
	name: ['name', 'text'],
	nameEn: ['nameEn', 'text'],
	localName: ['localName', 'text']
};

const YEAR: Record<string, Entry> = {
	prefinancing: ['prefinancing', 'money'],
	cofinancing: ['cofinancing', 'money']
};

const EVENT: Record<string, Entry> = {
	...PLACE,
	title: ['eventTitle', 'localText'],
	'title.lv': ['eventTitleLv', 'text'],
	'title.en': ['eventTitleEn', 'text'],
	month: ['month', 'month'],
	representatives: ['representatives', 'count']
};

/** `funding.years[year=2019]`, `events[number=3]`, `partners[0]`, `leadPartner`, then the rest. */
const ITEM =
	/^(funding\.years\[year=(\d+)\]|events\[number=(\d+)\]|partners\[(\d+)\]|leadPartner)(?:\.(.+))?$/;

function itemField(path: string): PlanField | null {
	const match = ITEM.exec(path);
	if (!match) return null;
	const [, head, year, event, partner, rest] = match;
	const [subject, item, fields]: [Subject, ItemKind | null, Record<string, Entry>] =
		year !== undefined
			? [{ of: 'year', year: Number(year) }, 'yearPlan', YEAR]
			: event !== undefined
				? [{ of: 'event', number: Number(event) }, 'event', EVENT]
				: partner !== undefined
					? [{ of: 'partner', n: Number(partner) + 1 }, 'partner', PARTNER]
					: [{ of: 'lead' }, null, PARTNER];
	if (rest === undefined) return item && head ? { known: true, item, subject } : null;
	const entry = fields[rest];
	return entry ? { known: true, field: entry[0], kind: entry[1], subject } : null;
}

/** `funding.newThing[2]` → `funding`, `new thing`, `3`: readable when nothing better is known. */
function words(path: string): string[] {
	return path
		.split(/[.[\]]+/)
		.filter(Boolean)
		.map((part) =>
			/^\d+$/.test(part)
				? String(Number(part) + 1)
				: part
						.replace(/^[a-z]+=/, '')
						.replace(/([a-z])([A-Z])/g, '$1 $2')
						.toLowerCase()
		);
}

export function planField(path: string): PlanField {
	const entry = PROJECT[path];
	if (entry) return { known: true, field: entry[0], kind: entry[1] };
	return itemField(path) ?? { known: false, words: words(path) };
}
