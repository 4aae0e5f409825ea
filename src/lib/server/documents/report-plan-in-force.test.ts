import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES, freshDatabase } from '$tests/factories/database';
import { importSample } from '$tests/factories/imports';
import { solidDefinition } from '$tests/factories/projects';
import { SYSTEM_ACTOR } from '../audit/record-audit';
import type { DatabaseHandle } from '../db';
import { applyProjectDefinition } from '../projects/apply-definition';
import { loadDocumentData } from './load-document-data';
import { makeDocument } from './make-document';

const flat = (pdf: Uint8Array) =>
	execFileSync('pdftotext', ['-enc', 'UTF-8', '-layout', '-', '-'], { input: pdf })
		.toString('utf8')
		.replace(/[ \t]+/g, ' ');

/** SOLID's 2019 council co-financing amended 670 → 710,20 EUR by decision No. 512 of 19.09.2019. */
const amended = () =>
	solidDefinition((d) => {
		d.decision.date = '2019-09-19';
		d.decision.number = '512';
		d.funding.years[1]!.cofinancing = 71020;
		d.funding.council += 4020;
		d.funding.total += 4020;
	});

describe.each(ENGINES)('the final report against the plan in force, on %s', (engine) => {
	let handle: DatabaseHandle;
	beforeAll(async () => {
		handle = await freshDatabase(engine);
		await applyProjectDefinition(handle.db, solidDefinition(), { actor: SYSTEM_ACTOR });
		await importSample(handle.db, 'expenses');
		await importSample(handle.db, 'participation');
	}, 120_000);
	afterAll(async () => {
		await handle?.close();
	});

	const report = (date: string, lang: 'lv' | 'en' = 'lv') =>
		makeDocument(handle.db, { project: 'SOLID', template: 'final-report', lang, date });

	it('names decision 57 for both years of a plan never amended, and keeps its data as before', async () => {
		const { data } = (await loadDocumentData(handle.db, 'SOLID', ['plan', 'expenses']))!;
		expect(data.planSteps).toBeUndefined();
		const text = flat((await report('2026-11-24')).pdf);
		expect(text).toMatch(/2018 3090,00 EUR 3074,50 EUR −15,50 EUR −0,5% Nr\. 57, 22\.02\.2018\./);
		expect(text).toMatch(/2019 1070,00 EUR 1110,20 EUR \+40,20 EUR \+3,8% Nr\. 57, 22\.02\.2018\./);
	}, 120_000);

	it('after the amendment, sets 2019 against decision 512 and 2018 still against 57', async () => {
		await applyProjectDefinition(handle.db, amended(), { actor: SYSTEM_ACTOR });
		const { data } = (await loadDocumentData(handle.db, 'SOLID', ['plan', 'expenses']))!;
		expect(data.planSteps?.map((s) => s.decision.number)).toEqual(['57', '512']);
		// A document that reads only the plan (the annex) gets no plan steps: its data is as it was.
		const annexData = (await loadDocumentData(handle.db, 'SOLID', ['plan']))!.data;
		expect(annexData.planSteps).toBeUndefined();

		const made = await report('2026-11-24');
		if (process.env.INFORCE_PDF) writeFileSync(process.env.INFORCE_PDF, made.pdf);
		const text = flat(made.pdf);
		expect(text).toMatch(/2018 3090,00 EUR 3074,50 EUR −15,50 EUR −0,5% Nr\. 57, 22\.02\.2018\./);
		expect(text).toMatch(/2019 1110,20 EUR 1110,20 EUR 0,00 EUR .* Nr\. 512, 19\.09\.2019\./);
		const en = flat((await report('2026-11-24', 'en')).pdf);
		expect(en).toContain('No. 512 of 19 Sept 2019');
	}, 120_000);

	it('dated before the amendment, reads the plan then in force', async () => {
		const text = flat((await report('2019-09-01')).pdf);
		expect(text).toMatch(/2019 1070,00 EUR 1110,20 EUR \+40,20 EUR \+3,8% Nr\. 57, 22\.02\.2018\./);
	}, 120_000);
});
