/**
 * How a header is read as words: which words are written as abbreviations, the rule that fits
 * them to a known name, and the alternative names a header may hold in brackets or after a slash.
 */

export interface HeaderWord {
	/** Lower case, without diacritics. */
	text: string;
	/** Written with a dot right after it, as `klasif.` or `Dok.` in `Dok.nr.`. */
	abbreviated: boolean;
}

const WORD = /[\p{L}\p{N}]+/gu;

/** "Budž. klasif. kods" → budz. klasif. kods; "Dok.nr." → dok. nr. */
export function headerWords(text: string): HeaderWord[] {
	const plain = text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
	return [...plain.matchAll(WORD)].map((match) => ({
		text: match[0],
		abbreviated: plain[match.index + match[0].length] === '.'
	}));
}

/**
 * Whether the header's words say the name, word for word: a word written with a dot stands for
 * any word it begins (`klasif.` for `klasifikacijas`), any other word only for itself. The name
 * is given folded, as words. Dropping or adding words is not guessed at.
 */
export function fitsName(words: readonly HeaderWord[], name: readonly string[]): boolean {
	return (
		words.length === name.length &&
		words.every((word, i) =>
			word.abbreviated ? name[i]!.startsWith(word.text) : name[i] === word.text
		)
	);
}

const BRACKETED = /[([{]([^)\]}]*)[)\]}]/g;
const SLASH = /[/\\|]/;
const HAS_WORD = /[\p{L}\p{N}]/u;

/**
 * The names a header may hold besides the whole of it: the text outside brackets, the text in
 * them, and each side of a slash: "Kods (EKK)" → "Kods", "EKK"; "Datums / Date" → "Datums",
 * "Date". Bilingual exports and explained headers are written so.
 */
export function alternatives(text: string): string[] {
	const inside = [...text.matchAll(BRACKETED)].map((match) => match[1]!);
	const outside = text.replace(BRACKETED, ' ');
	const parts = [outside, ...inside].flatMap((part) => [part, ...part.split(SLASH)]);
	const seen = new Set<string>([text.trim()]);
	return parts
		.map((part) => part.trim())
		.filter((part) => {
			if (!HAS_WORD.test(part) || seen.has(part)) return false;
			seen.add(part);
			return true;
		});
}
