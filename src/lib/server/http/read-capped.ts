/** Reads a request body up to a limit, however it is framed, and stops reading once it is over. */
import { BodyTooLargeError } from './limit-body';

/** Whether an error says the body was too large: this reader's, or the request limit's. */
export const isBodyTooLarge = (error: unknown): boolean => error instanceof BodyTooLargeError;

/**
 * The body's bytes, counted as they arrive, so a chunked body with no Content-Length is held to
 * the limit too. Over the limit, reading stops and the reader is released, not cancelled:
 * cancelling would close the connection before the refusal could be sent.
 */
export async function readCapped(request: Request, limit: number): Promise<Buffer<ArrayBuffer>> {
	const declared = Number(request.headers.get('content-length') ?? NaN);
	if (declared > limit) throw new BodyTooLargeError(limit);
	if (!request.body) return Buffer.alloc(0);
	const reader = request.body.getReader();
	const chunks: Uint8Array[] = [];
	let size = 0;
	try {
		for (;;) {
			const { done, value } = await reader.read();
			if (done) break;
			size += value.byteLength;
			if (size > limit) throw new BodyTooLargeError(limit);
			chunks.push(value);
		}
	} finally {
		reader.releaseLock();
	}
	return Buffer.concat(chunks, size);
}

/** The body as a form, read within the limit; a form that does not parse is an empty one. */
export async function readCappedForm(request: Request, limit: number): Promise<FormData> {
	const body = await readCapped(request, limit);
	const type = request.headers.get('content-type') ?? '';
	return new Response(body, { headers: { 'content-type': type } })
		.formData()
		.catch(() => new FormData());
}
