/**
 * Whatever mix of abbreviation, case and diacritics a header is written in, it names the field
 * its full name does: every known name of every field, its words cut to any prefix with a dot
 * (or left whole), each letter in either case, each diacritic kept or dropped. Where the written
 * form is another known name as it stands, or its abbreviations fit names of several fields,
 * the documented rule says what comes out, and the test works that out on its own.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FIELDS, IMPORT_KINDS, fieldForHeader, readHeader, synonymsOf } from './fields';
import type { ImportField, ImportKind } from './fields';

const SEED = 20_261_201;
const plain = (text: string) => text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
const wordsOf = (text: string) =>
	plain(text)
		.split(/[^\p{L}\p{N}]+/u)
		.filter(Boolean);

const names = (kind: ImportKind) =>
	FIELDS[kind].flatMap((field) =>
		synonymsOf(kind, field).map((name) => ({ field, name, words: wordsOf(name) }))
	);

interface Written {
	/** The header as a person might type it. */
	text: string;
	/** Each word as the reader sees it, folded, and whether it ends in a dot. */
	words: { text: string; abbreviated: boolean }[];
}

/** One word of a name, cut or whole, in random case, each diacritic kept or dropped. */
const writtenWord = (word: string, cuts = true) =>
	fc
		.record({
			cut: cuts ? fc.boolean() : fc.constant(false),
			length: fc.integer({ min: 1, max: [...word].length }),
			upper: fc.array(fc.boolean(), { minLength: word.length, maxLength: word.length }),
			strip: fc.array(fc.boolean(), { minLength: word.length, maxLength: word.length }),
			space: fc.constantFrom('', ' ', '  ')
		})
		.map(({ cut, length, upper, strip, space }) => {
			const kept = cut ? [...word].slice(0, length) : [...word];
			const letters = kept.map((c, i) => {
				const bare = strip[i] ? c.normalize('NFD').replace(/\p{M}/gu, '') : c;
				return upper[i] ? bare.toUpperCase() : bare;
			});
			return {
				text: letters.join('') + (cut ? '.' : ''),
				folded: plain(kept.join('')),
				cut,
				space
			};
		});

const written = (name: string, cuts = true): fc.Arbitrary<Written> =>
	fc.tuple(...name.split(' ').map((word) => writtenWord(word, cuts))).map((parts) => ({
		// Words run together only after a dot, as in "Dok.nr."; otherwise a space or two.
		text: parts
			.map((p, i) => (i === 0 ? '' : parts[i - 1]!.cut ? p.space : p.space || ' ') + p.text)
			.join(''),
		words: parts.map((p) => ({ text: p.folded, abbreviated: p.cut }))
	}));

/** The rule, worked out by hand: a name as written wins, else every name the words fit. */
function expected(kind: ImportKind, header: Written): ImportField[] {
	const all = names(kind);
	const asWritten = header.words.map((w) => w.text).join(' ');
	const exact = all.find((n) => n.words.join(' ') === asWritten);
	if (exact) return [exact.field];
	if (!header.words.some((w) => w.abbreviated)) return [];
	const fits = all.filter(
		(n) =>
			n.words.length === header.words.length &&
			header.words.every((w, i) =>
				w.abbreviated ? n.words[i]!.startsWith(w.text) : n.words[i] === w.text
			)
	);
	return [...new Set(fits.map((n) => n.field))].sort();
}

describe.each(IMPORT_KINDS)('headers of %s exports', (kind) => {
	it('list each name under one field only', () => {
		const seen = new Map<string, ImportField>();
		for (const { field, words } of names(kind)) {
			const folded = words.join(' ');
			expect(seen.get(folded) ?? field, folded).toBe(field);
			seen.set(folded, field);
		}
	});

	it.each(names(kind).map((n) => [n.field, n.name] as const))(
		'%s: %j, in any case and with or without diacritics, is that field',
		(field, name) => {
			fc.assert(
				fc.property(written(name, false), (header) => {
					expect(fieldForHeader(kind, header.text), header.text).toBe(field);
					// A dot after a whole word ("Nr.", "Summa EUR.") leaves it the same word.
					expect(fieldForHeader(kind, `${header.text}.`), header.text).toBe(field);
				}),
				{ seed: SEED, numRuns: 25 }
			);
		}
	);

	it.each(names(kind).map((n) => [n.field, n.name] as const))(
		'%s: %j, abbreviated anywhere, is that field unless the rule says otherwise',
		(field, name) => {
			fc.assert(
				fc.property(written(name), (header) => {
					const want = expected(kind, header);
					// The name's own field is among those its abbreviations fit, unless the text is
					// another field's name as written (the one rule that outranks abbreviations).
					expect(want.includes(field) || want.length === 1).toBe(true);
					expect([...readHeader(kind, header.text).fields].sort(), header.text).toEqual(want);
					expect(fieldForHeader(kind, header.text), header.text).toBe(
						want.length === 1 ? want[0] : undefined
					);
				}),
				{ seed: SEED, numRuns: 40 }
			);
		}
	);

	it('reads most abbreviations as their own field, not as ambiguous', () => {
		let same = 0;
		let runs = 0;
		for (const { field, name } of names(kind)) {
			fc.assert(
				fc.property(written(name), (header) => {
					runs++;
					if (fieldForHeader(kind, header.text) === field) same++;
				}),
				{ seed: SEED, numRuns: 20 }
			);
		}
		// The rest are short cuts such as "D." that fit names of several fields.
		expect(same / runs).toBeGreaterThan(0.9);
	});
});
