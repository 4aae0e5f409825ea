/**
 * The header names that mean each field, as Latvian and English exports write them in full.
 * Abbreviations (`Budž. klasif. kods`) are read from these by the rule in `header-words.ts`, so a
 * name is listed here once, unabbreviated, unless the short form is a word of its own (EKK, val).
 */
import type { ImportField, ImportKind } from './fields';

/** Both kinds of export may name the event a record belongs to. */
const EVENT_HEADERS = [
	'pasākums',
	'pasākuma nr',
	'pasākums nr',
	'pasākuma numurs',
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
export const SYNONYMS: Record<ImportKind, Partial<Record<ImportField, readonly string[]>>> = {
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
		currency: ['valūta', 'val', 'valūtas kods', 'currency', 'currency code', 'ccy', 'cur', 'curr'],
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
		// The budget (economic) classification code, under the names Latvian ledgers give it (the
		// regulation calls it "ekonomiskās klasifikācijas kods"; ledgers shorten it to EKK, or name
		// the budget classification as a whole) and the English ones of translated exports.
		category: [
			'ekk',
			'ekk kods',
			'kods ekk',
			'ekk klasifikācija',
			'ek kods',
			'bkk',
			'ekonomiskās klasifikācijas kods',
			'ekonomiskā klasifikācija',
			'ekonomiskās klasifikācijas',
			'ekonomiskais kods',
			'budžeta klasifikācijas kods',
			'budžeta ekonomiskās klasifikācijas kods',
			'budžeta izdevumu klasifikācijas kods',
			'budžeta klasifikācija',
			'budžeta kods',
			'klasifikācijas kods',
			'klasifikācija',
			'izdevumu klasifikācijas kods',
			'izdevumu ekonomiskās klasifikācijas kods',
			'izdevumu klasifikācija',
			'izdevumu kods',
			'kategorija',
			'izdevumu kategorija',
			'category',
			'category code',
			'expense category',
			'cost category',
			'classification',
			'classification code',
			'economic code',
			'economic classification',
			'economic classification code',
			'economic category',
			'ekk code',
			'budget classification',
			'budget classification code',
			'budget code',
			'expenditure code',
			'expense code',
			// General-ledger exports in English name the budget code column so.
			'account code'
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
			'finanšu avots',
			'avots',
			'funding',
			'funding source',
			'source of funds',
			'source of funding',
			'financing source',
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
