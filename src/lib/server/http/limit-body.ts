/**
 * Holds a request body to a byte limit however it is framed: a declared Content-Length is
 * refused at once, and every body, chunked ones too, is counted as it streams and cut off at the
 * limit, so no route can be made to buffer more than it allows.
 */

export class BodyTooLargeError extends Error {
	constructor(readonly limit: number) {
		super(`The request body is larger than ${limit} bytes.`);
		this.name = 'BodyTooLargeError';
	}
}

export interface LimitedRequest {
	request: Request;
	/** True once the body was refused: declared too large, or counted past the limit. */
	exceeded(): boolean;
}

export function limitBody(request: Request, limit: number): LimitedRequest {
	const declared = Number(request.headers.get('content-length') ?? 0);
	if (declared > limit) return { request, exceeded: () => true };
	if (!request.body) return { request, exceeded: () => false };
	let seen = 0;
	let over = false;
	const counter = new TransformStream<Uint8Array, Uint8Array>({
		transform(chunk, controller) {
			seen += chunk.byteLength;
			if (seen > limit) {
				over = true;
				controller.error(new BodyTooLargeError(limit));
				return;
			}
			controller.enqueue(chunk);
		}
	});
	// The source is not cancelled: that would destroy the socket before the 413 could be sent.
	// Unread, it stays paused (its sender stalls, nothing is buffered) until the sender hangs up
	// or Node's request timeout ends the socket.
	const body = request.body.pipeThrough(counter, { preventCancel: true });
	const counted = new Request(request, { body, duplex: 'half' } as RequestInit);
	return { request: counted, exceeded: () => over };
}
