/**
 * The name of an economic classification code in the reader's language: from the project's own
 * list when it has the code, else from the list cofund ships (economic-codes.json, transcribed
 * from Cabinet Regulation No. 1031), else none, and the code is shown by itself.
 */
import type { Locale } from '../locale';
import shipped from './economic-codes.json';

/** One code of a project's own list, named as the project's annex or ledger names it. */
export interface ClassificationEntry {
	code: string;
	name: { lv: string; en?: string | undefined };
}

interface ShippedCode {
	code: string;
	lv: string | null;
}

const SHIPPED = new Map<string, string>(
	(shipped.codes as ShippedCode[]).flatMap((c) => (c.lv ? [[c.code, c.lv] as const] : []))
);

/** Where the shipped names come from, for a page or a document that cites it. */
export const CLASSIFICATION_SOURCE = shipped.source;

/** The codes the shipped list holds, named or not. */
export const SHIPPED_CODES: readonly string[] = shipped.codes.map((c) => c.code);

/**
 * The code's name, or null when neither list names it. English falls back to Latvian: the
 * regulation has no official English text, and a project may give its own English name.
 */
export function classificationName(
	code: string,
	lang: Locale,
	projectList?: readonly ClassificationEntry[]
): string | null {
	const own = projectList?.find((entry) => entry.code === code);
	if (own) return (lang === 'en' && own.name.en) || own.name.lv;
	return SHIPPED.get(code) ?? null;
}

/** "2122 Pārējie komandējumu izdevumi", or the code alone when it has no name. */
export function classificationLabel(
	code: string,
	lang: Locale,
	projectList?: readonly ClassificationEntry[]
): string {
	const name = classificationName(code, lang, projectList);
	return name ? `${code} ${name}` : code;
}
