/** The fields an import fills, per kind of export, and which field a header names. */
import { fold } from './fold';
import { alternatives, fitsName, headerWords } from './header-words';
import { SYNONYMS } from './synonyms';

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

/** Every field of either kind, once, as a tuple for `z.enum`. */
export const ALL_FIELDS = [...new Set(Object.values(FIELDS).flat())] as [
	ImportField,
	...ImportField[]
];

/** Without these a record means nothing; a file whose header lacks one is refused as a whole. */
export const REQUIRED_FIELDS: Record<ImportKind, readonly ImportField[]> = {
	expenses: ['date', 'amount'],
	participation: ['person', 'departure']
};

/**
 * What a header says: the fields it may name (none, one, or several when it is ambiguous), and
 * whether the whole header says it or only a part of it (a bracket, one side of a slash).
 */
export interface HeaderReading {
	fields: ImportField[];
	from: 'whole' | 'part';
}

interface KnownName {
	field: ImportField;
	words: string[];
}

/** Names by their number of words and first letter: an abbreviation is compared with those only. */
const bucket = (count: number, first: string) => `${count}:${first[0] ?? ''}`;

/**
 * "Number" as ledgers write it after another word: `Dok. Nr.`, `Rēķina No.`, `Invoice number`.
 * A name written with one of the unambiguous ones is known with each of them; `no` alone is
 * never expanded, as in Latvian it also means "from" (`Datums no`).
 */
const NUMBER_WORDS = ['nr', 'no', 'numurs', 'number', 'num'];
const EXPANDS = new Set(['nr', 'numurs', 'number']);

function withNumberWords(name: string): string[] {
	const words = fold(name).split(' ');
	const at = words.findIndex((word, i) => i > 0 && EXPANDS.has(word));
	if (at < 0) return [name];
	const variants = NUMBER_WORDS.map((n) => words.with(at, n).join(' '));
	return [name, ...variants.filter((v) => v !== words.join(' '))];
}

/** Every name each field of a kind is known by: the listed ones and their number words. */
const KNOWN = new Map(
	IMPORT_KINDS.map((kind) => [
		kind,
		new Map(
			Object.entries(SYNONYMS[kind]).map(([field, list]) => [
				field as ImportField,
				[...new Set(list!.flatMap(withNumberWords))]
			])
		)
	])
);

const NAMES = new Map(
	IMPORT_KINDS.map((kind) => {
		const names: KnownName[] = [...KNOWN.get(kind)!].flatMap(([field, list]) =>
			list.map((name) => ({ field, words: fold(name).split(' ') }))
		);
		const buckets = new Map<string, KnownName[]>();
		for (const name of names) {
			const key = bucket(name.words.length, name.words[0]!);
			buckets.set(key, [...(buckets.get(key) ?? []), name]);
		}
		return [kind, { exact: new Map(names.map((n) => [n.words.join(' '), n.field])), buckets }];
	})
);

/**
 * The fields one header text fits. A header that is a known name as written is that name, dots
 * and all (`Val.` is `val`, the currency), so an exact name is never made ambiguous by the names
 * its words begin; otherwise every name its abbreviations fit counts.
 */
function fieldsOf(kind: ImportKind, text: string): ImportField[] {
	const known = exactField(kind, text);
	if (known) return [known];
	const { buckets } = NAMES.get(kind)!;
	if (!text.includes('.')) return [];
	const words = headerWords(text);
	if (!words.some((w) => w.abbreviated)) return [];
	const candidates = buckets.get(bucket(words.length, words[0]!.text)) ?? [];
	return [...new Set(candidates.filter((n) => fitsName(words, n.words)).map((n) => n.field))];
}

const MAY_HOLD_ALTERNATIVES = /[()[\]{}/\\|]/;

/**
 * Reads a header: as a whole first, then by its alternatives ("Kods (EKK)", "Datums / Date").
 * An abbreviation that fits names of two fields stays ambiguous: cofund never picks one.
 */
export function readHeader(kind: ImportKind, header: string): HeaderReading {
	const whole = fieldsOf(kind, header);
	if (whole.length) return { fields: whole, from: 'whole' };
	if (!MAY_HOLD_ALTERNATIVES.test(header)) return { fields: [], from: 'part' };
	const parts = new Set(alternatives(header).flatMap((part) => fieldsOf(kind, part)));
	return { fields: [...parts], from: 'part' };
}

/** The field a header is, as written (case, diacritics and punctuation aside), with no guessing. */
export function exactField(kind: ImportKind, header: string): ImportField | undefined {
	return NAMES.get(kind)!.exact.get(fold(header));
}

/** The field a header names, or undefined when cofund does not know it or it is ambiguous. */
export function fieldForHeader(kind: ImportKind, header: string): ImportField | undefined {
	const { fields } = readHeader(kind, header);
	return fields.length === 1 ? fields[0] : undefined;
}

/** Every name a field is known by in a kind of export: `synonyms.ts`, with its number words. */
export function synonymsOf(kind: ImportKind, field: ImportField): readonly string[] {
	return KNOWN.get(kind)!.get(field) ?? [];
}
