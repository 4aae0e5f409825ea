/**
 * A POST whose body is sent chunked, with no Content-Length, as an attacker streams one: it sends
 * until the server answers (or the body is all sent), and says how much it had sent by then.
 */
import http from 'node:http';

export interface ChunkedAnswer {
	status: number;
	headers: http.IncomingHttpHeaders;
	body: string;
	/** Bytes written to the socket before the answer came, or the server closed it. */
	sent: number;
	/** The server closed the socket before its answer could be read (status is then 0). */
	closed: boolean;
}

export function chunkedPost(
	baseURL: string,
	path: string,
	options: { megabytes: number; headers?: Record<string, string> }
): Promise<ChunkedAnswer> {
	const url = new URL(path, baseURL);
	const total = options.megabytes * 1024 * 1024;
	const chunk = Buffer.alloc(64 * 1024, 'a');
	return new Promise<ChunkedAnswer>((resolve, reject) => {
		let sent = 0;
		let answered = false;
		const request = http.request(url, {
			method: 'POST',
			headers: { 'transfer-encoding': 'chunked', origin: url.origin, ...options.headers }
		});
		request.on('response', (response) => {
			answered = true;
			let body = '';
			response.setEncoding('utf8');
			response.on('data', (text: string) => (body += text.slice(0, 4096 - body.length)));
			// 'close' also comes when the socket is cut under a write after the answer began.
			response.on('close', () => {
				resolve({
					status: response.statusCode ?? 0,
					headers: response.headers,
					body,
					sent,
					closed: false
				});
				request.destroy();
			});
		});
		// A server that stops reading closes the socket; a write can then fail before the answer is
		// read. That is the server refusing too; any other error fails the request.
		request.on('error', (problem: NodeJS.ErrnoException) => {
			if (answered) return;
			if (problem.code === 'EPIPE' || problem.code === 'ECONNRESET') {
				resolve({ status: 0, headers: {}, body: '', sent, closed: true });
			} else reject(problem);
		});
		const pump = () => {
			while (!answered && sent < total) {
				sent += chunk.length;
				if (!request.write(chunk)) return void request.once('drain', pump);
			}
			if (!answered) request.end();
		};
		pump();
	});
}
