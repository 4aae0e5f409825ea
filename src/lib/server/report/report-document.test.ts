import { execFileSync } from 'node:child_process';
import { createCanvas } from '@napi-rs/canvas';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES, freshDatabase } from '$tests/factories/database';
import { importSample } from '$tests/factories/imports';
import { solidDefinition } from '$tests/factories/projects';
import { SYSTEM_ACTOR, type Actor } from '../audit/record-audit';
import type { DatabaseHandle } from '../db';
import { auditEvents, officeSettings, reportNarratives } from '../db/schema';
import { makeDocument } from '../documents/make-document';
import { checkPdfa } from '../documents/pdfa-check';
import { applyProjectDefinition } from '../projects/apply-definition';
import { loadLetterhead, saveLetterhead } from '../settings/office';
import { listNarratives, saveNarrative, UnknownReportProjectError } from './narratives';

const DATE = '2026-11-24';
const coordinator: Actor = { id: null, email: 'koordinators@daugavpils.lv' };
const admin: Actor = { id: null, email: 'admin@daugavpils.lv' };
const pdftotext = (pdf: Uint8Array) =>
	execFileSync('pdftotext', ['-enc', 'UTF-8', '-', '-'], { input: pdf }).toString('utf8');
const flat = (text: string) => text.replace(/\s+/g, ' ');

/** A small logo drawn for the test: a shield in the city's colours, as a PNG. */
function logoPng(): Uint8Array {
	const canvas = createCanvas(160, 180);
	const ctx = canvas.getContext('2d');
	ctx.fillStyle = '#ffffff';
	ctx.fillRect(0, 0, 160, 180);
	ctx.fillStyle = '#1d4f91';
	ctx.beginPath();
	ctx.moveTo(10, 10);
	ctx.lineTo(150, 10);
	ctx.lineTo(150, 100);
	ctx.quadraticCurveTo(150, 160, 80, 175);
	ctx.quadraticCurveTo(10, 160, 10, 100);
	ctx.closePath();
	ctx.fill();
	ctx.fillStyle = '#f2c230';
	ctx.fillRect(60, 40, 40, 90);
	return new Uint8Array(canvas.toBuffer('image/png'));
}

/** Where a run may leave the PDFs for a person to look at (COFUND_SHOTS=dir). */
function keep(name: string, pdf: Uint8Array) {
	const dir = process.env.COFUND_SHOTS;
	if (!dir) return;
	mkdirSync(dir, { recursive: true });
	writeFileSync(join(dir, name), pdf);
}

describe.each(ENGINES)('final report narratives and the letterhead on %s', (engine) => {
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

	it('prints no narrative heading while nothing is written', async () => {
		const text = flat(pdftotext((await report('lv')).pdf));
		expect(text).not.toContain('Pasākumu norise un rezultāti');
		expect(text).not.toContain('Projekta rezultāti un to izplatīšana');
		// The signatures keep the number after the mobilities.
		expect(text).toContain('4. Apliecinājums');
	});

	it('stores a narrative, audits each change, and skips one that changes nothing', async () => {
		const text = {
			event: 1,
			section: 'happened' as const,
			lv: 'Atklāšanas tikšanās Jettē.',
			en: ''
		};
		expect(await saveNarrative(handle.db, coordinator, 'SOLID', text)).toBe(true);
		expect(await saveNarrative(handle.db, coordinator, 'SOLID', text)).toBe(false);
		expect(
			await saveNarrative(handle.db, coordinator, 'SOLID', {
				...text,
				en: 'The kick-off in Jette.'
			})
		).toBe(true);
		expect(await listNarratives(handle.db, 'SOLID')).toEqual([
			{
				event: 1,
				section: 'happened',
				lv: 'Atklāšanas tikšanās Jettē.',
				en: 'The kick-off in Jette.'
			}
		]);
		const events = await handle.db
			.select()
			.from(auditEvents)
			.where(eq(auditEvents.action, 'report.narrative'));
		expect(events).toHaveLength(2);
		expect(events[1]).toMatchObject({
			actorEmail: coordinator.email,
			objectType: 'project',
			objectId: 'SOLID',
			before: { event: 1, section: 'happened', text_lv: 'Atklāšanas tikšanās Jettē.', text_en: '' },
			after: { text_en: 'The kick-off in Jette.' }
		});
	});

	it('deletes a section cleared in both languages, and refuses an unknown project', async () => {
		const text = { event: 2, section: 'results' as const, lv: 'Pagaidu', en: '' };
		await saveNarrative(handle.db, coordinator, 'SOLID', text);
		await saveNarrative(handle.db, coordinator, 'SOLID', { ...text, lv: '' });
		const rows = await handle.db
			.select()
			.from(reportNarratives)
			.where(eq(reportNarratives.eventNumber, 2));
		expect(rows).toEqual([]);
		await expect(saveNarrative(handle.db, coordinator, 'NONE', text)).rejects.toBeInstanceOf(
			UnknownReportProjectError
		);
	});

	it('keeps the letterhead in one row, audits it without the logo bytes, and keeps the logo', async () => {
		expect(await loadLetterhead(handle.db)).toBeNull();
		const png = logoPng();
		await saveLetterhead(handle.db, admin, {
			nameLv: 'Daugavpils valstspilsētas pašvaldība',
			nameEn: 'Daugavpils State City Municipality',
			logo: { type: 'image/png', bytes: png }
		});
		await saveLetterhead(handle.db, admin, {
			nameLv: 'Daugavpils valstspilsētas pašvaldība',
			nameEn: 'Daugavpils State City Municipality',
			logo: 'keep'
		});
		const stored = await loadLetterhead(handle.db);
		expect(stored?.logo?.type).toBe('image/png');
		expect(Buffer.from(stored!.logo!.bytes).equals(Buffer.from(png))).toBe(true);
		expect(await handle.db.select().from(officeSettings)).toHaveLength(1);
		const [event] = await handle.db
			.select()
			.from(auditEvents)
			.where(eq(auditEvents.action, 'office.update'));
		expect(event).toMatchObject({ objectType: 'office', actorEmail: admin.email });
		expect(JSON.stringify(event!.after)).toMatch(/image\/png, \d+ B, [0-9a-f]{64}/);
	});

	it('makes the final report with the narratives and the letterhead, the same bytes twice', async () => {
		await saveNarrative(handle.db, coordinator, 'SOLID', {
			event: 1,
			section: 'results',
			lv: 'Vienošanās par kopīgu rīcības plānu.',
			en: 'An agreed joint action plan.'
		});
		await saveNarrative(handle.db, coordinator, 'SOLID', {
			event: 1,
			section: 'countries',
			lv: 'Beļģija, Latvija, Ungārija',
			en: 'Belgium, Latvia, Hungary'
		});
		await saveNarrative(handle.db, coordinator, 'SOLID', {
			event: 0,
			section: 'dissemination',
			lv: 'Rezultāti publicēti pašvaldības tīmekļvietnē.',
			en: "The results were published on the municipality's website."
		});
		const lv = await report('lv');
		const en = await report('en');
		keep('final-report-lv.pdf', lv.pdf);
		keep('final-report-en.pdf', en.pdf);
		const lvText = flat(pdftotext(lv.pdf));
		expect(lvText).toContain('Daugavpils valstspilsētas pašvaldība');
		expect(lvText).toContain('4. Pasākumu norise un rezultāti');
		expect(lvText).toContain('Norise. Atklāšanas tikšanās Jettē.');
		expect(lvText).toContain('Rezultāti. Vienošanās par kopīgu rīcības plānu.');
		expect(lvText).toContain('Dalībnieku valstis: Beļģija, Latvija, Ungārija');
		// Only dissemination is written: its heading and its section show, the results' do not.
		expect(lvText).toContain('5. Projekta rezultāti un to izplatīšana');
		expect(lvText).toContain('Rezultāti publicēti pašvaldības tīmekļvietnē.');
		expect(lvText).toContain('6. Apliecinājums');
		const enText = flat(pdftotext(en.pdf));
		expect(enText).toContain('Daugavpils State City Municipality');
		expect(enText).toContain('What happened. The kick-off in Jette.');
		expect(enText).toContain("Participants' countries: Belgium, Latvia, Hungary");
		// The same inputs give the same bytes.
		expect(Buffer.from((await report('lv')).pdf).equals(Buffer.from(lv.pdf))).toBe(true);
		// Still PDF/A-2a with the logo and the narratives: the logo a figure named by the office,
		// each narrative's heading an H3 above its paragraphs.
		const archival = checkPdfa(en.pdf);
		expect(archival.problems).toEqual([]);
		expect(archival.structure.filter((e) => e.type === 'Figure').length).toBeGreaterThanOrEqual(3);
		expect(archival.structure.some((e) => e.type === 'H3')).toBe(true);
	});

	it('covers the narratives and the letterhead by the fingerprint', async () => {
		const before = await report('lv');
		await saveNarrative(handle.db, coordinator, 'SOLID', {
			event: 0,
			section: 'results',
			lv: 'Izveidots partneru tīkls.',
			en: ''
		});
		const after = await report('lv');
		expect(after.fingerprint).not.toBe(before.fingerprint);
		// An English report prints a text written only in Latvian rather than lose it.
		expect(flat(pdftotext((await report('en')).pdf))).toContain('Izveidots partneru tīkls.');
		const annex = await makeDocument(handle.db, {
			project: 'SOLID',
			template: 'council-annex',
			lang: 'lv',
			date: DATE
		});
		keep('council-annex-lv.pdf', annex.pdf);
		const annexText = pdftotext(annex.pdf);
		expect(annexText).toContain('Daugavpils valstspilsētas pašvaldība');
		await saveLetterhead(handle.db, admin, {
			nameLv: 'Daugavpils pašvaldība',
			nameEn: '',
			logo: null
		});
		const renamed = await makeDocument(handle.db, {
			project: 'SOLID',
			template: 'council-annex',
			lang: 'en',
			date: DATE
		});
		expect(renamed.fingerprint).not.toBe(annex.fingerprint);
		// With no English name, the English annex carries the Latvian one.
		expect(pdftotext(renamed.pdf)).toContain('Daugavpils pašvaldība');
	});
});
