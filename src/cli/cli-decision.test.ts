import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { fromPackageRoot } from '$lib/server/package-root';
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
	dataDir = await demoCopy('cofund-decision-');
}, DEMO_TIMEOUT);
const out = mkdtempSync(join(tmpdir(), 'cofund-decision-pdfs-'));

const cofund = (...args: string[]) =>
	runCli(['--ui-lang', 'en', ...args], { ...ENV, COFUND_DATA_DIR: dataDir });
const coordinator = ['--as', 'coordinator@cofund.example'];
const pdfText = (file: string) =>
	execFileSync('pdftotext', ['-enc', 'UTF-8', join(out, file), '-'], { encoding: 'utf8' }).replace(
		/\s+/g,
		' '
	);
const decision = (file: string, ...more: string[]) =>
	cofund(
		...coordinator,
		'document',
		'council-decision',
		'--project',
		'SOLID',
		'--date',
		'2026-11-24',
		'--out',
		join(out, file),
		...more
	);

/** The demo's SOLID with 2019's co-financing amended 670 → 710,20 EUR by decision No. 512. */
function amendedDefinition(): string {
	const definition = JSON.parse(
		readFileSync(fromPackageRoot('static/samples/solid/project.json'), 'utf8')
	) as {
		decision: { date: string; number: string };
		funding: { total: string; council: string; years: { cofinancing: string }[] };
	};
	definition.decision.date = '2019-09-19';
	definition.decision.number = '512';
	definition.funding.years[1]!.cofinancing = '710.20';
	definition.funding.council = '2700.20';
	definition.funding.total = '4200.20';
	const file = join(out, 'solid-amended.json');
	writeFileSync(file, JSON.stringify(definition));
	return file;
}

describe('cofund document council-decision', { timeout: 240_000 }, () => {
	it('drafts the adopting decision, then the amendment; --decision 57 gives the first one again, byte for byte', async () => {
		const adoption = await decision('adoption.pdf');
		expect(adoption.code, adoption.err).toBe(0);
		expect(adoption.out).toContain('Plan version 1.');
		expect(pdfText('adoption.pdf')).toContain(
			'Par dalību projektā “Vietējās solidaritātes – globālās solidaritātes tīkls” un līdzfinansējuma nodrošināšanu'
		);

		const applied = await cofund(...coordinator, 'project', 'apply', amendedDefinition());
		expect(applied.code, applied.err).toBe(0);

		const amendment = await decision('amendment.pdf', '--lang', 'en');
		expect(amendment.code, amendment.err).toBe(0);
		expect(amendment.out).toContain('Plan version 2.');
		expect(pdfText('amendment.pdf')).toContain(
			'Amendments to decision No. 57 of Daugavpils City Council of 22 February 2018'
		);

		const again = await decision('adoption-again.pdf', '--decision', '57');
		expect(again.code, again.err).toBe(0);
		expect(again.out).toContain('These are the same bytes as document');
		expect(readFileSync(join(out, 'adoption-again.pdf'))).toEqual(
			readFileSync(join(out, 'adoption.pdf'))
		);
		expect((await decision('by-version.pdf', '--plan', '1')).out).toContain('Plan version 1.');

		for (const file of ['adoption.pdf', 'amendment.pdf']) {
			const verified = await cofund('--as', 'auditor@cofund.example', 'verify', join(out, file));
			expect(verified.code, verified.out).toBe(0);
			expect(verified.out).toContain('The data it was made from is unchanged');
		}
	});

	it('refuses both --plan and --decision, and a plan or a decision the project does not have', async () => {
		const both = await decision('x.pdf', '--plan', '1', '--decision', '57');
		expect(both.code).not.toBe(0);
		expect(both.err).toContain('Give --plan or --decision, not both.');
		const noDecision = await decision('x.pdf', '--decision', '999');
		expect(noDecision.code).not.toBe(0);
		expect(noDecision.err).toContain('Project SOLID has no decision No. 999.');
		const noPlan = await decision('x.pdf', '--plan', '9');
		expect(noPlan.err).toContain('Project SOLID has no plan version 9.');
	});
});
