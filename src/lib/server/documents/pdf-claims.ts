/**
 * Reads the values of named keys of a PDF's dictionaries (cofund's claims in the information
 * dictionary) with a linear lexer: every byte is looked at a bounded number of times, so no
 * upload, however it is built, costs more than a pass or two over its bytes.
 *
 * pdfkit writes each information value as an indirect object (`/CofundTemplate 15 0 R`, then
 * `15 0 obj (final-report) endobj`), so a first pass finds the keys and their values or
 * references, and a second pass, only when needed, finds the objects referred to. A later
 * definition wins, as in a PDF's incremental updates. Stream contents are skipped, so binary
 * data never opens a string that swallows the rest of the file.
 */

/** No claim of cofund's is longer than this; a longer value is not one of cofund's. */
export const CLAIM_MAX_LENGTH = 256;

/**
 * One token, reused for every token of the file so that reading allocates nothing per token:
 * `number` is a word's value when it is a small integer (else -1). Names and words are compared
 * byte for byte (`is`), never turned into strings.
 */
interface Token {
	kind: 'name' | 'string' | 'hex' | 'word' | 'delimiter';
	start: number;
	end: number;
	number: number;
}

const WHITESPACE = new Uint8Array(256);
for (const byte of [0, 9, 10, 12, 13, 32]) WHITESPACE[byte] = 1;
/** ( ) < > [ ] { } / % */
const DELIMITER = new Uint8Array(256);
for (const byte of [0x28, 0x29, 0x3c, 0x3e, 0x5b, 0x5d, 0x7b, 0x7d, 0x2f, 0x25])
	DELIMITER[byte] = 1;
const latin1 = (text: string) => Buffer.from(text, 'latin1');
const ENDSTREAM = latin1('endstream');
const STREAM = latin1('stream');
const OBJ = latin1('obj');
const R = latin1('R');

/** Whether the token's bytes are `word`'s. */
const is = (bytes: Buffer, token: Token, word: Buffer) =>
	token.end - token.start === word.length &&
	bytes.compare(word, 0, word.length, token.start, token.end) === 0;

/** The end of a literal string that starts after its `(`: balanced parentheses, `\` escapes. */
function literalEnd(bytes: Uint8Array, from: number): number {
	let depth = 1;
	let i = from;
	while (i < bytes.length) {
		const byte = bytes[i]!;
		if (byte === 0x5c) i += 2;
		else {
			if (byte === 0x28) depth++;
			else if (byte === 0x29 && --depth === 0) return i;
			i++;
		}
	}
	return bytes.length;
}

/** Reads a name (after its `/`) or a word into the token; returns where it ends. */
function regular(bytes: Buffer, from: number, token: Token): number {
	let i = from;
	let number = 0;
	while (i < bytes.length && !WHITESPACE[bytes[i]!] && !DELIMITER[bytes[i]!]) {
		const byte = bytes[i]!;
		number =
			byte >= 0x30 && byte <= 0x39 && number >= 0 && i - from < 9 ? number * 10 + byte - 0x30 : -1;
		i++;
	}
	token.start = from;
	token.end = i;
	token.number = i > from ? number : -1;
	return i;
}

/**
 * Calls `visit` with each token of the file, in order. `stream … endstream` is passed over as
 * one delimiter; an unterminated string or stream runs to the end of the file.
 */
function lex(bytes: Buffer, visit: (token: Token) => void): void {
	const token: Token = { kind: 'delimiter', start: 0, end: 0, number: -1 };
	const emit = (kind: Token['kind'], start: number, end: number) => {
		token.kind = kind;
		token.start = start;
		token.end = end;
		visit(token);
	};
	let i = 0;
	while (i < bytes.length) {
		const byte = bytes[i]!;
		if (WHITESPACE[byte]) i++;
		else if (byte === 0x25) {
			while (i < bytes.length && bytes[i] !== 10 && bytes[i] !== 13) i++;
		} else if (byte === 0x28) {
			const end = literalEnd(bytes, i + 1);
			emit('string', i + 1, end);
			i = end + 1;
		} else if (byte === 0x3c && bytes[i + 1] === 0x3c) {
			emit('delimiter', i, i + 2);
			i += 2;
		} else if (byte === 0x3c) {
			const close = bytes.indexOf(0x3e, i + 1);
			const end = close === -1 ? bytes.length : close;
			emit('hex', i + 1, end);
			i = end + 1;
		} else if (byte === 0x2f) {
			i = regular(bytes, i + 1, token);
			token.kind = 'name';
			visit(token);
		} else if (!DELIMITER[byte]) {
			i = regular(bytes, i, token);
			if (is(bytes, token, STREAM)) {
				const close = bytes.indexOf(ENDSTREAM, i);
				emit('delimiter', i, close === -1 ? bytes.length : close);
				i = close === -1 ? bytes.length : close + ENDSTREAM.length;
			} else {
				token.kind = 'word';
				visit(token);
			}
		} else {
			emit('delimiter', i, i + 1);
			i++;
		}
	}
}

const ESCAPES: Record<string, string> = { n: '\n', r: '\r', t: '\t', b: '\b', f: '\f' };

/** A literal string's bytes with its escapes undone (PDF 32000-1, 7.3.4.2). */
function unescapeLiteral(raw: string): string {
	return raw.replace(/\\(?:([0-7]{1,3})|(\r\n|\r|\n)|(.))/gs, (_, octal, _eol, char: string) => {
		if (octal) return String.fromCharCode(parseInt(octal, 8) & 0xff);
		if (char === undefined) return '';
		return ESCAPES[char] ?? char;
	});
}

/** A hex string's bytes: whitespace is ignored, and a missing last digit is 0 (7.3.4.3). */
function hexString(raw: string): string {
	const digits = raw.replace(/[^0-9a-fA-F]/g, '');
	return Buffer.from(digits.length % 2 ? `${digits}0` : digits, 'hex').toString('latin1');
}

/** A PDF text string: UTF-16BE after its byte-order mark, else PDFDocEncoding (read as Latin-1). */
function textString(bytes: string): string {
	if (!bytes.startsWith('\xfe\xff')) return bytes;
	return Buffer.from(bytes.slice(2), 'latin1').swap16().toString('utf16le');
}

/** A string token's place in the file, read only once it is known to be wanted. */
type Place = Pick<Token, 'kind' | 'start' | 'end'>;

/** Keeps the token's place in `place`, which is reused: a value replaced later costs nothing. */
function keep(place: Place | number | undefined, token: Token): Place {
	const kept = typeof place === 'object' ? place : { kind: token.kind, start: 0, end: 0 };
	kept.kind = token.kind;
	kept.start = token.start;
	kept.end = token.end;
	return kept;
}

/** The string's value, or undefined when it is too long to be a claim (it is then not read). */
function stringValue(bytes: Buffer, place: Place): string | undefined {
	// An escape takes at most four bytes, a hex digit pair two: longer raw text cannot fit.
	if (place.end - place.start > CLAIM_MAX_LENGTH * 4) return undefined;
	const raw = bytes.toString('latin1', place.start, place.end);
	const value = textString(place.kind === 'hex' ? hexString(raw) : unescapeLiteral(raw));
	return value.length > CLAIM_MAX_LENGTH ? undefined : value;
}

const isString = (token: Token) => token.kind === 'string' || token.kind === 'hex';

/** Pass one: where each key's last value is, a string or the number of the object it refers to. */
function keyValues(bytes: Buffer, keys: readonly string[]) {
	const names = keys.map(latin1);
	const values = new Map<string, Place | number>();
	let key = -1;
	/** After a key: how many words of `n g R` have been seen, and n. */
	let words = 0;
	let object = -1;
	lex(bytes, (token) => {
		if (key >= 0 && token.kind === 'word') {
			words++;
			if (words === 1 && token.number >= 0) return void (object = token.number);
			if (words === 2 && token.number >= 0) return;
			if (words === 3 && is(bytes, token, R)) values.set(keys[key]!, object);
		} else if (key >= 0 && isString(token))
			values.set(keys[key]!, keep(values.get(keys[key]!), token));
		key = token.kind === 'name' ? names.findIndex((name) => is(bytes, token, name)) : -1;
		words = 0;
	});
	return values;
}

/** Pass two: where the string is that each wanted object (`n g obj (…)`) holds. */
function objectStrings(bytes: Buffer, wanted: ReadonlySet<number>) {
	const found = new Map<number, Place>();
	/** The numbers of the last two words, when they were integers (else -1). */
	let before = -1;
	let last = -1;
	let object = -1;
	lex(bytes, (token) => {
		if (object >= 0 && isString(token)) found.set(object, keep(found.get(object), token));
		object = -1;
		if (token.kind !== 'word') {
			before = last = -1;
			return;
		}
		if (before >= 0 && last >= 0 && wanted.has(before) && is(bytes, token, OBJ)) object = before;
		before = last;
		last = token.number;
	});
	return found;
}

/** The string value of each of `keys` that the PDF's dictionaries give, direct or by reference. */
export function readPdfStrings(pdf: Uint8Array, keys: readonly string[]): Map<string, string> {
	const bytes = Buffer.from(pdf.buffer, pdf.byteOffset, pdf.byteLength);
	const values = keyValues(bytes, keys);
	const refs = new Set([...values.values()].filter((v): v is number => typeof v === 'number'));
	const objects = refs.size ? objectStrings(bytes, refs) : new Map<number, Place>();
	const found = new Map<string, string>();
	for (const [key, value] of values) {
		const place = typeof value === 'number' ? objects.get(value) : value;
		const text = place && stringValue(bytes, place);
		if (text !== undefined) found.set(key, text);
	}
	return found;
}
