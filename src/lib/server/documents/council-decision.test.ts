import { execFileSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES, freshDatabase } from '$tests/factories/database';
import { solidDefinition } from '$tests/factories/projects';
import { SYSTEM_ACTOR } from '../audit/record-audit';
import type { DatabaseHandle } from '../db';
import { insertPlanVersion } from '../plans/plan-versions';
import { applyProjectDefinition } from '../projects/apply-definition';
import { loadProject } from '../projects/load-definition';
import { makeDocument, type DocumentRequest } from './make-document';
import { storeDocument } from './store-document';
import { verifyDocument } from './verify-document';

const actor = SYSTEM_ACTOR;
const text = (pdf: Uint8Array) =>
	execFileSync('pdftotext', ['-enc', 'UTF-8', '-', '-'], { input: pdf })
		.toString('utf8')
		.replace(/\s+/g, ' ');
const pages = (pdf: Uint8Array) =>
	Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', ['-'], { input: pdf }).toString())![1]);

/** SOLID's 2019 council co-financing amended 670 → 710,20 EUR by decision No. 512 of 19.09.2019. */
const amended = () =>
	solidDefinition((d) => {
		d.decision.date = '2019-09-19';
		d.decision.number = '512';
		d.funding.years[1]!.cofinancing = 71020;
		d.funding.council += 4020;
		d.funding.total += 4020;
	});

describe.each(ENGINES)('the council decision for SOLID on %s', (engine) => {
	let handle: DatabaseHandle;
	const decision = (asked: Partial<DocumentRequest> = {}) =>
		makeDocument(handle.db, {
			project: 'SOLID',
			template: 'council-decision',
			lang: 'lv',
			date: '2026-11-24',
			...asked
		});
	beforeAll(async () => {
		handle = await freshDatabase(engine);
		await applyProjectDefinition(handle.db, solidDefinition(), { actor });
	}, 120_000);
	afterAll(async () => {
		await handle?.close();
	});

	it('drafts the adopting decision: title, facts, legal basis, the decided points, the signature and the annex', async () => {
		const made = await decision();
		const lv = text(made.pdf);
		for (const phrase of [
			'LĒMUMS',
			'Daugavpilī 2018.gada 22.februārī Nr.57',
			'Par dalību projektā “Vietējās solidaritātes – globālās solidaritātes tīkls” un līdzfinansējuma nodrošināšanu',
			'Projekta īstenošanas termiņš ir 01.01.2018. – 15.11.2019. Daugavpils',
			'Pamatojoties uz likuma “Par pašvaldībām” 12.pantu',
			'Daugavpils pilsētas dome NOLEMJ:',
			'priekšfinansējumu 1500 EUR apmērā (2018.gadā 1100 EUR, 2019.gadā 400 EUR) un līdzfinansējumu 2660 EUR apmērā (2018.gadā 1990 EUR, 2019.gadā 670 EUR)',
			'3. Atbildīgais par projekta īstenošanu – Daugavpils pilsētas domes Attīstības departaments.',
			'4. Kontroli par lēmuma izpildi',
			'Domes priekšsēdētājs',
			'1.pielikums Daugavpils pilsētas domes 2018.gada 22.februāra lēmumam Nr.57'
		])
			expect(lv).toContain(phrase);
		expect(lv).not.toContain('Grozījumi');
		expect(pages(made.pdf)).toBeGreaterThanOrEqual(2);

		const en = text((await decision({ lang: 'en' })).pdf);
		expect(en).toContain('DECISION');
		expect(en).toContain(
			'On participation in the project “Local solidarity- global solidarity Network”'
		);
		expect(en).toContain('Daugavpils City Council DECIDES:');
		expect(en).toContain('Annex 1 to decision No. 57');
	}, 240_000);

	it('drafts the amendment by decision 512: the decision it amends, what changes, point 2 as amended, the new annex', async () => {
		const adoption = await decision();
		await storeDocument(handle.db, adoption, actor);
		await applyProjectDefinition(handle.db, amended(), { actor });
		const made = await decision();
		expect(made.parameters.plan).toBe(2);
		const lv = text(made.pdf);
		for (const phrase of [
			'2019.gada 19.septembrī Nr.512',
			'Grozījumi Daugavpils pilsētas domes 2018.gada 22.februāra lēmumā Nr.57 “Par dalību projektā “Vietējās solidaritātes – globālās solidaritātes tīkls” un līdzfinansējuma nodrošināšanu”',
			'2019.gada līdzfinansējums no 670 EUR uz 710,20 EUR',
			'ir 4200,20 EUR (līdz šim 4160 EUR)',
			'1.1. Izteikt Lēmuma 2.punktu šādā redakcijā:',
			'līdzfinansējumu 2700,20 EUR apmērā (2018.gadā 1990 EUR, 2019.gadā 710,20 EUR)',
			'1.2. Izteikt Lēmuma pielikumu jaunā redakcijā',
			'1.pielikums Daugavpils pilsētas domes 2019.gada 19.septembra lēmumam Nr.512'
		])
			expect(lv).toContain(phrase);
		const en = text((await decision({ lang: 'en' })).pdf);
		expect(en).toContain(
			'Amendments to decision No. 57 of Daugavpils City Council of 22 February 2018'
		);
		expect(en).toContain('of 2019 from 670 EUR to 710.20 EUR');

		// The adopting decision made again is the one made before, and both still verify.
		const again = await decision({ decision: '57' });
		expect(again.sha256).toBe(adoption.sha256);
		await storeDocument(handle.db, made, actor);
		for (const pdf of [adoption.pdf, made.pdf])
			expect(await verifyDocument(handle.db, pdf)).toMatchObject({
				genuine: true,
				data: { same: true }
			});
	}, 240_000);

	it('leaves the number and date of a draft blank to fill in', async () => {
		const project = (await loadProject(handle.db, 'SOLID'))!;
		const proposal = amended();
		proposal.funding.years[1]!.prefinancing = 45000;
		proposal.funding.eu += 5000;
		proposal.funding.total += 5000;
		const draft = await handle.db.transaction((tx) =>
			insertPlanVersion(tx, project.id, {
				status: 'draft',
				kind: 'amendment',
				definition: proposal,
				basedOn: 2,
				by: actor.email
			})
		);
		const lv = text((await decision({ plan: draft.number })).pdf);
		expect(lv).toContain('____.gada ___.__________ Nr.___');
		expect(lv).toContain('lēmumam Nr.___');
		expect(lv).toContain('2019.gada priekšfinansējums no 400 EUR uz 450 EUR');
		expect(lv).toContain('Pašvaldību likuma');
		expect(lv).not.toContain('Nr.512');
	}, 240_000);
});
