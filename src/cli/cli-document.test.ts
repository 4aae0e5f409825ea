import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '$tests/factories/cli';
import { DEMO_TIMEOUT, demoCopy, prepareDemo } from '$tests/factories/demo-folder';

const ENV = {
	DATABASE_URL: '',
	COFUND_USER: '',
	COFUND_DEMO_PASSWORD: 'demo password for tests'
};
// One data folder, the demo's, for the whole file: each test goes on from what the one before left.
let dataDir: string;
beforeAll(async () => {
	await prepareDemo(ENV);
	dataDir = await demoCopy('cofund-documents-');
}, DEMO_TIMEOUT);
const out = mkdtempSync(join(tmpdir(), 'cofund-pdfs-'));

/** The CLI in this process, as a person runs it: messages in `env`'s language unless told. */
const cli = (args: string[], env: Record<string, string> = {}) =>
	runCli(args, { ...ENV, COFUND_DATA_DIR: dataDir, ...env });
const cofund = (...args: string[]) => cli(['--ui-lang', 'en', ...args]);
const pdfText = (file: string) =>
	execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }).replace(
		/\s+/g,
		' '
	);

/**
 * PDFs made and verified in process: the slowest test here took 64 s on the 2-core machine at
 * load average 15-18 (several test runs at once); about four times that.
 */
const DOCUMENT_TIMEOUT = 240_000;

const as = (role: 'coordinator' | 'auditor' | 'council') => ['--as', `${role}@cofund.example`];
const make = (template: string, file: string, ...more: string[]) =>
	cofund(
		...as('coordinator'),
		'document',
		template,
		'--project',
		'SOLID',
		'--date',
		'2026-11-24',
		'--out',
		join(out, file),
		...more
	);

describe('cofund document and cofund verify', { timeout: DOCUMENT_TIMEOUT }, () => {
	it('makes the council annex into a file and keeps it; the same inputs give the same bytes', async () => {
		const first = await make('council-annex', 'annex.pdf');
		expect(first.code, first.err).toBe(0);
		expect(first.out).toMatch(
			/Wrote .*annex\.pdf: document \d+, council-annex v1, lv, SHA-256 [0-9a-f]{64}/
		);
		const again = await make('council-annex', 'annex-again.pdf');
		expect(again.code, again.err).toBe(0);
		expect(again.out).toContain('These are the same bytes as document');
		expect(readFileSync(join(out, 'annex-again.pdf'))).toEqual(
			readFileSync(join(out, 'annex.pdf'))
		);
		expect(existsSync(join(out, 'annex.pdf.partial'))).toBe(false);
	});

	it('makes the annex in the language --lang names, and speaks the language --ui-lang or COFUND_LANG names', async () => {
		const annex = (lang: string, file: string) => [
			'--as',
			'coordinator@cofund.example',
			'document',
			'council-annex',
			'--project',
			'SOLID',
			'--lang',
			lang,
			'--date',
			'2026-11-24',
			'--out',
			join(out, file)
		];
		const english = await cli(['--ui-lang', 'lv', ...annex('en', 'annex-en.pdf')]);
		expect(english.code, english.err).toBe(0);
		expect(english.out).toMatch(
			/^Ierakstīts .*annex-en\.pdf: dokuments \d+, council-annex v1, en,/
		);
		expect(pdfText(join(out, 'annex-en.pdf'))).toContain(
			'Description of the project “Local solidarity- global solidarity Network” SOLID'
		);

		const latvian = await cli(annex('lv', 'annex-lv.pdf'), {
			COFUND_LANG: 'en',
			LANG: 'lv_LV.UTF-8'
		});
		expect(latvian.code, latvian.err).toBe(0);
		expect(latvian.out).toMatch(/^Wrote .*annex-lv\.pdf: document \d+, council-annex v1, lv,/);
		expect(pdfText(join(out, 'annex-lv.pdf'))).toContain('lēmumam Nr.57');
		expect(readFileSync(join(out, 'annex-lv.pdf'))).toEqual(readFileSync(join(out, 'annex.pdf')));

		// The older spelling: --lang before the command is the messages' language.
		const help = await cli(['--lang', 'lv', 'document', '--help']);
		expect(help.out).toContain('dokumenta valoda: lv (noklusējums) vai en');
	});

	it('verify accepts a fresh PDF (exit 0), names an expense imported since (exit 2), refuses a tampered one (exit 3)', async () => {
		expect((await make('final-report', 'report.pdf', '--lang', 'en')).code).toBe(0);
		const fresh = await cofund(...as('auditor'), 'verify', join(out, 'report.pdf'));
		expect(fresh.code, fresh.err).toBe(0);
		expect(fresh.out).toContain('Genuine: cofund made this file as document');
		expect(fresh.out).toContain('The data it was made from is unchanged');

		const extra = join(out, 'ledger-2019-extra.csv');
		writeFileSync(
			extra,
			'Datums;Dok. Nr.;Partneris;Apraksts;EKK;Summa EUR;Projekts;Pasākums;Finansējums\n' +
				'20.09.2019;AO-2019/099;Inese Kalniņa;Dienas nauda;2121;35,00;SOLID;5;Pašvaldība\n'
		);
		const imported = await cofund(
			...as('coordinator'),
			'import',
			'expenses',
			extra,
			'--project',
			'SOLID'
		);
		expect(imported.code, imported.err).toBe(0);
		const changed = await cofund(...as('auditor'), 'verify', join(out, 'report.pdf'));
		expect(changed.code).toBe(2);
		expect(changed.out).toContain('The data has changed since the document was made:');
		expect(changed.out).toContain(
			'1 expense added in 2019 (+35.00\u00a0EUR): ledger-2019-extra.csv:2'
		);
		// The annex reads only the plan: an import does not change what it says.
		expect((await cofund(...as('council'), 'verify', join(out, 'annex.pdf'))).code).toBe(0);

		const pdf = readFileSync(join(out, 'report.pdf'));
		const at = pdf.indexOf('/Producer') + 2;
		pdf[at] = pdf[at]! ^ 0x20;
		writeFileSync(join(out, 'tampered.pdf'), pdf);
		const tampered = await cofund(...as('auditor'), 'verify', join(out, 'tampered.pdf'));
		expect(tampered.code).toBe(3);
		expect(tampered.out).toContain('Not genuine');
		expect(tampered.out).toContain(
			'The file claims to be Final report v1 for project SOLID (in English, dated 24 Nov 2026)'
		);
		// The English report it was, not merely a document of the same data.
		expect(tampered.out).toMatch(/The genuine document it claims to be, \d+ \(the same template/);
	});

	it('tells a council member of another project only whether cofund made the file (exit 4, 3)', async () => {
		const admin = ['--as', 'admin@cofund.example'];
		const other = join(out, 'other.json');
		const solid = JSON.parse(readFileSync('static/samples/solid/project.json', 'utf8'));
		writeFileSync(other, JSON.stringify({ ...solid, code: 'OTHER' }));
		expect((await cofund(...admin, 'project', 'apply', other)).code).toBe(0);
		const add = ['user', 'add', 'outsider@example.lv', '--role', 'council', '--name', 'Outsider'];
		expect((await cofund(...admin, ...add, '--project', 'OTHER')).code).toBe(0);
		const outsider = ['--as', 'outsider@example.lv'];

		const genuine = await cofund(...outsider, 'verify', join(out, 'report.pdf'));
		expect(genuine.code, genuine.err).toBe(4);
		expect(genuine.out).toBe(
			'Made by cofund: yes. The file is about a project you are not a member of, so nothing more is said about it.\n'
		);
		const altered = await cofund(...outsider, 'verify', join(out, 'tampered.pdf'), '--json');
		expect(altered.code).toBe(3);
		expect(JSON.parse(altered.out)).toEqual({ withheld: true, genuine: false });
		// An admin is told everything, member or not.
		expect((await cofund(...admin, 'verify', join(out, 'report.pdf'))).out).toContain(
			'ledger-2019-extra.csv:2'
		);
	});

	it('lets an auditor verify but not make documents, and says why', async () => {
		const refused = await cofund(
			...as('auditor'),
			'document',
			'council-annex',
			'--project',
			'SOLID',
			'--out',
			join(out, 'nope.pdf')
		);
		expect(refused.code).toBe(1);
		expect(refused.err).toMatch(/auditor/);
		expect(existsSync(join(out, 'nope.pdf'))).toBe(false);
	});

	it('saves an edited template as a new version, and refuses a broken one with its file and line', async () => {
		const source = (await cofund(...as('coordinator'), 'template', 'show', 'council-annex')).out;
		const file = join(out, 'annex-edit.yaml');
		writeFileSync(file, source.replace("'Projekta partneri:'", "'Projekta partneri (12):'"));
		const saved = await cofund(...as('coordinator'), 'template', 'save', 'council-annex', file);
		expect(saved.code, saved.err).toBe(0);
		expect(saved.out).toContain('Saved council-annex as version 2.');
		expect((await make('council-annex', 'annex-v2.pdf')).out).toContain('council-annex v2');
		expect((await make('council-annex', 'annex-v1.pdf', '--version', '1')).code).toBe(0);
		expect(readFileSync(join(out, 'annex-v1.pdf'))).toEqual(readFileSync(join(out, 'annex.pdf')));

		const lines = source.split('\n');
		const at = lines.findIndex((l) => l.includes('{{ project.programme | local }}'));
		lines[at] = lines[at]!.replace('project.programme', 'project.programm');
		writeFileSync(file, lines.join('\n'));
		const broken = await cofund(...as('coordinator'), 'template', 'save', 'council-annex', file);
		expect(broken.code).toBe(1);
		expect(broken.err).toContain(`${file}, line ${at + 1}: Unknown field “programm”`);
		expect((await cofund(...as('coordinator'), 'template', 'list')).out).toMatch(
			/council-annex\s+v2\s+edit/
		);
	});

	it('verify names a plan change as labelled money, in the messages’ language', async () => {
		const changed = join(out, 'solid-eu-1600.json');
		const solid = JSON.parse(readFileSync('static/samples/solid/project.json', 'utf8'));
		solid.funding = { ...solid.funding, eu: '1600.00', total: '4260.00' };
		writeFileSync(changed, JSON.stringify(solid));
		expect((await cofund('--as', 'admin@cofund.example', 'project', 'apply', changed)).code).toBe(
			0
		);

		const english = await cofund(...as('auditor'), 'verify', join(out, 'annex.pdf'));
		expect(english.code).toBe(2);
		expect(english.out).toContain('  - EU co-financing: 1,500\u00a0EUR → 1,600\u00a0EUR\n');
		expect(english.out).toContain('  - Total budget: 4,160\u00a0EUR → 4,260\u00a0EUR\n');
		expect(english.out).not.toContain('funding.');
		const latvian = await cli([...as('auditor'), 'verify', join(out, 'annex.pdf')], {
			COFUND_LANG: 'lv'
		});
		expect(latvian.out).toContain('  - ES līdzfinansējums: 1500\u00a0EUR → 1600\u00a0EUR\n');
	});
});
