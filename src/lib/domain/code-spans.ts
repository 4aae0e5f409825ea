/** A sentence cut into plain words and the literals in it (commands, settings, paths) that a page sets as code. */

export interface TextSpan {
	text: string;
	code: boolean;
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * The text with every occurrence of a literal marked as code. Literals are matched as they are
 * written (they are never translated); the longest is tried first, so `COFUND_BACKUP_DIR` is not
 * cut by a shorter literal inside it.
 */
export function codeSpans(text: string, literals: readonly string[]): TextSpan[] {
	const wanted = [...new Set(literals.filter((l) => l !== ''))].sort((a, b) => b.length - a.length);
	if (!wanted.length) return text ? [{ text, code: false }] : [];
	const pattern = new RegExp(`(${wanted.map(escapeRegExp).join('|')})`, 'g');
	return text
		.split(pattern)
		.map((part, i) => ({ text: part, code: i % 2 === 1 }))
		.filter((span) => span.text !== '');
}
