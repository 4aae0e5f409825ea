import { execFileSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatMoney } from '$lib/domain/format';
import { documentFigures } from '$lib/domain/documents/document-figures';
import { describeChange } from '$lib/i18n/document-messages';
import { ENGINES, freshDatabase } from '$tests/factories/database';
import {
	addReason,
	liveExpenses,
	recordFinding,
	recordSample,
	type LiveExpense
} from '$tests/factories/control-report';
import { importSample } from '$tests/factories/imports';
import { solidDefinition } from '$tests/factories/projects';
import { makeUser } from '$tests/factories/users';
import { SYSTEM_ACTOR } from '../audit/record-audit';
import type { DatabaseHandle } from '../db';
import { applyProjectDefinition } from '../projects/apply-definition';
import { loadDocumentData } from './load-document-data';
import { makeDocument } from './make-document';
import { storeDocument } from './store-document';
import { verifyDocument } from './verify-document';

const WIDE = 300_000;
/** Set to a folder to keep the PDFs made, to render their pages and look at them. */
const KEEP = process.env.CONTROL_REPORT_OUT;
const DATE = '2026-11-30';
const AUDITOR = 'ieva.auditore@cofund.test';
const COORDINATOR = 'janis.koord@cofund.test';
const text = (pdf: Uint8Array) =>
	execFileSync('pdftotext', ['-enc', 'UTF-8', '-', '-'], { input: pdf })
		.toString('utf8')
		.replace(/\s+/g, ' ');
const money = (cents: number, lang: 'lv' | 'en') =>
	formatMoney(cents, lang, { decimals: 'always' }).replace(/\s+/g, ' ');

/** A 10-row sample, one verified, one ineligible for 20 EUR, one query answered with a file and closed. */
async function control(db: DatabaseHandle['db']) {
	const rows = await liveExpenses(db);
	await addReason(db, 'no-boarding-pass', 'Nav iekāpšanas kartes', 'No boarding pass');
	await recordSample(db, {
		number: 1,
		method: 'mus',
		seed: 'SOLID-2026-kontrole',
		params: {
			generator: {
				algorithm: 'xoroshiro128+',
				library: 'pure-rand',
				libraryVersion: '8.4.2',
				version: 1
			}
		},
		population: rows,
		drawn: rows.slice(0, 10),
		by: AUDITOR,
		at: '2026-11-25T08:00:00Z'
	});
	const [first, second, third] = rows as [LiveExpense, LiveExpense, LiveExpense];
	await recordFinding(db, first, [
		{ action: 'verify', state: 'verified', by: AUDITOR, at: '2026-11-25T09:00:00Z' }
	]);
	await recordFinding(db, second, [
		{
			action: 'deduct',
			state: 'ineligible',
			deducted: 2000,
			reason: 'no-boarding-pass',
			text: 'Viena brauciena iekāpšanas karte nav iesniegta',
			by: AUDITOR,
			at: '2026-11-25T09:10:00Z'
		}
	]);
	await recordFinding(db, third, [
		{
			action: 'query',
			state: 'queried',
			text: 'Lūdzu iesniegt apdrošināšanas polisi',
			by: AUDITOR,
			at: '2026-11-25T09:20:00Z'
		},
		{
			action: 'answer',
			state: 'queried',
			text: 'Polise pievienota',
			by: COORDINATOR,
			at: '2026-11-26T10:00:00Z',
			evidence: [
				{ name: 'polise-BTA-55120.pdf', bytes: new TextEncoder().encode('%PDF-1.4 polise') }
			]
		},
		{ action: 'close', state: 'verified', by: AUDITOR, at: '2026-11-27T11:00:00Z' }
	]);
	return rows;
}

describe.each(ENGINES)('the control report for SOLID on %s', (engine) => {
	let handle: DatabaseHandle;
	let rows: LiveExpense[];
	beforeAll(async () => {
		handle = await freshDatabase(engine);
		await applyProjectDefinition(handle.db, solidDefinition(), { actor: SYSTEM_ACTOR });
		await importSample(handle.db, 'expenses');
		await makeUser(handle.db, 'auditor', AUDITOR, ['SOLID']);
		await makeUser(handle.db, 'coordinator', COORDINATOR, ['SOLID']);
		rows = await control(handle.db);
	}, WIDE);
	afterAll(async () => {
		await handle?.close();
	});

	const make = (lang: 'lv' | 'en') =>
		makeDocument(handle.db, { project: 'SOLID', template: 'control-report', lang, date: DATE });

	it(
		'shows the sample and its seed, each finding, the thread and the totals, in LV and EN',
		async () => {
			const loaded = (await loadDocumentData(handle.db, 'SOLID', ['plan', 'expenses', 'control']))!;
			const totals = documentFigures(loaded.data, DATE).control.total;
			const lvPdf = (await make('lv')).pdf;
			if (KEEP) (await import('node:fs')).writeFileSync(`${KEEP}/lv.pdf`, lvPdf);
			const lv = text(lvPdf);
			for (const phrase of [
				'Projekta SOLID izdevumu pārbaudes ziņojums',
				'Izlase Nr. 1',
				'naudas vienību izlase (MUS)',
				'Sēkla: SOLID-2026-kontrole; ģenerators: xoroshiro128+, pure-rand 8.4.2, v1',
				'Izlasi veidoja ieva.auditore, 25.11.2026. 10:00',
				'neattiecināms',
				'Neattiecināms 20,00 EUR: Nav iekāpšanas kartes. Viena brauciena iekāpšanas karte nav iesniegta',
				'jautājums: “Lūdzu iesniegt apdrošināšanas polisi”',
				'janis.koord: atbilde: “Polise pievienota”',
				'Pielikums: polise-BTA-55120.pdf (15 B, SHA-256',
				'jautājums slēgts',
				`Deklarēts: ${money(totals.declared, 'lv')}`,
				`Attiecināms: ${money(totals.eligible, 'lv')}`,
				'Pārbaudītājs (auditors)'
			])
				expect(lv).toContain(phrase);
			expect(totals.declared).toBe(418470);
			const enPdf = (await make('en')).pdf;
			if (KEEP) (await import('node:fs')).writeFileSync(`${KEEP}/en.pdf`, enPdf);
			const en = text(enPdf);
			for (const phrase of [
				'Control report on the expenses of the project SOLID',
				'Seed: SOLID-2026-kontrole',
				'monetary-unit sampling (MUS)',
				'Ineligible 20.00 EUR: No boarding pass',
				'answer: “Polise pievienota”',
				'Evidence: polise-BTA-55120.pdf',
				'query closed',
				`Eligible: ${money(totals.eligible, 'en')}`
			])
				expect(en).toContain(phrase);
		},
		WIDE
	);

	it(
		'verifies, and after a further finding names the expense whose finding changed',
		async () => {
			const made = await make('lv');
			await storeDocument(handle.db, made, SYSTEM_ACTOR);
			expect(await verifyDocument(handle.db, made.pdf)).toMatchObject({
				genuine: true,
				data: { same: true }
			});
			const fourth = rows[3]!;
			await recordFinding(handle.db, fourth, [
				{ action: 'verify', state: 'verified', by: AUDITOR, at: '2026-11-30T12:00:00Z' }
			]);
			const verdict = await verifyDocument(handle.db, made.pdf);
			if (!verdict.genuine || verdict.data.same) throw new Error('expected a changed document');
			const control = verdict.data.changes.filter((c) => c.part === 'control');
			expect(control).toEqual([
				{
					part: 'control',
					what: 'findings',
					change: 'added',
					count: 1,
					rows: [{ file: 'ledger.csv', line: fourth.line }]
				}
			]);
			expect(describeChange(control[0]!, 'en')).toBe(
				`A new finding on 1 expense: ledger.csv:${fourth.line}`
			);
			expect(describeChange(control[0]!, 'lv')).toBe(
				`Jauns konstatējums 1 izdevumam: ledger.csv:${fourth.line}`
			);
		},
		WIDE
	);
});
