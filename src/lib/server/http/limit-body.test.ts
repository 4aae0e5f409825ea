import { describe, expect, it } from 'vitest';
import { BodyTooLargeError, limitBody } from './limit-body';

/** A body of `chunks` pieces of `size` bytes, streamed with no length, as a chunked post is. */
function streamed(chunks: number, size: number) {
	let pulled = 0;
	const body = new ReadableStream<Uint8Array>({
		pull(controller) {
			if (pulled === chunks) return controller.close();
			pulled++;
			controller.enqueue(new Uint8Array(size));
		}
	});
	const request = new Request('http://localhost/login', {
		method: 'POST',
		body,
		duplex: 'half'
	} as RequestInit);
	return { request, pulled: () => pulled };
}

describe('the request body limit', () => {
	it('passes a body within the limit through unchanged', async () => {
		const { request } = streamed(4, 1000);
		const limited = limitBody(request, 4000);
		expect((await limited.request.arrayBuffer()).byteLength).toBe(4000);
		expect(limited.exceeded()).toBe(false);
	});

	it('cuts a chunked body off at the limit, without reading the rest', async () => {
		const source = streamed(10_000, 64 * 1024);
		const limited = limitBody(source.request, 1024 * 1024);
		await expect(limited.request.arrayBuffer()).rejects.toBeInstanceOf(BodyTooLargeError);
		expect(limited.exceeded()).toBe(true);
		expect(source.pulled()).toBeLessThan(40);
	});

	it('refuses a declared length over the limit before reading anything', () => {
		const request = new Request('http://localhost/login', {
			method: 'POST',
			body: 'x'.repeat(100),
			headers: { 'content-length': '100' }
		});
		expect(limitBody(request, 99).exceeded()).toBe(true);
		expect(limitBody(request, 100).exceeded()).toBe(false);
	});

	it('leaves a request without a body alone', () => {
		const request = new Request('http://localhost/logout', { method: 'POST' });
		const limited = limitBody(request, 10);
		expect(limited.request).toBe(request);
		expect(limited.exceeded()).toBe(false);
	});
});
