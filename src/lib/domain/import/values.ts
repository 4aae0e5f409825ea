/** Coded values written in words: statuses, funding sources, countries and event references, LV and EN. */
import { isCountryCode } from '../countries';
import { fold } from './fold';

export const STATUSES = ['done', 'cancelled'] as const;
export type ParticipationStatus = (typeof STATUSES)[number];
export const FUNDING_SOURCES = ['eu', 'council'] as const;
export type FundingSource = (typeof FUNDING_SOURCES)[number];

/** A profile's own words for values, such as {"Realizēts": "done"}; they win over the built-in ones. */
export type ValueWords<T extends string> = Record<string, T>;

function lookup<T extends string>(words: Record<T, string[]>): Map<string, T> {
	return new Map(
		(Object.entries(words) as [T, string[]][]).flatMap(([value, names]) =>
			names.map((name) => [fold(name), value] as const)
		)
	);
}

const STATUS_WORDS = lookup<ParticipationStatus>({
	done: [
		'notika',
		'noticis',
		'notikusi',
		'izpildīts',
		'izpildīta',
		'pabeigts',
		'pabeigta',
		'realizēts',
		'done',
		'completed',
		'complete',
		'took place',
		'happened',
		'finished',
		'carried out'
	],
	cancelled: [
		'atcelts',
		'atcelta',
		'anulēts',
		'anulēta',
		'nenotika',
		'cancelled',
		'canceled',
		'annulled',
		'void',
		'did not take place'
	]
});

const FUNDING_WORDS = lookup<FundingSource>({
	eu: [
		'es',
		'eiropas savienība',
		'es finansējums',
		'es līdzekļi',
		'programma',
		'eu',
		'european union',
		'eu funds',
		'eu grant',
		'programme',
		'grant'
	],
	council: [
		'pašvaldība',
		'pašvaldības budžets',
		'pašvaldības līdzfinansējums',
		'dome',
		'budžets',
		'līdzfinansējums',
		'council',
		'municipality',
		'municipal',
		'municipal budget',
		'local budget',
		'co-financing',
		'cofinancing'
	]
});

function fromWords<T extends string>(
	text: string,
	builtIn: Map<string, T>,
	own: ValueWords<T> | undefined
): T | undefined {
	const folded = fold(text);
	for (const [word, value] of Object.entries(own ?? {})) if (fold(word) === folded) return value;
	return builtIn.get(folded);
}

/** Distinct texts remembered per word list; past them, a text is looked up each time. */
const REMEMBERED = 512;

/**
 * A value column repeats a handful of words a million times, so each distinct text is folded and
 * looked up once per word list (a profile's own words, or none) rather than once per cell. The
 * memory stays fixed: a column of a million distinct texts is looked up as before.
 */
function remembered<T extends string>(
	lookUp: (text: string, own: ValueWords<T> | undefined) => T | undefined
): (text: string, own?: ValueWords<T>) => T | undefined {
	const byList = new WeakMap<object, Map<string, T | undefined>>();
	const noOwnWords = {};
	return (text, own) => {
		const list = own ?? noOwnWords;
		let known = byList.get(list);
		if (!known) byList.set(list, (known = new Map()));
		if (known.has(text)) return known.get(text);
		const value = lookUp(text, own);
		if (known.size < REMEMBERED) known.set(text, value);
		return value;
	};
}

export const parseStatus = remembered<ParticipationStatus>((text, own) =>
	fromWords(text, STATUS_WORDS, own)
);

export const parseFundingSource = remembered<FundingSource>((text, own) =>
	fromWords(text, FUNDING_WORDS, own)
);

/** Country names in Latvian and English from the platform's CLDR data, plus older names. */
let countryWords: Map<string, string> | undefined;
const FORMER_NAMES: Record<string, string> = {
	maķedonija: 'MK',
	'bijusī dienvidslāvijas republika maķedonija': 'MK',
	macedonia: 'MK',
	'czech republic': 'CZ',
	čehija: 'CZ',
	holland: 'NL',
	'great britain': 'GB',
	'united kingdom': 'GB',
	lielbritānija: 'GB',
	anglija: 'GB',
	england: 'GB',
	turkey: 'TR'
};
/**
 * Codes CLDR names that are no country to travel to: groupings (EU, UN, Eurozone), test and unknown
 * regions, and withdrawn codes whose names are today's countries' (SU is "Russia", FX "France",
 * YU "Serbia"). Without this list "France" would read as FX and "Russia" as SU.
 */
const NOT_COUNTRIES = new Set(
	'EU EZ UN QO XA XB ZZ AN BU CS DD DY FX HV NH RH SU TP UK VD YD YU ZR'.split(' ')
);
/** Codes written in EU paperwork for Greece and the United Kingdom. */
const CODE_ALIASES: Record<string, string> = { EL: 'GR', UK: 'GB' };

const isCountry = (code: string) => !NOT_COUNTRIES.has(code) && isCountryCode(code);

function countryLookup(): Map<string, string> {
	if (countryWords) return countryWords;
	const words = new Map<string, string>();
	const names = ['lv', 'en'].map((l) => new Intl.DisplayNames([l], { type: 'region' }));
	for (let a = 65; a <= 90; a++) {
		for (let b = 65; b <= 90; b++) {
			const code = String.fromCharCode(a, b);
			if (!isCountry(code)) continue;
			for (const display of names) words.set(fold(display.of(code) ?? code), code);
		}
	}
	for (const [name, code] of Object.entries(FORMER_NAMES)) words.set(fold(name), code);
	countryWords = words;
	return words;
}

/** "Beļģija", "Belgium", "be" or "BE" → "BE"; undefined when it names no country. */
export const parseCountry = remembered<string>((text, own) => countryOf(text, own));

function countryOf(text: string, own?: ValueWords<string>): string | undefined {
	const trimmed = text.trim();
	for (const [word, code] of Object.entries(own ?? {}))
		if (fold(word) === fold(trimmed)) return code;
	if (/^[a-z]{2}$/i.test(trimmed)) {
		const code = trimmed.toUpperCase();
		if (CODE_ALIASES[code]) return CODE_ALIASES[code];
		if (isCountry(code)) return code;
	}
	return countryLookup().get(fold(trimmed));
}

/** "1", "Nr. 1", "E-1", "Pasākums 1" → 1; undefined when there is no number in it. */
export function parseEventRef(text: string): number | undefined {
	const digits = /\d+/.exec(text)?.[0];
	if (!digits || digits.length > 6) return undefined;
	return Number(digits);
}
