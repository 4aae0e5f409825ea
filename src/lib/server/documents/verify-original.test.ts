import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES, freshDatabase } from '$tests/factories/database';
import { solidDefinition } from '$tests/factories/projects';
import { describeChange } from '$lib/i18n/document-messages';
import { SYSTEM_ACTOR } from '../audit/record-audit';
import type { DatabaseHandle } from '../db';
import { applyProjectDefinition } from '../projects/apply-definition';
import { makeDocument, type MadeDocument } from './make-document';
import { storeDocument } from './store-document';
import { verifyDocument } from './verify-document';

/** The same bytes with one letter of the producer changed: no longer cofund's, same claims. */
function tamper(pdf: Buffer): Buffer {
	const copy = Buffer.from(pdf);
	const at = copy.indexOf('/Producer') + 2;
	copy[at] = copy[at]! ^ 0x20;
	return copy;
}

describe.each(ENGINES)('the document an altered file is pointed to, on %s', (engine) => {
	let handle: DatabaseHandle;
	const annex = (lang: 'lv' | 'en', date: string) =>
		makeDocument(handle.db, { project: 'SOLID', template: 'council-annex', lang, date });
	const kept = async (made: MadeDocument) =>
		(await storeDocument(handle.db, made, SYSTEM_ACTOR)).id;
	let lv: MadeDocument;
	let ids: { lv: number; en: number; lvLater: number };

	beforeAll(async () => {
		handle = await freshDatabase(engine);
		await applyProjectDefinition(handle.db, solidDefinition(), { actor: SYSTEM_ACTOR });
		// Of one plan, so of one data fingerprint: the LV annex, then the EN one, then LV again.
		lv = await annex('lv', '2026-11-24');
		const en = await annex('en', '2026-11-24');
		const lvLater = await annex('lv', '2026-11-30');
		ids = { lv: await kept(lv), en: await kept(en), lvLater: await kept(lvLater) };
		expect(new Set([lv.fingerprint, en.fingerprint, lvLater.fingerprint]).size).toBe(1);
	});
	afterAll(async () => {
		await handle?.close();
	});

	it('points a tampered LV annex to the LV annex of its date, not to the newer EN one', async () => {
		const verdict = await verifyDocument(handle.db, tamper(lv.pdf));
		expect(verdict).toMatchObject({
			genuine: false,
			claims: {
				template: 'council-annex',
				version: '1',
				project: 'SOLID',
				lang: 'lv',
				date: '2026-11-24',
				fingerprint: lv.fingerprint
			}
		});
		expect(!verdict.genuine && verdict.original?.id).toBe(ids.lv);
	});

	it('points a tampered EN annex to the EN annex, and a later LV one to itself', async () => {
		const en = await annex('en', '2026-11-24');
		const enVerdict = await verifyDocument(handle.db, tamper(en.pdf));
		expect(!enVerdict.genuine && enVerdict.original?.id).toBe(ids.en);
		const later = await annex('lv', '2026-11-30');
		const laterVerdict = await verifyDocument(handle.db, tamper(later.pdf));
		expect(!laterVerdict.genuine && laterVerdict.original?.id).toBe(ids.lvLater);
	});

	it('points to nothing when no document has everything the file claims', async () => {
		// An LV annex of a date none was kept for: the same data, the same template, no original.
		const unkept = await annex('lv', '2026-12-01');
		const verdict = await verifyDocument(handle.db, tamper(unkept.pdf));
		expect(verdict).toMatchObject({ genuine: false, claims: { lang: 'lv', date: '2026-12-01' } });
		expect(!verdict.genuine && verdict.original).toBeNull();
	});

	it('says a plan change since a genuine annex as labelled money, in either language', async () => {
		await applyProjectDefinition(
			handle.db,
			solidDefinition((d) => {
				d.funding.eu = 160000;
				d.events[2]!.month = '2018-11';
			}),
			{ actor: SYSTEM_ACTOR }
		);
		const verdict = await verifyDocument(handle.db, lv.pdf);
		if (!verdict.genuine || verdict.data.same) throw new Error('expected a changed plan');
		const { changes, currency } = verdict.data;
		expect(currency).toBe('EUR');
		const said = (locale: 'lv' | 'en') => changes.map((c) => describeChange(c, locale, currency));
		expect(said('lv')).toEqual([
			'Mēnesis (3. pasākums): 10.2018. → 11.2018.',
			'ES līdzfinansējums: 1500\u00a0EUR → 1600\u00a0EUR'
		]);
		expect(said('en')).toEqual([
			'Month (event 3): October 2018 → November 2018',
			'EU co-financing: 1,500\u00a0EUR → 1,600\u00a0EUR'
		]);
	});
});
