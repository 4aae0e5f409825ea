import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '$tests/factories/cli';
import { DEMO_TIMEOUT, demoCopy, prepareDemo } from '$tests/factories/demo-folder';

const testEnv = (dataDir: string) => ({
	COFUND_DATA_DIR: dataDir,
	DATABASE_URL: '',
	COFUND_USER: '',
	COFUND_DEMO_PASSWORD: 'demo password for tests'
});
const COORDINATOR = ['--as', 'coordinator@cofund.example'];
const COUNCIL = ['--as', 'council@cofund.example'];

/** `cofund --lang <lang> <args>` in this process, on the data folder. */
const cofund = (dataDir: string, lang: 'lv' | 'en', ...args: string[]) =>
	runCli(['--lang', lang, ...args], testEnv(dataDir));

/** Output with no-break spaces as spaces, so that expectations read as the terminal shows them. */
const plain = (text: string) => text.replaceAll('\u00a0', ' ');

const work = mkdtempSync(join(tmpdir(), 'cofund-plan-'));
const written = (name: string, value: unknown) => {
	const file = join(work, name);
	writeFileSync(file, typeof value === 'string' ? value : JSON.stringify(value, null, 2));
	return file;
};

/** SOLID's plan part with 2019 council co-financing 670 → 710,20 EUR, as a plan file writes it. */
const AMENDED_PLAN = {
	funding: {
		total: '4200.20',
		eu: 1500,
		council: '2700.20',
		years: [
			{ year: 2018, prefinancing: 1100, cofinancing: 1990 },
			{ year: 2019, prefinancing: 400, cofinancing: '710.20' }
		]
	}
};

const amend = (dir: string, date: string, number: string, file: string, ...more: string[]) =>
	cofund(
		dir,
		'en',
		...COORDINATOR,
		'plan',
		'amend',
		'--project',
		'SOLID',
		'--decision-date',
		date,
		'--decision-number',
		number,
		'--file',
		file,
		...more
	);

const historyJson = async (dir: string) => {
	const result = await cofund(
		dir,
		'en',
		...COUNCIL,
		'plan',
		'history',
		'--project',
		'SOLID',
		'--json'
	);
	expect(result.code, result.err).toBe(0);
	return JSON.parse(result.out) as { version: number; decision: { number: string } }[];
};

beforeAll(() => prepareDemo(testEnv('')), DEMO_TIMEOUT);

describe('cofund plan amend and plan history', () => {
	it('records SOLID’s amendment of 19.09.2019, and the history shows both decisions with the diff', async () => {
		const dir = await demoCopy('cofund-plan-');
		const file = written('amended.json', AMENDED_PLAN);
		const amended = await amend(dir, '2019-09-19', '512', file, '--note', '2019 spent more');
		expect(amended.code, amended.err).toBe(0);
		expect(plain(amended.out)).toContain(
			'Recorded an amendment of the plan of project SOLID by Decision No. 512 of 19 September 2019 (version 2).'
		);
		expect(plain(amended.out)).toContain('    Co-financing (2019): 670 EUR → 710.20 EUR');
		expect(plain(amended.out)).toContain('    Council co-financing: +40.20 EUR');

		// A council member reads the history in Latvian.
		const lv = await cofund(dir, 'lv', ...COUNCIL, 'plan', 'history', '--project', 'SOLID');
		expect(lv.code, lv.err).toBe(0);
		const lines = plain(lv.out).split('\n');
		expect(lines[0]).toBe(
			'Daugavpils pilsētas domes 2018.gada 22.februāra lēmums Nr.57 · 1.pielikums · Pieņem plānu'
		);
		expect(lines).toContain(
			'Daugavpils pilsētas domes 2019.gada 19.septembra lēmums Nr.512 · 1.pielikums · Groza plānu · Spēkā šodien'
		);
		expect(lines).toContain('    Līdzfinansējums (2019. gads): 670 EUR → 710,20 EUR');
		expect(lines).toContain('    Domes līdzfinansējums: +40,20 EUR');
		expect(lines).toContain('  Piezīme: 2019 spent more');
		expect(lines.some((line) => line.startsWith('  Reģistrēja coordinator@cofund.example, '))).toBe(
			true
		);

		const history = await historyJson(dir);
		expect(history.map((e) => [e.decision.number, e.version])).toEqual([
			['57', 1],
			['512', 2]
		]);
	});

	it(
		'keeps an amended demo amended when the demo is loaded again',
		async () => {
			const dir = await demoCopy('cofund-plan-');
			const plan = written('demo-again.json', AMENDED_PLAN);
			expect((await amend(dir, '2019-09-19', '512', plan)).code).toBe(0);
			const again = await cofund(dir, 'en', 'demo');
			expect(again.code, again.err).toBe(0);
			expect(again.out).toContain('The SOLID demo is ready: unchanged');
			const history = await cofund(dir, 'en', ...COUNCIL, 'plan', 'history', '--project', 'SOLID');
			expect(plain(history.out)).toMatch(/Decision No\. 512 of 19 September 2019.*In force today/);
		},
		DEMO_TIMEOUT
	);

	it('refuses the decision in force, an earlier one and an invalid file, and records nothing', async () => {
		const dir = await demoCopy('cofund-plan-');
		const file = written('amended.json', AMENDED_PLAN);
		const same = await amend(dir, '2018-02-22', '57', file);
		expect(same.code).toBe(1);
		expect(same.err).toContain('Decision No. 57 of 22 Feb 2018 is the one in force');
		expect(same.err).toContain('Nothing was recorded.');

		const earlier = await amend(dir, '2018-01-10', '3', file);
		expect(earlier.code).toBe(1);
		expect(earlier.err).toContain(
			'This decision is dated before decision No. 57 of 22 Feb 2018, which is in force.'
		);

		const bad = written('bad.json', { funding: { ...AMENDED_PLAN.funding, eu: 'lots' } });
		const invalid = await amend(dir, '2019-09-19', '512', bad);
		expect(invalid.code).toBe(1);
		expect(invalid.err).toMatch(
			/the project definition is not valid \(1 problem\):\n {2}funding\.eu: /
		);
		expect(invalid.err).toContain('Nothing was recorded.');
		const other = await amend(dir, '2019-09-19', '512', written('goal.json', { goal: 1 }));
		expect(other.err).toContain('  (root): Unknown fields: goal.');

		const broken = await amend(dir, '2019-09-19', '512', written('broken.json', '{ "funding": '));
		expect(broken.code).toBe(1);
		const badDate = await amend(dir, '19.09.2019', '512', file);
		expect(badDate.err).toContain('“19.09.2019” is not a date YYYY-MM-DD.');

		// A council member may read the history, not amend the plan.
		const council = await cofund(
			dir,
			'en',
			...COUNCIL,
			'plan',
			'amend',
			'--project',
			'SOLID',
			'--decision-date',
			'2019-09-19',
			'--decision-number',
			'512',
			'--file',
			file
		);
		expect(council.code).toBe(1);
		expect(council.err).toContain('project:edit SOLID');

		expect((await historyJson(dir)).map((e) => e.version)).toEqual([1]);
	});

	it('says an amendment that project apply records, with its decision and the diff', async () => {
		const dir = await demoCopy('cofund-plan-');
		const definition = JSON.parse(readFileSync('static/samples/solid/project.json', 'utf8'));
		definition.decision.date = '2019-09-19';
		definition.decision.number = '512';
		Object.assign(definition.funding, AMENDED_PLAN.funding);
		const file = written('solid-512.json', definition);
		const applied = await cofund(dir, 'en', ...COORDINATOR, 'project', 'apply', file);
		expect(applied.code, applied.err).toBe(0);
		expect(plain(applied.out)).toContain(
			'Recorded an amendment of the plan of project SOLID by Decision No. 512 of 19 September 2019 (version 2).'
		);
		expect(plain(applied.out)).toContain('    Total budget: 4,160 EUR → 4,200.20 EUR');
		expect((await historyJson(dir)).map((e) => e.decision.number)).toEqual(['57', '512']);
	});
});
