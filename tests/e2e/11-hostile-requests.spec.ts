/**
 * Requests meant to hurt the server, sent to the built app: bodies without a length, streamed
 * far past every limit, and odd upload headers. Each is refused clearly, and the app stays up.
 */
import { expect, test } from '@playwright/test';
import { chunkedPost } from '../pages/chunked-post';
import { signInApi } from '../pages/sign-in';

const MB = 1024 * 1024;
const form = { 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html' };

test('a chunked body streamed past the sign-in form limit is cut off at once', async ({
	baseURL
}) => {
	const answer = await chunkedPost(baseURL!, '/login', { megabytes: 64, headers: form });
	expect(answer.status).toBe(413);
	expect(answer.body).toBe('Pieprasījums ir lielāks par šeit atļautajiem 1 MB.');
	// The server stopped reading near its 1 MB limit (socket buffers hold a few MB more); before,
	// it read and buffered the whole body.
	expect(answer.sent).toBeLessThan(24 * MB);
});

test('ten chunked posts at once are all refused, and the app still answers', async ({
	baseURL,
	request
}) => {
	const answers = await Promise.all(
		Array.from({ length: 10 }, () =>
			chunkedPost(baseURL!, '/login', { megabytes: 300, headers: form })
		)
	);
	for (const answer of answers) {
		expect(answer.status).toBe(413);
		expect(answer.sent).toBeLessThan(24 * MB);
	}
	expect((await request.get('/login')).status()).toBe(200);
});

test('a chunked upload past the import limit is refused with the limit named', async ({
	playwright,
	baseURL
}) => {
	const api = await playwright.request.newContext({ baseURL });
	await signInApi(api, baseURL!, 'coordinator');
	const cookie = (await api.storageState()).cookies.map((c) => `${c.name}=${c.value}`).join('; ');
	const upload = () =>
		chunkedPost(baseURL!, '/projects/SOLID/import/upload', {
			megabytes: 64,
			headers: { cookie, 'content-type': 'application/octet-stream', 'x-file-name': 'big.csv' }
		});
	const answer = await upload();
	expect(answer.status).toBe(413);
	// A script's request is answered as SvelteKit answers its errors, for the import page to show.
	expect(JSON.parse(answer.body)).toEqual({
		message: 'Pieprasījums ir lielāks par šeit atļautajiem 1 MB.'
	});
	expect(answer.sent).toBeLessThan(24 * MB);
	await api.dispose();
});

test('an upload named with a stray % or control characters is kept under a clean name', async ({
	playwright,
	baseURL
}) => {
	const api = await playwright.request.newContext({ baseURL });
	await signInApi(api, baseURL!, 'coordinator');
	for (const [sent, kept] of [
		['100%.csv', '100%.csv'],
		['%E0%A4%A.csv', '%E0%A4%A.csv'],
		['izdevumi%202019%1B%5B2J.csv', 'izdevumi 2019[2J.csv']
	]) {
		const upload = await api.post('/projects/SOLID/import/upload', {
			headers: { origin: baseURL!, 'content-type': 'text/csv', 'x-file-name': sent! },
			data: 'Datums;Summa\n01.03.2018;1,00\n'
		});
		expect(upload.status(), sent).toBe(200);
		expect((await upload.json()).name, sent).toBe(kept);
	}
	await api.dispose();
});
