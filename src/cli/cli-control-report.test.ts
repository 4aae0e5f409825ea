import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { and, asc, eq, isNull, notExists } from 'drizzle-orm';
import { readDatabaseConfig } from '$lib/server/config';
import { recordFinding } from '$lib/server/control/finding-record';
import { openDatabase } from '$lib/server/db';
import { expenseFindings, expenses, projects } from '$lib/server/db/schema';
import { findUserByEmail } from '$lib/server/auth/users';
import { runCli, withEnv } from '$tests/factories/cli';
import { DEMO_TIMEOUT, demoCopy, prepareDemo } from '$tests/factories/demo-folder';
import { VERIFY_EXIT } from './commands/document';

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

/** The auditor verifies SOLID's first unchecked expense, in process; returns its ledger line. */
async function verifyOneMore(): Promise<number> {
	const handle = await openDatabase(readDatabaseConfig(), 'control report test');
	try {
		const { db } = handle;
		const auditor = (await findUserByEmail(db, 'auditor@cofund.example'))!;
		const [row] = await db
			.select({ id: expenses.id, line: expenses.line })
			.from(expenses)
			.innerJoin(projects, eq(projects.id, expenses.projectId))
			.where(
				and(
					eq(projects.code, 'SOLID'),
					isNull(expenses.revertedAt),
					notExists(
						db.select().from(expenseFindings).where(eq(expenseFindings.expenseId, expenses.id))
					)
				)
			)
			.orderBy(asc(expenses.id))
			.limit(1);
		const done = await recordFinding(
			db,
			{ id: auditor.id, email: auditor.email, role: auditor.role },
			{ code: 'SOLID', expenseId: row!.id, version: 0, request: { action: 'verify' } }
		);
		expect(done.ok).toBe(true);
		return row!.line;
	} finally {
		await handle.close();
	}
}

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

		// A further finding: the report no longer matches what it was made from, and says why.
		const line = await withEnv({ ...ENV, COFUND_DATA_DIR: dataDir }, verifyOneMore);
		const changed = await cofund(...as('auditor'), 'verify', join(out, 'control-lv.pdf'));
		expect(changed.code).toBe(VERIFY_EXIT.changed);
		expect(changed.out).toContain(`A new finding on 1 expense: ledger.csv:${line}`);
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
