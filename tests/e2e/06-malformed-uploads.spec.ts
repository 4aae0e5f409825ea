/**
 * Every file of the malformed corpus, sent to the running app as a browser would (upload, then
 * a check): each gets a clear refusal or a report, never a server error, and the app stays up.
 * The exact outcome of each file is checked in src/lib/server/import/malformed.test.ts.
 */
import { expect, test } from '@playwright/test';
import { readdirSync, readFileSync } from 'node:fs';
import { signInApi } from '../pages/sign-in';

const CORPUS = 'tests/fixtures/malformed';
const files = readdirSync(CORPUS).filter((name) => name.endsWith('.csv'));

test('the server answers every malformed upload clearly, and stays up', async ({
	playwright,
	baseURL
}) => {
	expect(files.length).toBeGreaterThanOrEqual(30);
	const api = await playwright.request.newContext({ baseURL });
	await signInApi(api, baseURL!, 'coordinator');
	const outcomes: string[] = [];
	for (const name of files) {
		const upload = await api.post('/projects/SOLID/import/upload', {
			headers: {
				origin: baseURL!,
				'content-type': 'application/octet-stream',
				'x-file-name': name
			},
			data: readFileSync(`${CORPUS}/${name}`)
		});
		expect(upload.status(), name).toBe(200);
		const { id } = await upload.json();
		const run = await api.post('/projects/SOLID/import/run', {
			headers: { origin: baseURL! },
			data: {
				fileId: id,
				kind: name.startsWith('travel-') ? 'participation' : 'expenses',
				mode: 'dry-run',
				profile: {}
			}
		});
		expect(run.status(), name).toBe(200);
		const events = (await run.text())
			.trim()
			.split('\n')
			.map((line) => JSON.parse(line));
		const last = events.at(-1);
		expect(['result', 'failure'], name).toContain(last.type);
		if (last.type === 'failure') expect(last.failure.code, name).not.toBe('internal');
		outcomes.push(`${name}: ${last.type === 'result' ? 'report' : last.failure.code}`);
	}
	// Both kinds of outcome occur: the corpus is not all refusals, nor all reports.
	expect(outcomes.some((o) => o.endsWith(': report'))).toBe(true);
	expect(outcomes.some((o) => !o.endsWith(': report'))).toBe(true);
	expect((await api.get('/projects', { headers: { accept: 'text/html' } })).status()).toBe(200);
	await api.dispose();
});
