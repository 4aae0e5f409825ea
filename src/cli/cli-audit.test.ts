import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const CLI = 'src/cli/cofund.js';
const env = (dataDir: string) => ({
	...process.env,
	COFUND_DATA_DIR: dataDir,
	DATABASE_URL: '',
	COFUND_USER: '',
	COFUND_AUDIT_KEY: '',
	COFUND_AUDIT_ANCHOR: '',
	COFUND_DEMO_PASSWORD: 'demo password for tests'
});

function cofund(dataDir: string, ...args: string[]) {
	const result = spawnSync('node', [CLI, '--lang', 'en', ...args], {
		env: env(dataDir),
		encoding: 'utf8'
	});
	return { code: result.status, out: result.stdout, err: result.stderr };
}

/** Runs a fixture script against the data folder, as a DBA with psql would. */
function fixture(dataDir: string, script: string, ...statements: string[]) {
	const result = spawnSync('node', ['--import', 'tsx', `tests/fixtures/${script}`, ...statements], {
		env: env(dataDir),
		encoding: 'utf8'
	});
	expect(result.stderr).toBe('');
}

const behindTriggers = (statement: string) => [
	'begin',
	'set local session_replication_role = replica',
	statement,
	'commit'
];

function demoDir(): string {
	const dir = mkdtempSync(join(tmpdir(), 'cofund-cli-audit-'));
	expect(cofund(dir, 'demo').code).toBe(0);
	return dir;
}

const AUDITOR = ['--as', 'auditor@cofund.example'];

// Each step starts the CLI afresh on the embedded database, which takes seconds per run.
describe('cofund audit verify against the key and the anchor', { timeout: 180_000 }, () => {
	it('keeps the audit key in a 0600 file beside the data, and anchors the head in its own file', () => {
		const dir = demoDir();
		expect(statSync(join(dir, 'audit.key')).mode & 0o777).toBe(0o600);
		const lines = readFileSync(join(dir, 'audit-anchor.log'), 'utf8').trim().split('\n');
		const last = JSON.parse(lines.at(-1)!);
		const verified = cofund(dir, ...AUDITOR, 'audit', 'verify');
		expect(verified.code, verified.err).toBe(0);
		expect(verified.out).toContain(`intact: ${last.events} events`);
	});

	it('finds an event edited and the whole chain re-chained with plain SHA-256', () => {
		const dir = demoDir();
		fixture(
			dir,
			'rechain-audit.ts',
			"update audit_events set after = jsonb_set(after, '{role}', '\"admin\"') where seq = 3"
		);
		const broken = cofund(dir, ...AUDITOR, 'audit', 'verify');
		expect(broken.code).toBe(1);
		expect(broken.err).toMatch(
			/^The audit chain is broken at event #1 .*: the event is not what was written\.$/m
		);
		// Opening the database already warned that the newest event does not carry the key.
		expect(broken.err).toContain('the newest audit event does not verify with the audit key');
	});

	it('finds the newest events deleted, and all of them, by the anchored count', () => {
		const dir = demoDir();
		const anchored = JSON.parse(
			readFileSync(join(dir, 'audit-anchor.log'), 'utf8').trim().split('\n').at(-1)!
		).events as number;
		fixture(
			dir,
			'run-sql.ts',
			...behindTriggers(`delete from audit_events where seq > ${anchored - 2}`)
		);
		const last = cofund(dir, ...AUDITOR, 'audit', 'verify');
		expect(last.code).toBe(1);
		expect(last.err).toBe(
			`Events were deleted from the audit log: the anchor outside the database records ${anchored} events, the log holds ${anchored - 2}.\n`
		);
		fixture(dir, 'run-sql.ts', ...behindTriggers('delete from audit_events'));
		const all = cofund(dir, ...AUDITOR, 'audit', 'verify');
		expect(all.err).toBe(
			`Events were deleted from the audit log: the anchor outside the database records ${anchored} events, the log holds 0.\n`
		);
	});
});

describe(
	'cofund audit verify --deep and cofund verify against the stored bytes',
	{ timeout: 180_000 },
	() => {
		it('names an altered original and an altered document, and verify refuses a forged row', () => {
			const dir = demoDir();
			const pdfPath = join(dir, 'annex.pdf');
			const made = cofund(
				dir,
				'--as',
				'coordinator@cofund.example',
				'document',
				'council-annex',
				'--project',
				'SOLID',
				'--date',
				'2026-11-24',
				'--out',
				pdfPath
			);
			expect(made.code, made.err).toBe(0);
			const documentId = Number(/document (\d+)/.exec(made.out)![1]);
			const clean = cofund(dir, ...AUDITOR, 'audit', 'verify', '--deep');
			expect(clean.code, clean.err).toBe(0);
			expect(clean.out).toContain(
				'Every stored byte matches its record: 2 original files and 1 document re-hashed.'
			);

			fixture(
				dir,
				'run-sql.ts',
				...behindTriggers(
					"update source_file_chunks set bytes = overlay(bytes placing '\\x58'::bytea from 30 for 1) where file_id = (select source_file_id from import_batches where id = 1) and seq = 0"
				)
			);
			const pdf = readFileSync(pdfPath);
			const forged = Buffer.from(pdf);
			const at = forged.indexOf('/Producer') + 2;
			forged[at] = forged[at]! ^ 0x20;
			const forgedPath = join(dir, 'forged.pdf');
			writeFileSync(forgedPath, forged);
			const forgedSha = createHash('sha256').update(forged).digest('hex');
			fixture(
				dir,
				'run-sql.ts',
				...behindTriggers(
					`update documents set pdf = decode('${forged.toString('hex')}', 'hex'), sha256 = '${forgedSha}' where id = ${documentId}`
				)
			);
			const deep = cofund(dir, ...AUDITOR, 'audit', 'verify', '--deep');
			expect(deep.code).toBe(1);
			expect(deep.out).toMatch(/^The audit chain is intact/);
			expect(deep.err).toMatch(
				/^Original file of import #1 \(.+, project SOLID\): its bytes hash to [0-9a-f]{64}, not to the SHA-256 [0-9a-f]{64} on record\.$/m
			);
			expect(deep.err).toContain(
				`Document #${documentId} (council-annex v1, project SOLID): its row says SHA-256 ${forgedSha}, but the audit log recorded ${createHash('sha256').update(pdf).digest('hex')}`
			);
			expect(deep.err).toContain('2 stored files do not match their record.');

			const verdict = cofund(dir, ...AUDITOR, 'verify', forgedPath);
			expect(verdict.code).toBe(3);
			expect(verdict.out).toContain(
				`Not genuine: the record of document ${documentId} does not match the audit log`
			);
		});
	}
);
