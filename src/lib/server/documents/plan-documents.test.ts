import { execFileSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES, freshDatabase } from '$tests/factories/database';
import { solidDefinition } from '$tests/factories/projects';
import { SYSTEM_ACTOR } from '../audit/record-audit';
import type { DatabaseHandle } from '../db';
import { applyProjectDefinition } from '../projects/apply-definition';
import { loadProject } from '../projects/load-definition';
import { fingerprintOf, UnknownPlanError } from './load-document-data';
import { makeDocument, type DocumentRequest } from './make-document';
import { storeDocument } from './store-document';
import { verifyDocument } from './verify-document';

const actor = SYSTEM_ACTOR;
const DATE = '2026-11-24';
const flat = (pdf: Uint8Array) =>
	execFileSync('pdftotext', ['-enc', 'UTF-8', '-', '-'], { input: pdf })
		.toString('utf8')
		.replace(/\s+/g, ' ');

/** SOLID's 2019 council co-financing amended 670 → 710,20 EUR by decision No. 512 of 19.09.2019. */
const amended = () =>
	solidDefinition((d) => {
		d.decision.date = '2019-09-19';
		d.decision.number = '512';
		d.funding.years[1]!.cofinancing = 71020;
		d.funding.council += 4020;
		d.funding.total += 4020;
	});

describe.each(ENGINES)('documents for a plan version on %s', (engine) => {
	let handle: DatabaseHandle;
	const annex = (asked: Partial<DocumentRequest> = {}) =>
		makeDocument(handle.db, {
			project: 'SOLID',
			template: 'council-annex',
			lang: 'lv',
			date: DATE,
			...asked
		});
	beforeAll(async () => {
		handle = await freshDatabase(engine);
		await applyProjectDefinition(handle.db, solidDefinition(), { actor });
	}, 120_000);
	afterAll(async () => {
		await handle?.close();
	});

	let first: Awaited<ReturnType<typeof annex>>;

	it('reads the plan in force by default and says which version it read', async () => {
		first = await annex();
		expect(first.parameters.plan).toBe(1);
		await storeDocument(handle.db, first, actor);
		// A document made before versions read the project's rows: the same data, the same fingerprint.
		const rows = (await loadProject(handle.db, 'SOLID'))!.definition;
		expect(fingerprintOf({ plan: rows }).fingerprint).toBe(first.fingerprint);
	}, 120_000);

	it('verifies a document kept before plans had versions (no plan among its parameters)', async () => {
		const legacy = await annex({ lang: 'en' });
		delete legacy.parameters.plan;
		await storeDocument(handle.db, legacy, actor);
		expect(await verifyDocument(handle.db, legacy.pdf)).toMatchObject({
			genuine: true,
			data: { same: true }
		});
	}, 120_000);

	it('makes the annex of decision 57 again byte for byte after an amendment, and the default one cites decision 512', async () => {
		expect((await applyProjectDefinition(handle.db, amended(), { actor })).status).toBe('amended');
		const again = await annex({ decision: '57' });
		expect(again.parameters.plan).toBe(1);
		expect(again.sha256).toBe(first.sha256);
		expect(Buffer.compare(again.pdf, first.pdf)).toBe(0);
		expect(flat(again.pdf)).toContain('lēmumam Nr.57');
		expect(flat(again.pdf)).toContain('2019.gadā 670 EUR');

		const now = await annex();
		expect(now.parameters.plan).toBe(2);
		expect(now.sha256).not.toBe(first.sha256);
		expect(flat(now.pdf)).toContain('2019.gada 19.septembra lēmumam Nr.512');
		expect(flat(now.pdf)).toContain('2019.gadā 710,20 EUR');
		expect((await annex({ plan: 2 })).sha256).toBe(now.sha256);
		await storeDocument(handle.db, now, actor);

		for (const pdf of [first.pdf, again.pdf, now.pdf])
			expect(await verifyDocument(handle.db, pdf)).toMatchObject({
				genuine: true,
				data: { same: true }
			});
	}, 240_000);

	it('refuses a plan version or a decision the project does not have', async () => {
		await expect(annex({ plan: 9 })).rejects.toBeInstanceOf(UnknownPlanError);
		await expect(annex({ decision: '999' })).rejects.toMatchObject({
			asked: { decision: '999' }
		});
	}, 120_000);
});
