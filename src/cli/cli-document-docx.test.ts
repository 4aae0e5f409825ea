import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import JSZip from 'jszip';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '$tests/factories/cli';
import { DEMO_TIMEOUT, demoCopy, prepareDemo } from '$tests/factories/demo-folder';

const ENV = {
	DATABASE_URL: '',
	COFUND_USER: '',
	COFUND_DEMO_PASSWORD: 'demo password for tests'
};
let dataDir: string;
beforeAll(async () => {
	await prepareDemo(ENV);
	dataDir = await demoCopy('cofund-docx-');
}, DEMO_TIMEOUT);
const out = mkdtempSync(join(tmpdir(), 'cofund-docx-out-'));

const cofund = (...args: string[]) =>
	runCli(['--ui-lang', 'en', ...args], { ...ENV, COFUND_DATA_DIR: dataDir });
const make = (file: string, ...more: string[]) =>
	cofund(
		'--as',
		'coordinator@cofund.example',
		'document',
		'council-annex',
		'--project',
		'SOLID',
		'--date',
		'2026-11-24',
		'--out',
		join(out, file),
		...more
	);

/** Made in process, as the PDF tests do; a few seconds each on the 2-core machine, well inside. */
describe('cofund document --format docx', { timeout: 240_000 }, () => {
	it('writes the annex as a Word file, not kept, and says the PDF is the record', async () => {
		const made = await make('annex.docx', '--format', 'docx');
		expect(made.code, made.err).toBe(0);
		expect(made.out).toMatch(
			/Wrote .*annex\.docx: a Word file of council-annex v1, lv, SHA-256 [0-9a-f]{64}\. It is not kept; the PDF is the document's verifiable record\./
		);
		const zip = await JSZip.loadAsync(readFileSync(join(out, 'annex.docx')));
		const document = await zip.file('word/document.xml')!.async('string');
		expect(document).toContain('lēmumam Nr.57');
		expect(existsSync(join(out, 'annex.docx.partial'))).toBe(false);
		// The same inputs, the same bytes.
		expect((await make('again.docx', '--format', 'docx')).code).toBe(0);
		expect(readFileSync(join(out, 'again.docx'))).toEqual(readFileSync(join(out, 'annex.docx')));
	});

	it('makes a PDF when told pdf, as without --format, and refuses any other format', async () => {
		const pdf = await make('annex.pdf', '--format', 'pdf');
		expect(pdf.code, pdf.err).toBe(0);
		expect(readFileSync(join(out, 'annex.pdf')).subarray(0, 5).toString()).toBe('%PDF-');
		const bad = await make('annex.odt', '--format', 'odt');
		expect(bad.code).not.toBe(0);
		expect(bad.err).toContain('Unknown format "odt": use pdf or docx');
		expect(existsSync(join(out, 'annex.odt'))).toBe(false);
	});
});
