import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES, freshDatabase } from '$tests/factories/database';
import { importSample } from '$tests/factories/imports';
import { solidDefinition } from '$tests/factories/projects';
import {
	matchLines,
	pdftotext,
	SEED_SLIP,
	seedLines,
	solidSeed
} from '$tests/factories/seed-lines';
import { TemplateError } from '$lib/domain/documents/parse-template';
import type { AuditHead } from '../audit/audit-anchor';
import { SYSTEM_ACTOR } from '../audit/record-audit';
import { queryRows, type DatabaseHandle } from '../db';
import { auditEvents, documents, templateFailures } from '../db/schema';
import { bytesSource } from '../import/byte-source';
import { loadImportProject } from '../import/import-project';
import { runImport } from '../import/run-import';
import { applyProjectDefinition } from '../projects/apply-definition';
import { makeDocument, TemplateFailedError } from './make-document';
import { storeDocument } from './store-document';
import { storedPdf } from './list-documents';
import { DocumentRenderError } from './render-pool';
import { currentTemplate, saveTemplateEdit, templateHistory } from './template-store';
import { templateFailuresOf, usableTemplate } from './template-failures';
import { verifyDocument } from './verify-document';
import { expensesCsv } from '../dashboard/expenses-csv';

const DATE = '2026-11-24';
/** The PDF's text with its lines run together, for phrases that may wrap. */
const flat = (text: string) => text.replace(/\s+/g, ' ');
const ONE_MORE_EXPENSE = [
	'Datums;Dok. Nr.;Partneris;Apraksts;EKK;Summa EUR;Projekts;Pasākums;Finansējums',
	'20.09.2019;AO-2019/099;Inese Kalniņa;Dienas nauda, Jette 22.–25.09.;2121;35,00;SOLID;5;Pašvaldība',
	''
].join('\n');

describe.each(ENGINES)('documents for SOLID on %s', (engine) => {
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

	const annex = (lang: 'lv' | 'en' = 'lv', version?: number, auditHead?: AuditHead) =>
		makeDocument(handle.db, {
			project: 'SOLID',
			template: 'council-annex',
			lang,
			date: DATE,
			version,
			auditHead
		});

	it('makes the council annex whose text is the seed, line for line', async () => {
		const made = await annex();
		const seed = solidSeed();
		// The annex numbers its pages ("1. lpp. no 2"); the seed, a Word document's text, has no
		// page numbers, so they are taken out before the lines are matched.
		const numbered = seedLines(pdftotext(made.pdf));
		const pageNumber = /^\d+\.lpp\.no\d+$/;
		expect(numbered.filter((line) => pageNumber.test(line))).toEqual(['1.lpp.no2', '2.lpp.no2']);
		const pdf = numbered.filter((line) => !pageNumber.test(line));
		const { mismatches, left } = matchLines(seed, pdf);
		// The annex writes every event the same way; only the seed's slip may differ, and only so.
		expect(mismatches).toEqual([SEED_SLIP]);
		expect(left).toEqual([]);
		expect(seed.length).toBeGreaterThan(40);
	});

	it('writes the figures in the seed’s own forms, and an English annex beside it', async () => {
		const lv = pdftotext((await annex('lv')).pdf);
		for (const form of [
			'2018.gada 22.februāra',
			'4160 EUR',
			'01.01.2018. – 15.11.2019.',
			'03.2018.',
			'(3 pārstāvji)'
		])
			expect(lv).toContain(form);
		expect(lv).toContain('Projekta “Vietējās solidaritātes – globālās solidaritātes tīkls” SOLID');
		const en = flat(pdftotext((await annex('en')).pdf));
		expect(en).toContain('Annex 1');
		expect(en).toContain('22 February 2018');
		expect(en).toContain('1 January 2018 – 15 November 2019');
		expect(en).toContain(
			'Event 1 – Jette, Belgium – project kick-off meeting, March 2018 (3 representatives)'
		);
	});

	it('gives byte-identical PDFs for the same inputs, and different ones for another date', async () => {
		const [a, b] = [await annex(), await annex()];
		expect(Buffer.compare(a.pdf, b.pdf)).toBe(0);
		expect(a.sha256).toBe(b.sha256);
		const other = await makeDocument(handle.db, {
			project: 'SOLID',
			template: 'council-annex',
			lang: 'lv',
			date: '2026-11-25'
		});
		expect(other.sha256).not.toBe(a.sha256);
		expect(other.fingerprint).toBe(a.fingerprint);
	});

	it('keeps every Latvian letter and the partners’ own names in the PDF text', async () => {
		const letters = 'āčēģīķļņšūž';
		const plan = solidDefinition((d) => {
			d.code = 'LETTERS';
			d.goal.lv = `${letters} ${letters.toUpperCase()}`;
		});
		await applyProjectDefinition(handle.db, plan, { actor: SYSTEM_ACTOR });
		const text = pdftotext(
			(
				await makeDocument(handle.db, {
					project: 'LETTERS',
					template: 'council-annex',
					lang: 'lv',
					date: DATE
				})
			).pdf
		);
		for (const letter of letters + letters.toUpperCase()) expect(text, letter).toContain(letter);
		expect(text).toContain('3. Sződliget, Ungārija');
		expect(text).toContain('10. Gmina Dąbrowa, Polija');
		expect(text).toContain('Maķedonija');
	});

	it('makes the final report in LV and EN with the budget, mobilities, names and appendix', async () => {
		const lv = pdftotext(
			(
				await makeDocument(handle.db, {
					project: 'SOLID',
					template: 'final-report',
					lang: 'lv',
					date: DATE
				})
			).pdf
		);
		for (const text of [
			'Projekta SOLID noslēguma ziņojums',
			'4184,70 EUR',
			'−15,50 EUR',
			'+40,20 EUR',
			'Notikušas 14 no 15',
			'Natālija Žukova',
			'Pielikums. Izdevumu saraksts',
			'ledger.csv:2',
			'Projekta koordinators'
		])
			expect(lv, text).toContain(text);
		const en = pdftotext(
			(
				await makeDocument(handle.db, {
					project: 'SOLID',
					template: 'final-report',
					lang: 'en',
					date: DATE
				})
			).pdf
		);
		for (const text of [
			'Final report of the project SOLID',
			'4,184.70 EUR',
			'14 of 15 planned took place',
			'Appendix. List of expenses',
			'Head of department'
		])
			expect(en, text).toContain(text);
		// 2018 is 15,50 under plan: its variance, and its share, print with U+2212 (Roboto has the
		// glyph, so pdftotext reads it back), and no figure anywhere starts with a hyphen-minus.
		expect(en).toContain('−15.50 EUR');
		expect(lv).toContain('−0,5%');
		expect(en).toContain('−0.5%');
		for (const text of [lv, en]) expect(text).not.toMatch(/(^|[\s(])-\d/m);
	});

	it('produces the edited template’s PDF with no code change, and the earlier version again byte for byte', async () => {
		const first = await annex();
		const v1 = first.parameters.version;
		const source = (await currentTemplate(handle.db, 'council-annex')).source
			.replace('Projekta partneri:', 'Projekta partneri un valstis:')
			.replace(
				"      - label:\n          lv: 'Finansēšanas avots:'",
				"      - label:\n          lv: 'Projekta kods:'\n          en: 'Project code:'\n        text: '{{ project.code }}'\n\n      - label:\n          lv: 'Finansēšanas avots:'"
			);
		const saved = await saveTemplateEdit(handle.db, SYSTEM_ACTOR, 'council-annex', source, v1);
		expect(saved.version).toBe(v1 + 1);
		const edited = pdftotext((await annex()).pdf);
		expect(edited).toContain('Projekta partneri un valstis:');
		expect(edited).toContain('Projekta kods:');
		expect(edited).not.toContain('Projekta partneri:\n');
		// The edit is an audit event, so the chain's head moved on: the recorded head is given back.
		const again = await annex('lv', v1, first.parameters.auditHead);
		expect(Buffer.compare(again.pdf, first.pdf)).toBe(0);
		expect((await templateHistory(handle.db, 'council-annex')).map((v) => v.origin)).toEqual([
			'edit',
			'file'
		]);
	});

	it('refuses a broken template edit with its line, and keeps nothing', async () => {
		const before = (await templateHistory(handle.db, 'final-report')).length;
		const current = await currentTemplate(handle.db, 'final-report');
		const broken = current.source.replace(
			'{{ project.start | period: project.end }}',
			'{{ project.start | period: project.ends }}'
		);
		const line = broken.split('\n').findIndex((l) => l.includes('project.ends')) + 1;
		const error = await saveTemplateEdit(
			handle.db,
			SYSTEM_ACTOR,
			'final-report',
			broken,
			current.version
		).catch((e: unknown) => e);
		expect(error).toBeInstanceOf(TemplateError);
		expect(error).toMatchObject({ line, problem: expect.stringContaining('ends') });
		expect((await templateHistory(handle.db, 'final-report')).length).toBe(before);
	});

	it('verify accepts a fresh PDF, names the expense added since, and refuses a tampered one', async () => {
		const made = await makeDocument(handle.db, {
			project: 'SOLID',
			template: 'final-report',
			lang: 'lv',
			date: DATE
		});
		const stored = await storeDocument(handle.db, made, SYSTEM_ACTOR);
		const fresh = await verifyDocument(handle.db, made.pdf);
		expect(fresh).toMatchObject({ genuine: true, data: { same: true }, template: { same: true } });
		expect(fresh.genuine && fresh.document.id).toBe(stored.id);

		const project = (await loadImportProject(handle.db, 'SOLID'))!;
		await runImport(handle.db, {
			project,
			kind: 'expenses',
			input: {
				source: bytesSource('ledger-2019-extra.csv', new TextEncoder().encode(ONE_MORE_EXPENSE))
			},
			profile: {},
			actor: SYSTEM_ACTOR,
			mode: 'commit',
			today: DATE
		});
		const changed = await verifyDocument(handle.db, made.pdf);
		expect(changed.genuine).toBe(true);
		if (!changed.genuine || changed.data.same) throw new Error('expected changed data');
		expect(changed.data.changes).toEqual([
			{
				part: 'expenses',
				change: 'added',
				year: 2019,
				count: 1,
				cents: 3500,
				rows: [{ file: 'ledger-2019-extra.csv', line: 2 }]
			}
		]);

		const tampered = Buffer.from(made.pdf);
		const at = tampered.indexOf('/CreationDate');
		tampered.write('/CreationDatf', at, 'latin1');
		const verdict = await verifyDocument(handle.db, tampered);
		expect(verdict).toMatchObject({
			genuine: false,
			claims: { template: 'final-report', project: 'SOLID', fingerprint: made.fingerprint }
		});
		expect(!verdict.genuine && verdict.original?.id).toBe(stored.id);
		expect(await verifyDocument(handle.db, Buffer.from('%PDF-1.4 not ours'))).toMatchObject({
			genuine: false,
			claims: null,
			original: null
		});
	});

	it('keeps a document once, immutable, and records every generation in the audit log', async () => {
		const made = await annex('en');
		const a = await storeDocument(handle.db, made, SYSTEM_ACTOR);
		const b = await storeDocument(handle.db, made, SYSTEM_ACTOR);
		expect([a.created, b.created, b.id]).toEqual([true, false, a.id]);
		const rows = await handle.db.select().from(documents).where(eq(documents.id, a.id));
		expect(rows).toHaveLength(1);
		expect(rows[0]).toMatchObject({
			sha256: made.sha256,
			fingerprint: made.fingerprint,
			templateId: 'council-annex',
			lang: 'en'
		});
		expect(rows[0]!.pdf).toBeNull();
		const kept = await storedPdf(handle.db, rows[0]!.projectId, a.id);
		expect(Buffer.compare(Buffer.from(kept!.pdf), made.pdf)).toBe(0);
		const audit = await handle.db
			.select()
			.from(auditEvents)
			.where(eq(auditEvents.objectId, String(a.id)));
		expect(audit.filter((e) => e.action === 'document.generate')).toHaveLength(2);
		// The database refuses: drizzle wraps the server's message as the cause.
		const refusal = (query: Promise<unknown>) =>
			query.then(
				() => 'done',
				(e: Error & { cause?: Error }) => String(e.cause?.message ?? e.message)
			);
		expect(
			await refusal(handle.db.execute(sql`update documents set lang = 'lv' where id = ${a.id}`))
		).toMatch(/immutable/);
		expect(await refusal(handle.db.execute(sql`delete from documents where id = ${a.id}`))).toMatch(
			/immutable/
		);
		const [count] = await queryRows<{ n: string }>(
			handle.db,
			sql`select count(*)::text as n from documents where id = ${a.id}`
		);
		expect(count!.n).toBe('1');
	});

	it('points to the CSV instead of listing the rows when the list is longer than the template allows', async () => {
		const current = await currentTemplate(handle.db, 'final-report');
		const short = current.source.replace('expense_rows: 20000', 'expense_rows: 10');
		await saveTemplateEdit(handle.db, SYSTEM_ACTOR, 'final-report', short, current.version);
		const text = pdftotext(
			(
				await makeDocument(handle.db, {
					project: 'SOLID',
					template: 'final-report',
					lang: 'en',
					date: DATE
				})
			).pdf
		);
		expect(text).toContain('The list is too long to print (34 rows, more than 10)');
		expect(text).toContain('/projects/SOLID/expenses/csv');
		expect(text).not.toContain('ledger.csv:2');
	});

	it('gives the whole expense list as CSV, each row with its file and line', async () => {
		const project = (await loadImportProject(handle.db, 'SOLID'))!;
		const csvIn = async (locale: 'lv' | 'en') => {
			let csv = '';
			for await (const part of expensesCsv(handle.db, project.id, locale)) csv += part;
			expect(csv.startsWith('\uFEFF')).toBe(true);
			return csv.slice(1).trimEnd().split('\r\n');
		};
		const en = await csvIn('en');
		expect(en[0]).toBe(
			'Date,Document no.,Payee,Description,Category (classification code),Code name,Event,Funding source,Amount,Currency,Finding,Deducted,Eligible amount,File,Line'
		);
		expect(en).toHaveLength(1 + 34);
		expect(en).toContain(
			'2018-02-27,AB-118273,airBaltic Corporation AS,"Aviobiļetes Rīga–Brisele–Rīga, 3 pers. (SOLID kick-off)",2122,,1,eu,426.9,EUR,not checked,0,426.9,ledger.csv,2'
		);
		// Latvian Excel: ; between fields and a decimal comma, so 426,9 is a number there.
		const lv = await csvIn('lv');
		expect(lv[0]).toBe(
			'Datums;Dokumenta nr.;Partneris;Apraksts;EKK (klasifikācijas kods);Klasifikācijas koda nosaukums;Pasākums;Finansējuma avots;Summa;Valūta;Pārbaudes stāvoklis;Atskaitīts;Attiecināmā summa;Fails;Rinda'
		);
		expect(lv).toHaveLength(1 + 34);
		expect(lv).toContain(
			'2018-02-27;AB-118273;airBaltic Corporation AS;Aviobiļetes Rīga–Brisele–Rīga, 3 pers. (SOLID kick-off);2122;;1;eu;426,9;EUR;nav pārbaudīts;0;426,9;ledger.csv;2'
		);
	});

	it("names each code in the CSV from the project's list, in the reader's language", async () => {
		const project = (await loadImportProject(handle.db, 'SOLID'))!;
		const own = [
			{ code: '2122', name: { lv: 'Pārējie komandējumu izdevumi', en: 'Other travel costs' } },
			{ code: '2121', name: { lv: 'Dienas nauda' } }
		];
		const read = async (lang: 'lv' | 'en') => {
			let csv = '';
			for await (const part of expensesCsv(handle.db, project.id, lang, { codeNames: own }))
				csv += part;
			// The reader's dialect: LV separates fields with ';', EN with ','.
			return csv
				.slice(1)
				.trimEnd()
				.replaceAll(lang === 'lv' ? ';' : ',', '|')
				.split('\r\n')
				.slice(1);
		};
		const lv = await read('lv');
		expect(lv.find((l) => l.startsWith('2018-02-27|AB-118273'))).toContain(
			'|2122|Pārējie komandējumu izdevumi|1|'
		);
		const en = await read('en');
		expect(en.find((l) => l.startsWith('2018-02-27|AB-118273'))).toContain(
			'|2122|Other travel costs|1|'
		);
		// No English name in the list: the English reader sees the Latvian one.
		const perDiem = en.filter((l) => l.includes('|2121|'));
		expect(perDiem.length).toBeGreaterThan(0);
		expect(perDiem.every((l) => l.includes('|2121|Dienas nauda|'))).toBe(true);
	});
	/** Saves `change` made to the annex's last good text as its newest version; returns it. */
	const saveAnnex = async (change: (source: string) => string) => {
		const current = await currentTemplate(handle.db, 'council-annex');
		const good = (await usableTemplate(handle.db, 'council-annex')).template;
		const saved = await saveTemplateEdit(
			handle.db,
			SYSTEM_ACTOR,
			'council-annex',
			change(good.source),
			current.version
		);
		return saved.version;
	};
	const withBlock = (text: string) => (source: string) =>
		source.replace('content:\n', `content:\n  - text: "${text}"\n`);
	const failure = (made: Promise<unknown>) =>
		made.then(
			() => {
				throw new Error('the document was made');
			},
			(error: unknown) => {
				if (error instanceof TemplateFailedError) return error;
				throw error;
			}
		);

	it('refuses a saved 150,000,000-loop template at preview with a budget message, marks it, and makes documents from the version before', async () => {
		const good = (await currentTemplate(handle.db, 'council-annex')).version;
		const goodDocument = await annex('lv', good);
		const goodPdf = goodDocument.pdf;
		const bad = await saveAnnex(withBlock('{% for i in (1..150000000) %}{% endfor %}'));
		const rssBefore = process.memoryUsage().rss;
		const started = performance.now();
		const error = await failure(annex());
		const seconds = (performance.now() - started) / 1000;
		expect(error.reason).toBeInstanceOf(TemplateError);
		expect(error.reason).toMatchObject({
			line:
				1 +
				(await currentTemplate(handle.db, 'council-annex')).source
					.split('\n')
					.findIndex((l) => l.includes('150000000')),
			budget: { kind: 'iterations', limit: 1_000_000 }
		});
		expect([error.version, error.fallback]).toEqual([bad, good]);
		// Refused before the loop ran: the render took its worker's start-up and no more.
		expect(seconds).toBeLessThan(60);
		expect(process.memoryUsage().rss - rssBefore).toBeLessThan(500 * 1024 * 1024);

		const marks = await templateFailuresOf(handle.db, 'council-annex');
		expect(marks.get(bad)).toMatchObject({
			kind: 'budget',
			limitName: 'iterations',
			project: 'SOLID'
		});
		expect(marks.has(good)).toBe(false);
		const audit = await handle.db
			.select()
			.from(auditEvents)
			.where(eq(auditEvents.action, 'template.render_failed'));
		expect(audit.at(-1)).toMatchObject({ objectId: 'council-annex' });

		// The process lives on, and a preview asked without a version uses the last good one: the
		// same bytes, given the audit head the first one printed (the failure is an event since).
		const again = await annex('lv', undefined, goodDocument.parameters.auditHead);
		expect(again.parameters.version).toBe(good);
		expect(again.skipped).toMatchObject({ version: bad, kind: 'budget' });
		expect(Buffer.compare(again.pdf, goodPdf)).toBe(0);
		expect((await usableTemplate(handle.db, 'council-annex')).template.version).toBe(good);
		// The mark, like the version, cannot be changed or removed.
		await expect(handle.db.execute(sql`delete from template_failures`)).rejects.toThrow();
		expect((await handle.db.select().from(templateFailures)).length).toBeGreaterThan(0);
	});

	it('gives every page’s footer one budget with the rest of the document', async () => {
		const version = await saveAnnex((source) =>
			withBlock('{% for i in (1..3000) %}{{ i }}\\n{% endfor %}')(source)
				// The annex's own footer (its page numbers) gives way to the costly one.
				.replace(/ {2}footer:\n( {4}.*\n)+/, '')
				.replace('page:\n', 'page:\n  footer: "{% for i in (1..100000) %}{% endfor %}{{ page }}"\n')
		);
		// About 60 pages: each footer alone spends a tenth of the budget, all of them far more.
		const error = await failure(annex());
		expect((error.reason as TemplateError).line).toBe(
			1 +
				(await currentTemplate(handle.db, 'council-annex')).source
					.split('\n')
					.findIndex((l) => l.includes('footer:'))
		);
		expect(error.version).toBe(version);
		expect(error.reason).toMatchObject({ budget: { kind: 'iterations' } });
		expect(error.reason.message).toContain('loops more than 1000000 times');
	});

	it('stops a memory-hungry render at the worker’s cap, and the process goes on making documents', async () => {
		const version = await saveAnnex(
			withBlock(`{% for i in (1..150000) %}${'lorem ipsum '.repeat(4)}{{ i }} {% endfor %}`)
		);
		// The event loop keeps turning while the worker fills its heap: the longest gap between
		// two ticks of a 20 ms timer stays far below the seconds the render takes.
		const ticks: number[] = [];
		const clock = setInterval(() => ticks.push(performance.now()), 20);
		const error = await failure(
			makeDocument(
				handle.db,
				{ project: 'SOLID', template: 'council-annex', lang: 'lv', date: DATE },
				{ worker: { memoryMb: 128, timeoutMs: 300_000 } }
			)
		).finally(() => clearInterval(clock));
		const gaps = ticks.slice(1).map((t, i) => t - ticks[i]!);
		expect(ticks.length).toBeGreaterThan(2);
		expect(Math.max(...gaps)).toBeLessThan(2_000);
		expect(error.version).toBe(version);
		expect(error.reason).toBeInstanceOf(DocumentRenderError);
		expect(error.reason).toMatchObject({ kind: 'memory', limit: 128 });
		expect((await templateFailuresOf(handle.db, 'council-annex')).get(version)).toMatchObject({
			kind: 'memory',
			limitValue: 128
		});
		const next = await annex('en');
		expect(next.parameters.version).toBeLessThan(version);
		expect(pdftotext(next.pdf)).toContain('Annex 1');
	});
});

describe.each(ENGINES)('the annex of a plan that states only its goal, on %s', (engine) => {
	let handle: DatabaseHandle;
	beforeAll(async () => {
		handle = await freshDatabase(engine);
		const goalOnly = solidDefinition((d) => {
			d.code = 'GOALONLY';
			delete d.activities;
		});
		await applyProjectDefinition(handle.db, goalOnly, { actor: SYSTEM_ACTOR });
	});
	afterAll(async () => {
		await handle?.close();
	});

	it('heads the goal as the goal, and has no activities heading', async () => {
		const made = await makeDocument(handle.db, {
			project: 'GOALONLY',
			template: 'council-annex',
			lang: 'lv',
			date: DATE
		});
		const text = flat(pdftotext(made.pdf));
		expect(text).toContain('Projekta mērķis: Projekta mērķis ir sekmēt starptautisko sadarbību');
		expect(text).not.toContain('aktivitātes');
		// The goal is the last text, before the page number of the annex's last page.
		expect(text.trimEnd()).toMatch(/tās vēsturi un dažādību\. (\d+)\. lpp\. no \1$/);
	});
});
