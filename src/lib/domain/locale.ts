/** The languages cofund speaks, and how a loose language tag maps onto them. */

export const LOCALES = ['lv', 'en'] as const;
export type Locale = (typeof LOCALES)[number];
export const BASE_LOCALE: Locale = 'lv';

export function isLocale(value: unknown): value is Locale {
	return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

/** "lv_LV.UTF-8" → lv, "en-GB" → en; anything else → the fallback. */
export function localeFromTag(tag: string | undefined, fallback: Locale): Locale {
	const language = tag?.slice(0, 2).toLowerCase();
	return isLocale(language) ? language : fallback;
}

/** Text kept in both languages, such as a project title. */
export interface LocalText {
	lv: string;
	en: string;
}

/** The text in the asked language, falling back to the other when it is empty. */
export function pick(text: LocalText, locale: Locale): string {
	return text[locale] || text[locale === 'lv' ? 'en' : 'lv'];
}
