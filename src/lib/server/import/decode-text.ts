/**
 * Bytes to text before any parsing, in the file's encoding: a multi-byte character split across
 * two chunks is joined here, where papaparse on raw Buffers would corrupt it.
 */
import iconv from 'iconv-lite';
import type { Encoding } from '$lib/domain/import/profile';
import { NotAnExportError } from './sniff';

/** The bytes are not valid in the encoding the import reads them with. */
export class EncodingMismatchError extends Error {
	constructor(
		readonly encoding: Encoding,
		/** 1-based line where the first bad byte sits. */
		readonly line: number
	) {
		super(`Not valid ${encoding} at line ${line}`);
		this.name = 'EncodingMismatchError';
	}
}

/**
 * Counts line breaks as parseRecords does (CRLF, CR or LF), across chunks: a CRLF cut in two is
 * one break, not two.
 */
class LineCounter {
	line = 1;
	private afterCr = false;

	/** The line the end of `text` would be on, without counting it in. */
	peek(text: string): number {
		let line = this.line;
		for (let i = 0; i < text.length; i++) {
			const char = text[i];
			if (char === '\n') {
				if (!(i === 0 ? this.afterCr : text[i - 1] === '\r')) line++;
			} else if (char === '\r') line++;
		}
		return line;
	}

	add(text: string) {
		if (!text) return;
		this.line = this.peek(text);
		this.afterCr = text.endsWith('\r');
	}
}

/** The bytes of a character cut off at the end of valid UTF-8: what the decoder holds back. */
function unfinishedTail(bytes: Uint8Array): Uint8Array {
	for (let back = 1; back <= 3 && back <= bytes.length; back++) {
		const byte = bytes[bytes.length - back]!;
		if ((byte & 0xc0) === 0x80) continue;
		const need = byte >= 0xf0 ? 4 : byte >= 0xe0 ? 3 : byte >= 0xc0 ? 2 : 1;
		return need > back ? bytes.slice(bytes.length - back) : new Uint8Array(0);
	}
	return new Uint8Array(0);
}

function joined(a: Uint8Array, b: Uint8Array): Uint8Array {
	if (a.length === 0) return b;
	const out = new Uint8Array(a.length + b.length);
	out.set(a);
	out.set(b, a.length);
	return out;
}

export async function* decodeText(
	bytes: AsyncIterable<Uint8Array>,
	encoding: Encoding
): AsyncGenerator<string> {
	if (encoding === 'utf-8') {
		// fatal: a byte that is not UTF-8 stops the import with its line, instead of becoming "�".
		const decoder = new TextDecoder('utf-8', { fatal: true });
		const lines = new LineCounter();
		// The start of a character the previous chunk ended in: the bad byte may come after it.
		let held: Uint8Array = new Uint8Array(0);
		for await (const chunk of bytes) {
			let text: string;
			try {
				text = decoder.decode(chunk, { stream: true });
			} catch {
				throw new EncodingMismatchError(encoding, lines.peek(validPrefix(joined(held, chunk))));
			}
			held = unfinishedTail(joined(held, chunk.subarray(-3)));
			lines.add(text);
			if (text) yield checked(text);
		}
		let tail: string;
		try {
			tail = decoder.decode();
		} catch {
			throw new EncodingMismatchError(encoding, lines.line);
		}
		if (tail) yield checked(tail);
		return;
	}
	const decoder = iconv.getDecoder(encoding);
	const lines = new LineCounter();
	// A byte the code page leaves undefined (0x81 in both, for one) comes out as U+FFFD, which
	// no single-byte text can contain: the file is not in this encoding, so say where.
	const defined = (text: string) => {
		const bad = text.indexOf('\uFFFD');
		if (bad >= 0) throw new EncodingMismatchError(encoding, lines.peek(text.slice(0, bad)));
		lines.add(text);
		return checked(text);
	};
	for await (const chunk of bytes) {
		const text = decoder.write(Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength));
		if (text) yield defined(text);
	}
	const tail = decoder.end();
	if (tail) yield defined(tail);
}

/**
 * A NUL is in no text export, and no database text can hold one: past the sniffed start, it
 * still marks the file as binary rather than failing the import's writes.
 */
function checked(text: string): string {
	if (text.includes('\u0000')) throw new NotAnExportError('binary');
	return text;
}

/** The text of a chunk up to its first invalid byte, to say on which line that byte is. */
function validPrefix(chunk: Uint8Array): string {
	let low = 0;
	let high = chunk.length;
	while (low < high) {
		const mid = Math.ceil((low + high) / 2);
		try {
			new TextDecoder('utf-8', { fatal: true }).decode(chunk.subarray(0, mid), { stream: true });
			low = mid;
		} catch {
			high = mid - 1;
		}
	}
	return new TextDecoder().decode(chunk.subarray(0, low));
}
