/**
 * Downloads that refuse bytes which no longer match their SHA-256. A stored original is hashed
 * once before anything is sent, so an altered file gets a plain error page; it is then streamed
 * while being hashed again, and its last piece is held back until that hash matches, so bytes
 * changed in between end the download as failed, never as a whole file.
 */
import { createHash } from 'node:crypto';
import type { ByteSource } from '../import/byte-source';
import { sha256OfStream } from './verify-bytes';

export class AlteredBytesError extends Error {
	constructor(
		readonly expected: string,
		readonly actual: string
	) {
		super(`the stored bytes hash to ${actual}, not the ${expected} on record`);
		this.name = 'AlteredBytesError';
	}
}

export function sha256Of(bytes: Uint8Array): string {
	return createHash('sha256').update(bytes).digest('hex');
}

/** The bytes as a stream that errors instead of finishing when they do not hash to `sha256`. */
export function hashCheckedStream(
	chunks: AsyncIterable<Uint8Array>,
	sha256: string
): ReadableStream<Uint8Array> {
	const hash = createHash('sha256');
	const iterator = chunks[Symbol.asyncIterator]();
	let held: Uint8Array | undefined;
	return new ReadableStream<Uint8Array>({
		async pull(controller) {
			for (;;) {
				const next = await iterator.next();
				if (next.done) {
					const actual = hash.digest('hex');
					if (actual !== sha256) return controller.error(new AlteredBytesError(sha256, actual));
					if (held) controller.enqueue(held);
					return controller.close();
				}
				hash.update(next.value);
				const ready = held;
				held = next.value;
				if (ready) return controller.enqueue(ready);
			}
		},
		async cancel() {
			await iterator.return?.();
		}
	});
}

/** A stored original, checked whole before sending and again while it is sent. */
export async function checkedOriginal(
	source: ByteSource,
	sha256: string
): Promise<ReadableStream<Uint8Array>> {
	const actual = await sha256OfStream(source.read());
	if (actual !== sha256) throw new AlteredBytesError(sha256, actual);
	return hashCheckedStream(source.read(), sha256);
}
