import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES, freshDatabase } from '$tests/factories/database';
import { recordFindings, SOLID_CONTROL } from '$tests/factories/findings';
import { importSample } from '$tests/factories/imports';
import { solidDefinition } from '$tests/factories/projects';
import { pdftotext } from '$tests/factories/seed-lines';
import { documentFigures } from '$lib/domain/documents/document-figures';
import { SYSTEM_ACTOR } from '../audit/record-audit';
import type { DatabaseHandle } from '../db';
import { applyProjectDefinition } from '../projects/apply-definition';
import { loadDocumentData } from './load-document-data';
import { makeDocument } from './make-document';
import { storeDocument } from './store-document';
import { verifyDocument } from './verify-document';

const DATE = '2026-11-24';
const flat = (text: string) => text.replace(/\s+/g, ' ');

describe.each(ENGINES)("the auditor's control in documents on %s", (engine) => {
	let handle: DatabaseHandle;
	beforeAll(async () => {
		handle = await freshDatabase(engine);
		await applyProjectDefinition(handle.db, solidDefinition(), { actor: SYSTEM_ACTOR });
		await importSample(handle.db, 'expenses');
		await importSample(handle.db, 'participation');
	});
	afterAll(async () => {
		await handle?.close();
	});

	const report = (lang: 'lv' | 'en') =>
		makeDocument(handle.db, { project: 'SOLID', template: 'final-report', lang, date: DATE });

	it('keeps the data of rows with no finding as it was, and says nothing of a control', async () => {
		const loaded = (await loadDocumentData(handle.db, 'SOLID', ['plan', 'expenses']))!;
		expect(loaded.data.expenses!.every((row) => !('finding' in row))).toBe(true);
		const text = flat(pdftotext((await report('en')).pdf));
		expect(text).not.toContain('After the control');
		expect(text).not.toContain('Eligible expenses after the control');
	});

	it('verifies a report made before the findings as changed, naming the rows', async () => {
		const made = await report('lv');
		await storeDocument(handle.db, made, SYSTEM_ACTOR);
		expect(await verifyDocument(handle.db, made.pdf)).toMatchObject({ data: { same: true } });
		await recordFindings(handle.db, 'SOLID', SOLID_CONTROL);
		const verdict = await verifyDocument(handle.db, made.pdf);
		if (!verdict.genuine || verdict.data.same) throw new Error('expected changed data');
		const changed = verdict.data.changes.filter((c) => c.part === 'expenses');
		expect(
			changed.map((c) => [c.part === 'expenses' && c.change, c.part === 'expenses' && c.count])
		).toEqual([['changed', 10]]);
	});

	it("carries each row's finding in the data, and computes the control from it", async () => {
		const loaded = (await loadDocumentData(handle.db, 'SOLID', ['plan', 'expenses']))!;
		const flights = loaded.data.expenses!.find((row) => row.document === 'AB-120554');
		expect(flights!.finding).toEqual({
			state: 'ineligible',
			deducted: 2000,
			reason: 'no-boarding-pass'
		});
		const { control } = documentFigures(loaded.data, DATE);
		expect(control.total).toMatchObject({
			declared: 418470,
			verified: 108010,
			queried: 2700,
			ineligible: 2000,
			eligible: 416470
		});
	});

	it('prints declared against eligible per year and code in the final report, LV and EN', async () => {
		const en = flat(pdftotext((await report('en')).pdf));
		expect(en).toContain(
			'After the control: Declared 4,184.70 EUR, eligible 4,164.70 EUR (ineligible 20.00 EUR)'
		);
		expect(en).toContain('Eligible expenses after the control');
		expect(en).toContain('2018 3,074.50 EUR 1,080.10 EUR 27.00 EUR 20.00 EUR 3,054.50 EUR');
		expect(en).toContain('2122 2,986.20 EUR 771.60 EUR 27.00 EUR 20.00 EUR 2,966.20 EUR');
		expect(en).toContain('Total 4,184.70 EUR 1,080.10 EUR 27.00 EUR 20.00 EUR 4,164.70 EUR');
		// Per event too: the printing linked to no event has nothing deducted.
		expect(en).toMatch(/no event 38\.50 EUR [\d.,]+ EUR [\d.,]+ EUR 0\.00 EUR 38\.50 EUR/);
		const lv = flat(pdftotext((await report('lv')).pdf));
		expect(lv).toContain('Pēc pārbaudes: Deklarēts 4184,70 EUR, attiecināms 4164,70 EUR');
		expect(lv).toContain('Attiecināmie izdevumi pēc pārbaudes');
		expect(lv).toContain('Kopā 4184,70 EUR 1080,10 EUR 27,00 EUR 20,00 EUR 4164,70 EUR');
		expect(lv).toMatch(/bez pasākuma 38,50 EUR [\d,]+ EUR [\d,]+ EUR 0,00 EUR 38,50 EUR/);
	});
});
