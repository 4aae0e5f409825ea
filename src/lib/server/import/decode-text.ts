/**
 * Bytes to text before any parsing, in the file's encoding: a multi-byte character split across
 * two chunks is joined here, where papaparse on raw Buffers would corrupt it.
 */
import iconv from 'iconv-lite';
import type { Encoding } from '$lib/domain/import/profile';

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

function countLines(text: string): number {
	let count = 0;
	for (let at = text.indexOf('\n'); at !== -1; at = text.indexOf('\n', at + 1)) count++;
	return count;
}

export async function* decodeText(
	bytes: AsyncIterable<Uint8Array>,
	encoding: Encoding
): AsyncGenerator<string> {
	if (encoding === 'utf-8') {
		// fatal: a byte that is not UTF-8 stops the import with its line, instead of becoming "�".
		const decoder = new TextDecoder('utf-8', { fatal: true });
		let lines = 1;
		for await (const chunk of bytes) {
			let text: string;
			try {
				text = decoder.decode(chunk, { stream: true });
			} catch {
				const good = validPrefix(chunk);
				throw new EncodingMismatchError(encoding, lines + countLines(good));
			}
			lines += countLines(text);
			if (text) yield text;
		}
		try {
			const tail = decoder.decode();
			if (tail) yield tail;
		} catch {
			throw new EncodingMismatchError(encoding, lines);
		}
		return;
	}
	const decoder = iconv.getDecoder(encoding);
	for await (const chunk of bytes) {
		const text = decoder.write(Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength));
		if (text) yield text;
	}
	const tail = decoder.end();
	if (tail) yield tail;
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
