import { beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '$tests/factories/cli';
import { DEMO_TIMEOUT, demoCopy, prepareDemo } from '$tests/factories/demo-folder';

const testEnv = (dataDir: string) => ({
	COFUND_DATA_DIR: dataDir,
	DATABASE_URL: '',
	COFUND_USER: '',
	COFUND_DEMO_PASSWORD: 'demo password for tests'
});
const AUDITOR = ['--as', 'auditor@cofund.example'];
const COORDINATOR = ['--as', 'coordinator@cofund.example'];

const cofund = (dataDir: string, lang: 'lv' | 'en', ...args: string[]) =>
	runCli(['--lang', lang, ...args], testEnv(dataDir));
const plain = (text: string) => text.replaceAll('\u00a0', ' ');
const draw = (dir: string, lang: 'lv' | 'en', ...more: string[]) =>
	cofund(dir, lang, ...AUDITOR, 'control', 'sample', '--project', 'SOLID', ...more);

beforeAll(() => prepareDemo(testEnv('')), DEMO_TIMEOUT);

describe('cofund control sample, samples and redraw', () => {
	it(
		'draws a 10-row MUS sample of SOLID, lists it, and draws the same rows again',
		async () => {
			const dir = await demoCopy('cofund-control-');
			const args = ['--method', 'mus', '--size', '10', '--seed', 'SOLID-2026'];
			const drawn = await draw(dir, 'en', ...args);
			expect(drawn.code, drawn.err).toBe(0);
			const out = plain(drawn.out);
			expect(out).toContain('Sample 1 of SOLID drawn.');
			expect(out).toContain('Population: 32 rows, total 4,374.70 EUR');
			expect(out).toContain('AB-120554');
			expect(out.split('\n').filter((l) => /^ {0,2}\d+ {2}\d/.test(l))).toHaveLength(10);

			const listed = await cofund(
				dir,
				'lv',
				...AUDITOR,
				'control',
				'samples',
				'--project',
				'SOLID'
			);
			expect(listed.code, listed.err).toBe(0);
			expect(plain(listed.out)).toContain('naudas vienību izlase');
			expect(plain(listed.out)).toContain('“SOLID-2026”');
			expect(plain(listed.out)).toContain('Pārbaudītas: 0 no 10; ar jautājumu: 0');

			const again = await cofund(
				dir,
				'en',
				...AUDITOR,
				'control',
				'redraw',
				'--project',
				'SOLID',
				'--sample',
				'1'
			);
			expect(again.code, again.err).toBe(0);
			expect(plain(again.out)).toContain('Drawn again: the same rows (10), in the same order.');
			expect(plain(again.out)).toContain('The population is unchanged.');

			const json = await cofund(
				dir,
				'en',
				...AUDITOR,
				'control',
				'samples',
				'--project',
				'SOLID',
				'--json'
			);
			expect(JSON.parse(json.out)).toMatchObject([
				{ number: 1, method: 'mus', size: 10, seed: 'SOLID-2026' }
			]);
		},
		DEMO_TIMEOUT
	);

	it(
		'refuses a coordinator, a bad method and a size above the population, in the reader’s words',
		async () => {
			const dir = await demoCopy('cofund-control-no-');
			const args = ['--method', 'mus', '--size', '10', '--seed', 'S'];
			const coordinator = await cofund(
				dir,
				'en',
				...COORDINATOR,
				'control',
				'sample',
				'--project',
				'SOLID',
				...args
			);
			expect(coordinator.code).toBe(1);
			expect(coordinator.err).toContain('control:write');
			const method = await draw(dir, 'lv', '--method', 'mums', '--size', '3', '--seed', 'S');
			expect(method.code).toBe(1);
			expect(method.err).toContain('Nezināma metode “mums”');
			const large = await draw(
				dir,
				'en',
				'--method',
				'random',
				'--size',
				'40',
				'--seed',
				'S',
				'--strata',
				'year'
			);
			expect(large.code).toBe(1);
			expect(large.err).toContain('The population has 33 rows, fewer than the size 40.');
			const missing = await cofund(
				dir,
				'en',
				...AUDITOR,
				'control',
				'redraw',
				'--project',
				'SOLID',
				'--sample',
				'9'
			);
			expect(missing.code).toBe(1);
			expect(missing.err).toContain('Project SOLID has no sample 9.');
		},
		DEMO_TIMEOUT
	);
});
