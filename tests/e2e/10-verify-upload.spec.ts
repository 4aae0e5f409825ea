/**
 * No upload to /verify blocks the server: 64 MB of `/CofundTemplate (` (the shape that made the
 * old claims reader backtrack for 14 s at 256 KB) is refused with the limit named in the
 * reader's language, whether it says its length or comes chunked, and just under the limit it
 * is read and answered; meanwhile another request is served. Sent with node:http, which hands
 * over the answer as soon as it comes, while the body is still being written.
 *
 * And an annex made before a plan change, verified after it, names what changed as the reader
 * says it: labelled fields and money, in Latvian and in English.
 */
import { expect, test, type Page } from '@playwright/test';
import http from 'node:http';
import { EditorPage } from '../pages/editor-page';
import { DEMO_PASSWORD, demoEmail, signIn } from '../pages/sign-in';

const MB = 1024 * 1024;
/** The bound. Measured on the development machine: 0.08 s with a length, 0.3 s chunked. */
const BOUND_MS = 2000;
const BOUNDARY = 'cofund-e2e-boundary';
const HEAD = Buffer.from(
	`--${BOUNDARY}\r\nContent-Disposition: form-data; name="pdf"; filename="claims.pdf"\r\n` +
		'Content-Type: application/pdf\r\n\r\n'
);
const TAIL = Buffer.from(`\r\n--${BOUNDARY}--\r\n`);
const PIECE = Buffer.from('/CofundTemplate ('.repeat(4096), 'latin1');

async function signedInCookie(baseURL: string): Promise<string> {
	const response = await fetch(`${baseURL}/login`, {
		method: 'POST',
		redirect: 'manual',
		headers: { origin: baseURL, accept: 'text/html' },
		body: new URLSearchParams({ email: demoEmail('council'), password: DEMO_PASSWORD })
	});
	expect(response.status).toBe(303);
	return response.headers
		.getSetCookie()
		.map((cookie) => cookie.split(';')[0])
		.join('; ');
}

interface Answer {
	status: number;
	ms: number;
	text: string;
}

/** Posts `bytes` of adversarial claims as a PDF upload, and resolves with the answer. */
function postClaims(baseURL: string, cookie: string, bytes: number, chunked: boolean) {
	const pieces = Math.ceil(bytes / PIECE.length);
	const headers: http.OutgoingHttpHeaders = {
		origin: baseURL,
		accept: 'text/html',
		'accept-language': 'lv',
		cookie,
		'content-type': `multipart/form-data; boundary=${BOUNDARY}`
	};
	if (!chunked) headers['content-length'] = HEAD.length + pieces * PIECE.length + TAIL.length;
	const started = performance.now();
	return new Promise<Answer>((resolve, reject) => {
		const request = http.request(`${baseURL}/verify`, { method: 'POST', headers });
		request.on('response', (response) => {
			const ms = performance.now() - started;
			let text = '';
			response.setEncoding('utf8');
			response.on('data', (chunk: string) => (text += chunk));
			response.on('end', () => {
				resolve({ status: response.statusCode!, ms, text });
				request.destroy();
			});
		});
		request.on('error', (error) => {
			if (!request.destroyed) reject(error);
		});
		void (async () => {
			request.write(HEAD);
			for (let i = 0; i < pieces && !request.destroyed; i++)
				if (!request.write(PIECE)) await new Promise((drained) => request.once('drain', drained));
			if (!request.destroyed) request.end(TAIL);
		})();
	});
}

/** Another reader's page, asked for while the upload is on its way. */
async function otherRequest(baseURL: string) {
	await new Promise((later) => setTimeout(later, 50));
	const started = performance.now();
	const response = await fetch(`${baseURL}/login`);
	return { status: response.status, ms: performance.now() - started };
}

for (const chunked of [false, true]) {
	test(`a 64 MB upload ${chunked ? 'sent chunked' : 'with its length'} is refused at once, naming the limit`, async ({
		baseURL
	}) => {
		const cookie = await signedInCookie(baseURL!);
		const [answer, other] = await Promise.all([
			postClaims(baseURL!, cookie, 64 * MB, chunked),
			otherRequest(baseURL!)
		]);
		expect(answer.status).toBe(413);
		// Refused by the route, or by the body limit before it: either way in Latvian, with 16 MB.
		expect(answer.text).toMatch(/lielāks par[^<]*16 MB/);
		expect(answer.ms).toBeLessThan(BOUND_MS);
		expect(other.status).toBe(200);
		expect(other.ms).toBeLessThan(BOUND_MS);
	});
}

test('15 MB of unclosed claims, under the limit, is read and answered while others are served', async ({
	baseURL
}) => {
	const cookie = await signedInCookie(baseURL!);
	const [answer, other] = await Promise.all([
		postClaims(baseURL!, cookie, 15 * MB, true),
		otherRequest(baseURL!)
	]);
	expect(answer.status).toBe(200);
	expect(answer.text).toContain('Nav īsts: cofund nav veidojis dokumentu ar šiem baitiem');
	// Measured at 1.1 s, most of it the upload itself; the old reader would take hours.
	expect(answer.ms).toBeLessThan(10_000);
	expect(other.status).toBe(200);
	expect(other.ms).toBeLessThan(BOUND_MS);
});

/** Changes the plan's money in the editor, keeping its parts summing to the total. */
async function planMoney(page: Page, eu: string, total: string) {
	const editor = new EditorPage(page);
	await page.goto('/projects/SOLID/edit');
	await editor.fill('funding.eu', eu);
	await editor.fill('funding.total', total);
	await editor.saveAndWait();
}

test('an annex verified after a plan change names the changes as labelled money, in LV and EN', async ({
	page,
	context,
	baseURL
}, info) => {
	// A PDF made, two plan saves and four checks: wide, since the machine may be busy.
	test.setTimeout(240_000);
	await signIn(page, 'coordinator');
	await page.goto('/projects/SOLID/documents');
	const downloading = page.waitForEvent('download');
	await page
		.getByTestId('template-council-annex')
		.getByRole('button', { name: 'Lejupielādēt un saglabāt' })
		.click();
	const file = info.outputPath('annex-before.pdf');
	await (await downloading).saveAs(file);

	await planMoney(page, '1600', '4260');
	try {
		const verify = async (shot: string) => {
			await page.goto('/verify');
			await page.locator('input[name="pdf"]').setInputFiles(file);
			await page.getByRole('button', { name: /^(Pārbaudīt|Verify)$/ }).click();
			const changed = page.getByTestId('data-changed');
			await expect(changed).toBeVisible();
			for (const width of [1440, 390]) {
				await page.setViewportSize({ width, height: 900 });
				await page.screenshot({ path: info.outputPath(`${shot}-${width}.png`), fullPage: true });
			}
			return changed;
		};
		const latvian = await verify('verify-lv');
		await expect(latvian.locator('li')).toHaveText([
			'ES līdzfinansējums: 1500 EUR → 1600 EUR',
			'Kopējais budžets: 4160 EUR → 4260 EUR'
		]);

		await context.addCookies([{ name: 'PARAGLIDE_LOCALE', value: 'en', url: baseURL! }]);
		const english = await verify('verify-en');
		await expect(english.locator('li')).toHaveText([
			'EU co-financing: 1,500 EUR → 1,600 EUR',
			'Total budget: 4,160 EUR → 4,260 EUR'
		]);
		await expect(english).not.toContainText('funding.');
	} finally {
		await context.addCookies([{ name: 'PARAGLIDE_LOCALE', value: 'lv', url: baseURL! }]);
		await planMoney(page, '1500', '4160');
	}
});
