import { createHash } from 'node:crypto';
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '$tests/factories/cli';
import { DEMO_TIMEOUT, demoCopy, prepareDemo } from '$tests/factories/demo-folder';
import { rechainAudit } from '$tests/fixtures/rechain-audit';
import { runSql } from '$tests/fixtures/run-sql';
import { PIECE_BYTES } from '$lib/server/documents/pdf-pieces';

const env = (dataDir: string) => ({
	COFUND_DATA_DIR: dataDir,
	DATABASE_URL: '',
	COFUND_USER: '',
	COFUND_AUDIT_KEY: '',
	COFUND_AUDIT_ANCHOR: '',
	COFUND_DEMO_PASSWORD: 'demo password for tests'
});

/** `cofund --lang en <args>` in this process, on the data folder. */
const cofund = (dataDir: string, ...args: string[]) =>
	runCli(['--lang', 'en', ...args], env(dataDir));

/** Runs a fixture against the data folder, as a DBA with psql would; it must start cleanly. */
async function fixture(
	dataDir: string,
	script: typeof runSql | typeof rechainAudit,
	...statements: string[]
) {
	expect(await script(dataDir, ...statements)).toBe('');
}

const behindTriggers = (...statements: string[]) => [
	'begin',
	'set local session_replication_role = replica',
	...statements,
	'commit'
];

/** A data folder of its own with the demo loaded, its audit key and anchor beside it. */
const demoDir = () => demoCopy('cofund-cli-audit-');
beforeAll(() => prepareDemo(env('')), DEMO_TIMEOUT);

const AUDITOR = ['--as', 'auditor@cofund.example'];

// Each step starts the CLI afresh on the embedded database, which takes seconds per run.
describe('cofund audit verify against the key and the anchor', { timeout: 180_000 }, () => {
	it('keeps the audit key in a 0600 file beside the data, and anchors the head in its own file', async () => {
		const dir = await demoDir();
		expect(statSync(join(dir, 'audit.key')).mode & 0o777).toBe(0o600);
		const lines = readFileSync(join(dir, 'audit-anchor.log'), 'utf8').trim().split('\n');
		const last = JSON.parse(lines.at(-1)!);
		const verified = await cofund(dir, ...AUDITOR, 'audit', 'verify');
		expect(verified.code, verified.err).toBe(0);
		expect(verified.out).toContain(`intact: ${last.events} events`);
	});

	it('finds an event edited and the whole chain re-chained with plain SHA-256', async () => {
		const dir = await demoDir();
		await fixture(
			dir,
			rechainAudit,
			"update audit_events set after = jsonb_set(after, '{role}', '\"admin\"') where seq = 3"
		);
		const broken = await cofund(dir, ...AUDITOR, 'audit', 'verify');
		expect(broken.code).toBe(1);
		expect(broken.err).toMatch(
			/^The audit chain is broken at event #1 .*: the event is not what was written\.$/m
		);
		// Opening the database already warned that the newest event does not carry the key.
		expect(broken.err).toContain('the newest audit event does not verify with the audit key');
	});

	it('finds the newest events deleted, and all of them, by the anchored count', async () => {
		const dir = await demoDir();
		const anchored = JSON.parse(
			readFileSync(join(dir, 'audit-anchor.log'), 'utf8').trim().split('\n').at(-1)!
		).events as number;
		await fixture(
			dir,
			runSql,
			...behindTriggers(`delete from audit_events where seq > ${anchored - 2}`)
		);
		const last = await cofund(dir, ...AUDITOR, 'audit', 'verify');
		expect(last.code).toBe(1);
		expect(last.err).toBe(
			`Events were deleted from the audit log: the anchor outside the database records ${anchored} events, the log holds ${anchored - 2}.\n`
		);
		await fixture(dir, runSql, ...behindTriggers('delete from audit_events'));
		const all = await cofund(dir, ...AUDITOR, 'audit', 'verify');
		expect(all.err).toBe(
			`Events were deleted from the audit log: the anchor outside the database records ${anchored} events, the log holds 0.\n`
		);
	});
});

describe(
	'cofund audit verify --deep and cofund verify against the stored bytes',
	{ timeout: 180_000 },
	() => {
		it('names an altered original and an altered document, and verify refuses a forged row', async () => {
			const dir = await demoDir();
			const pdfPath = join(dir, 'annex.pdf');
			const made = await cofund(
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
			const clean = await cofund(dir, ...AUDITOR, 'audit', 'verify', '--deep');
			expect(clean.code, clean.err).toBe(0);
			expect(clean.out).toContain(
				'Every stored byte matches its record: 2 original files and 1 document re-hashed.'
			);

			await fixture(
				dir,
				runSql,
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
			await fixture(
				dir,
				runSql,
				...behindTriggers(
					`update document_pieces set bytes = overlay(bytes placing '\\x${forged[at]!.toString(16).padStart(2, '0')}'::bytea from ${(at % PIECE_BYTES) + 1} for 1) where seq = ${Math.floor(at / PIECE_BYTES)} and pdf_id = (select pdf_id from documents where id = ${documentId})`,
					`update documents set sha256 = '${forgedSha}' where id = ${documentId}`
				)
			);
			const deep = await cofund(dir, ...AUDITOR, 'audit', 'verify', '--deep');
			expect(deep.code).toBe(1);
			expect(deep.out).toMatch(/^The audit chain is intact/);
			expect(deep.err).toMatch(
				/^Original file of import #1 \(.+, project SOLID\): its bytes hash to [0-9a-f]{64}, not to the SHA-256 [0-9a-f]{64} on record\.$/m
			);
			expect(deep.err).toContain(
				`Document #${documentId} (council-annex v1, project SOLID): its row says SHA-256 ${forgedSha}, but the audit log recorded ${createHash('sha256').update(pdf).digest('hex')}`
			);
			expect(deep.err).toContain('2 stored files do not match their record.');

			const verdict = await cofund(dir, ...AUDITOR, 'verify', forgedPath);
			expect(verdict.code).toBe(3);
			expect(verdict.out).toContain(
				`Not genuine: the record of document ${documentId} does not match the audit log`
			);
		});
	}
);
