/** Country names from ISO 3166 codes in LV and EN, with a per-record override for historical names. */
import type { Locale } from './locale';

/** A record may name its country the way the source document did (the 2018 annex says "Maķedonija"). */
export interface CountryNames {
	lv?: string | undefined;
	en?: string | undefined;
}

const displayNames = new Map<Locale, Intl.DisplayNames>();

function namesFor(locale: Locale): Intl.DisplayNames {
	let names = displayNames.get(locale);
	if (!names) {
		names = new Intl.DisplayNames([locale === 'lv' ? 'lv' : 'en-GB'], {
			type: 'region',
			fallback: 'code'
		});
		displayNames.set(locale, names);
	}
	return names;
}

export function isCountryCode(code: string): boolean {
	if (!/^[A-Z]{2}$/.test(code)) return false;
	return namesFor('en').of(code) !== code;
}

export function countryName(code: string, locale: Locale, override?: CountryNames): string {
	return override?.[locale] || namesFor(locale).of(code) || code;
}
