import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rm } from 'node:fs/promises';
import { runCli } from '$tests/factories/cli';
import { DEMO_TIMEOUT, demoCopy, prepareDemo } from '$tests/factories/demo-folder';

const env = (dataDir: string) => ({
	COFUND_DATA_DIR: dataDir,
	DATABASE_URL: '',
	COFUND_USER: '',
	COFUND_DEMO_PASSWORD: 'demo password for tests'
});

beforeAll(() => prepareDemo(env('')), DEMO_TIMEOUT);

describe('cofund period and cofund project retention|purge', () => {
	let dataDir: string;
	const cofund = (as: string, ...args: string[]) =>
		runCli(['--lang', 'en', '--as', `${as}@cofund.example`, ...args], env(dataDir));
	beforeAll(async () => {
		dataDir = await demoCopy('cofund-period-');
	}, DEMO_TIMEOUT);
	afterAll(async () => {
		await rm(dataDir, { recursive: true, force: true });
	});

	it('closes 2018 as the coordinator, refuses an overlap, and refuses a reopen by the coordinator', async () => {
		const closed = await cofund(
			'coordinator',
			'period',
			'close',
			'--project',
			'SOLID',
			'--year',
			'2018'
		);
		expect(closed.out).toContain('Closed 2018 for SOLID (period #1).');
		const overlap = await cofund(
			'coordinator',
			'period',
			'close',
			'--project',
			'SOLID',
			'--from',
			'2018-12-01',
			'--to',
			'2019-01-31'
		);
		expect(overlap.code).toBe(1);
		expect(overlap.err).toContain('overlaps the closed period 2018');
		const reopen = await cofund(
			'coordinator',
			'period',
			'reopen',
			'--project',
			'SOLID',
			'--period',
			'1',
			'--reason',
			'x'
		);
		expect(reopen.code).not.toBe(0);
	});

	it('refuses to revert the demo ledger, naming its 2018 rows', async () => {
		const revert = await cofund('coordinator', 'import', 'revert', '1', '--project', 'SOLID');
		expect(revert.code).toBe(1);
		expect(revert.err).toContain('Import #1 was not reverted.');
		expect(revert.err).toContain('The closed period 2018 holds 22 of these rows');
		expect(revert.err).toContain('Line 2: 27 Feb 2018, 426.90');
	});

	it('reopens as the auditor with a reason and lists both', async () => {
		const reopen = await cofund(
			'auditor',
			'period',
			'reopen',
			'--project',
			'SOLID',
			'--period',
			'1',
			'--reason',
			'Late invoice'
		);
		expect(reopen.out).toContain('Reopened 2018 for SOLID.');
		const list = await cofund('auditor', 'period', 'list', '--project', 'SOLID');
		expect(list.out).toMatch(
			/#1 2018: closed .* by coordinator@cofund\.example; reopened .* by auditor@cofund\.example: Late invoice/
		);
	});

	it('shows the retention date, refuses a purge before it, and purges after it is set back', async () => {
		const shown = await cofund('auditor', 'project', 'retention', '--project', 'SOLID');
		expect(shown.out).toContain('kept until 31 Dec 2024');
		await cofund(
			'auditor',
			'project',
			'retention',
			'--project',
			'SOLID',
			'--until',
			'2099-12-31',
			'--reason',
			'Audit under way'
		);
		const early = await cofund('admin', 'project', 'purge', '--project', 'SOLID');
		expect(early.code).toBe(1);
		expect(early.err).toContain('kept until 31 Dec 2099');
		const noReason = await cofund(
			'auditor',
			'project',
			'retention',
			'--project',
			'SOLID',
			'--until',
			'2020-12-31'
		);
		expect(noReason.err).toContain('needs a reason');
		const early2020 = await cofund(
			'auditor',
			'project',
			'retention',
			'--project',
			'SOLID',
			'--until',
			'2020-12-31',
			'--reason',
			'Closed early'
		);
		expect(early2020.code).toBe(1);
		expect(early2020.err).toContain(
			'is before the date the law sets for this project (31 Dec 2024)'
		);
		const back = await cofund(
			'auditor',
			'project',
			'retention',
			'--project',
			'SOLID',
			'--until',
			'2025-06-30',
			'--reason',
			'The audit under way has ended'
		);
		expect(back.code, back.err).toBe(0);
		expect((await cofund('coordinator', 'project', 'purge', '--project', 'SOLID')).code).not.toBe(
			0
		);
		const purged = await cofund('admin', 'project', 'purge', '--project', 'SOLID');
		expect(purged.out).toContain('Purged project SOLID');
	});
});
