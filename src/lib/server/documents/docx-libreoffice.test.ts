/**
 * The SOLID annex as a Word file, printed by LibreOffice (headless, Debian's libreoffice-writer)
 * to PDF: its text is the seed's, line for line, as the PDF annex's is. LibreOffice is required:
 * without `soffice` this test fails and says so; CI installs it.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDatabase } from '$tests/factories/database';
import { importSample } from '$tests/factories/imports';
import { solidDefinition } from '$tests/factories/projects';
import {
	matchLines,
	pdftotext,
	SEED_SLIP,
	seedLines,
	solidSeed
} from '$tests/factories/seed-lines';
import { SYSTEM_ACTOR } from '../audit/record-audit';
import type { DatabaseHandle } from '../db';
import { applyProjectDefinition } from '../projects/apply-definition';
import { makeDocument, makeDocx, PDF_KEYS, type DocumentRequest } from './make-document';

const DATE = '2026-11-24';

/** Converts a .docx to PDF with LibreOffice, in a profile of its own so runs never share one. */
export function libreOfficePdf(docx: Buffer): Buffer {
	let version: string;
	try {
		version = execFileSync('soffice', ['--version'], { encoding: 'utf8' });
	} catch {
		throw new Error(
			'soffice (LibreOffice) is not installed: apt-get install libreoffice-writer; .ci/run does it'
		);
	}
	expect(version).toMatch(/LibreOffice/);
	const dir = mkdtempSync(join(tmpdir(), 'cofund-docx-'));
	try {
		writeFileSync(join(dir, 'annex.docx'), docx);
		execFileSync(
			'soffice',
			[
				`-env:UserInstallation=${pathToFileURL(join(dir, 'profile')).href}`,
				'--headless',
				'--convert-to',
				'pdf',
				'--outdir',
				dir,
				join(dir, 'annex.docx')
			],
			{ stdio: 'pipe', timeout: 170_000 }
		);
		return readFileSync(join(dir, 'annex.pdf'));
	} finally {
		rmSync(dir, { recursive: true, force: true });
	}
}

describe('the council annex as a Word file', () => {
	let handle: DatabaseHandle;
	beforeAll(async () => {
		handle = await freshDatabase('pglite');
		await applyProjectDefinition(handle.db, solidDefinition(), { actor: SYSTEM_ACTOR });
		await importSample(handle.db, 'expenses');
		await importSample(handle.db, 'participation');
	});
	afterAll(async () => {
		await handle?.close();
	});

	const request: DocumentRequest = {
		project: 'SOLID',
		template: 'council-annex',
		lang: 'lv',
		date: DATE
	};

	it('prints through LibreOffice to the seed’s text, line for line, as the PDF does', async () => {
		const made = await makeDocx(handle.db, request);
		expect(made.fileName).toMatch(/\.docx$/);
		const numbered = seedLines(pdftotext(libreOfficePdf(made.docx)));
		const pageNumber = /^\d+\.lpp\.no\d+$/;
		const pages = numbered.filter((line) => pageNumber.test(line));
		expect(pages.length).toBeGreaterThan(0);
		pages.forEach((line, i) => expect(line).toBe(`${i + 1}.lpp.no${pages.length}`));
		const { mismatches, left } = matchLines(
			solidSeed(),
			numbered.filter((line) => !pageNumber.test(line))
		);
		expect(mismatches).toEqual([SEED_SLIP]);
		expect(left).toEqual([]);
	}, 180_000);

	it('is the same bytes when made again, and carries the PDF’s keys', async () => {
		const [first, second] = [
			await makeDocx(handle.db, request),
			await makeDocx(handle.db, request)
		];
		expect(first.sha256).toBe(second.sha256);
		expect(first.docx.equals(second.docx)).toBe(true);
		const pdf = await makeDocument(handle.db, request);
		expect(first.fingerprint).toBe(pdf.fingerprint);
		expect(first.parameters).toEqual(pdf.parameters);
		const zip = await JSZip.loadAsync(first.docx);
		const core = await zip.file('docProps/core.xml')!.async('string');
		expect(core).toContain(`<dcterms:created xsi:type="dcterms:W3CDTF">${DATE}T12:00:00Z<`);
		expect(core).toContain(`<dcterms:modified xsi:type="dcterms:W3CDTF">${DATE}T12:00:00Z<`);
		const custom = await zip.file('docProps/custom.xml')!.async('string');
		for (const [key, value] of [
			[PDF_KEYS.fingerprint, first.fingerprint],
			[PDF_KEYS.template, 'council-annex'],
			[PDF_KEYS.project, 'SOLID']
		])
			expect(custom).toMatch(new RegExp(`name="${key}"><vt:lpwstr>${value}<`));
		// Every entry's time is the document's date, not the clock's.
		for (const entry of Object.values(zip.files))
			expect(entry.date.toISOString()).toBe(`${DATE}T12:00:00.000Z`);
	});
});
