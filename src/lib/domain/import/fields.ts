/** The fields an import fills, per kind of export, and the header names that mean each field. */
import { fold } from './fold';

export const IMPORT_KINDS = ['expenses', 'participation'] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];

export const EXPENSE_FIELDS = [
	'date',
	'amount',
	'currency',
	'documentNumber',
	'payee',
	'description',
	'category',
	'projectCode',
	'event',
	'fundingSource',
	'country'
] as const;

export const PARTICIPATION_FIELDS = [
	'person',
	'position',
	'event',
	'city',
	'country',
	'departure',
	'return',
	'orderNumber',
	'status',
	'projectCode'
] as const;

export type ExpenseField = (typeof EXPENSE_FIELDS)[number];
export type ParticipationField = (typeof PARTICIPATION_FIELDS)[number];
export type ImportField = ExpenseField | ParticipationField;

export const FIELDS: Record<ImportKind, readonly ImportField[]> = {
	expenses: EXPENSE_FIELDS,
	participation: PARTICIPATION_FIELDS
};

/** Without these a record means nothing; a file whose header lacks one is refused as a whole. */
export const REQUIRED_FIELDS: Record<ImportKind, readonly ImportField[]> = {
	expenses: ['date', 'amount'],
	participation: ['person', 'departure']
};

/** Both kinds of export may name the event a record belongs to. */
const EVENT_HEADERS = [
	'pasākums',
	'pasākuma nr',
	'pasākums nr',
	'aktivitāte',
	'mobilitāte',
	'event',
	'event no',
	'event nr',
	'event number',
	'activity',
	'mobility'
];

/**
 * Header names seen in Latvian and English exports (accounting systems, HR systems, hand-made
 * spreadsheets). Compared after folding, so case, diacritics and punctuation do not matter.
 */
const SYNONYMS: Record<ImportKind, Partial<Record<ImportField, string[]>>> = {
	expenses: {
		date: [
			'datums',
			'dok datums',
			'dokumenta datums',
			'grāmatošanas datums',
			'maksājuma datums',
			'operācijas datums',
			'date',
			'posting date',
			'document date',
			'transaction date',
			'booking date',
			'value date',
			'payment date'
		],
		amount: [
			'summa',
			'summa eur',
			'summa euro',
			'summa eiro',
			'izdevumi',
			'izdevumi eur',
			'debets',
			'amount',
			'amount eur',
			'sum',
			'sum eur',
			'value',
			'expense',
			'expenses',
			'debit'
		],
		currency: ['valūta', 'val', 'currency', 'ccy', 'cur'],
		documentNumber: [
			'dok nr',
			'dok numurs',
			'dokumenta nr',
			'dokumenta numurs',
			'dokuments',
			'rēķina nr',
			'rēķina numurs',
			'attaisnojuma dokuments',
			'doc no',
			'doc nr',
			'document no',
			'document nr',
			'document number',
			'document',
			'invoice',
			'invoice no',
			'invoice number',
			'voucher',
			'voucher no',
			'reference',
			'ref'
		],
		payee: [
			'partneris',
			'darījuma partneris',
			'piegādātājs',
			'saņēmējs',
			'maksājuma saņēmējs',
			'kontrahents',
			'payee',
			'supplier',
			'vendor',
			'counterparty',
			'partner',
			'beneficiary',
			'recipient'
		],
		description: [
			'apraksts',
			'saturs',
			'pamatojums',
			'paskaidrojums',
			'maksājuma mērķis',
			'description',
			'details',
			'narrative',
			'text',
			'memo',
			'purpose'
		],
		category: [
			'ekk',
			'ekk kods',
			'ekonomiskās klasifikācijas kods',
			'klasifikācijas kods',
			'budžeta klasifikācija',
			'budžeta kods',
			'category',
			'classification',
			'classification code',
			'economic code',
			'economic classification',
			'budget code'
		],
		projectCode: [
			'projekts',
			'projekta kods',
			'projekta nr',
			'project',
			'project code',
			'project id',
			'project no'
		],
		event: EVENT_HEADERS,
		fundingSource: [
			'finansējums',
			'finansējuma avots',
			'finansēšanas avots',
			'avots',
			'funding',
			'funding source',
			'source of funds',
			'source',
			'fund'
		],
		country: ['valsts', 'galamērķa valsts', 'country', 'destination country']
	},
	participation: {
		person: [
			'vārds uzvārds',
			'vārds',
			'uzvārds vārds',
			'darbinieks',
			'dalībnieks',
			'persona',
			'komandētā persona',
			'name',
			'full name',
			'person',
			'employee',
			'participant',
			'traveller',
			'traveler'
		],
		position: ['amats', 'position', 'job title', 'title', 'role'],
		event: EVENT_HEADERS,
		city: ['pilsēta', 'galamērķis', 'city', 'destination', 'destination city'],
		country: ['valsts', 'galamērķa valsts', 'country', 'destination country'],
		departure: [
			'no',
			'izbraukšana',
			'izbraukšanas datums',
			'sākums',
			'sākuma datums',
			'datums no',
			'from',
			'departure',
			'departure date',
			'start',
			'start date',
			'date from'
		],
		return: [
			'līdz',
			'atgriešanās',
			'atgriešanās datums',
			'beigas',
			'beigu datums',
			'datums līdz',
			'to',
			'return',
			'return date',
			'end',
			'end date',
			'date to'
		],
		orderNumber: [
			'rīkojuma nr',
			'rīkojums',
			'rīkojuma numurs',
			'komandējuma rīkojums',
			'order no',
			'order nr',
			'order number',
			'travel order',
			'travel order no',
			'order'
		],
		status: ['statuss', 'stāvoklis', 'status', 'state'],
		projectCode: ['projekts', 'projekta kods', 'project', 'project code']
	}
};

const FOLDED = new Map<ImportKind, Map<string, ImportField>>(
	(Object.keys(SYNONYMS) as ImportKind[]).map((kind) => [
		kind,
		new Map(
			Object.entries(SYNONYMS[kind]).flatMap(([field, names]) =>
				names.map((name) => [fold(name), field as ImportField] as const)
			)
		)
	])
);

/** The field a header names, or undefined when cofund does not know it. */
export function fieldForHeader(kind: ImportKind, header: string): ImportField | undefined {
	return FOLDED.get(kind)!.get(fold(header));
}
