/** Folding text for matching: no case, no diacritics, punctuation as single spaces. */

/** "Dok. Nr." → "dok nr", "Vārds, uzvārds" → "vards uzvards", "Summa (EUR)" → "summa eur". */
export function fold(text: string): string {
	return text
		.normalize('NFD')
		.replace(/\p{M}/gu, '')
		.toLowerCase()
		.replace(/[^\p{L}\p{N}]+/gu, ' ')
		.trim();
}

/** Trims and collapses runs of whitespace (NBSP included), keeping case and diacritics. */
export function tidy(text: string): string {
	// Most cells are tidy already; testing is far cheaper than building a new string.
	if (!UNTIDY.test(text)) return text;
	return text.replace(/[\s\u00a0\u202f]+/g, ' ').trim();
}

/** Whitespace other than single spaces between words. */
const UNTIDY = /^[\s\u00a0\u202f]|[\s\u00a0\u202f]$|[\s\u00a0\u202f]{2}|[^\S ]/;
