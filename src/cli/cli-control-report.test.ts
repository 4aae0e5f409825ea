import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '$tests/factories/cli';
import { DEMO_TIMEOUT, demoCopy, prepareDemo } from '$tests/factories/demo-folder';

const ENV = { DATABASE_URL: '', COFUND_USER: '', COFUND_DEMO_PASSWORD: 'demo password for tests' };
let dataDir: string;
beforeAll(async () => {
	await prepareDemo(ENV);
	dataDir = await demoCopy('cofund-control-report-');
}, DEMO_TIMEOUT);
const out = mkdtempSync(join(tmpdir(), 'cofund-control-pdfs-'));
const cofund = (...args: string[]) =>
	runCli(['--ui-lang', 'en', ...args], { ...ENV, COFUND_DATA_DIR: dataDir });
const as = (role: 'coordinator' | 'auditor' | 'council') => ['--as', `${role}@cofund.example`];
const make = (
	role: 'coordinator' | 'auditor' | 'council',
	template: string,
	file: string,
	lang = 'lv'
) =>
	cofund(
		...as(role),
		'document',
		template,
		'--project',
		'SOLID',
		'--lang',
		lang,
		'--format',
		'pdf',
		'--date',
		'2026-11-30',
		'--out',
		join(out, file)
	);

describe('cofund document control-report', { timeout: 240_000 }, () => {
	it('lets an auditor make the control report in LV and EN, and verify it', async () => {
		for (const lang of ['lv', 'en']) {
			const made = await make('auditor', 'control-report', `control-${lang}.pdf`, lang);
			expect(made.code, made.err).toBe(0);
			expect(made.out).toMatch(/document \d+, control-report v1/);
		}
		const text = execFileSync('pdftotext', ['-enc', 'UTF-8', join(out, 'control-lv.pdf'), '-'], {
			encoding: 'utf8'
		}).replace(/\s+/g, ' ');
		expect(text).toContain('Projekta SOLID izdevumu pārbaudes ziņojums');
		const verified = await cofund(...as('auditor'), 'verify', join(out, 'control-lv.pdf'));
		expect(verified.code, verified.err).toBe(0);
	});

	it('still refuses the auditor the other templates, and a council member the control report', async () => {
		const annex = await make('auditor', 'council-annex', 'annex.pdf');
		expect(annex.code).toBe(1);
		expect(annex.err).toMatch(/auditor/);
		expect(existsSync(join(out, 'annex.pdf'))).toBe(false);
		const council = await make('council', 'control-report', 'council.pdf');
		expect(council.code).toBe(1);
		expect(existsSync(join(out, 'council.pdf'))).toBe(false);
		const coordinator = await make('coordinator', 'control-report', 'coordinator.pdf');
		expect(coordinator.code, coordinator.err).toBe(0);
	});
});
