/**
 * `cofund import`'s text and `--json`, in process on both engines: the control sums as equations
 * that add up, and after a commit without the rejected rows, how many were skipped and where
 * they are listed.
 */
import { ENGINES, freshDatabase } from '$tests/factories/database';
import { solidDefinition } from '$tests/factories/projects';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Locale } from '$lib/domain/locale';
import { SYSTEM_ACTOR } from '$lib/server/audit/record-audit';
import type { DatabaseHandle } from '$lib/server/db';
import { fileSource } from '$lib/server/import/byte-source';
import { loadImportProject } from '$lib/server/import/import-project';
import { runImport, type ImportRequest } from '$lib/server/import/run-import';
import { fromPackageRoot } from '$lib/server/package-root';
import { applyProjectDefinition } from '$lib/server/projects/apply-definition';
import { printOutcome, resultJson } from './commands/import-output';
import type { CliContext } from './context';

const FILE = fromPackageRoot('tests/fixtures/imports/ledger-totals-rejected.csv');

function capture(locale: Locale) {
	const out: string[] = [];
	const err: string[] = [];
	const ctx: CliContext = {
		locale,
		actAs: undefined,
		out: (line) => out.push(line),
		err: (line) => err.push(line)
	};
	return { ctx, out, err };
}

describe.each(ENGINES)('cofund import, its text and --json, on %s', (engine) => {
	let handle: DatabaseHandle;
	const run = async (mode: ImportRequest['mode']) =>
		runImport(handle.db, {
			project: (await loadImportProject(handle.db, 'SOLID'))!,
			kind: 'expenses',
			input: { source: await fileSource(FILE) },
			profile: {},
			actor: SYSTEM_ACTOR,
			mode,
			skipRejected: true,
			today: '2026-11-24'
		});
	const project = { code: 'SOLID', currency: 'EUR' };

	beforeAll(async () => {
		handle = await freshDatabase(engine);
		await applyProjectDefinition(handle.db, solidDefinition(), { actor: SYSTEM_ACTOR });
	});
	afterAll(async () => {
		await handle?.close();
	});

	it('writes the equations of a check in English, the totals line and the unreadable amount named', async () => {
		const { ctx, out, err } = capture('en');
		printOutcome(await run('dry-run'), ctx, project);
		expect(out).toContain(
			'  Records: 2 accepted + 2 rejected + 2 set aside = 6 records in the file'
		);
		expect(out).toContain(
			"  Amounts: 463.60\u00a0EUR accepted + 60.00\u00a0EUR rejected + 250.00\u00a0EUR set aside = 773.60\u00a0EUR, the sum of the file's rows"
		);
		expect(out).toContain(
			'  1 rejected record has no readable amount: it is counted among the records, not in the amounts.'
		);
		expect(out).toContain(
			"  1 totals line (773.60\u00a0EUR) is the file's own sum, not an expense: it is on neither side."
		);
		expect(out).toContain(
			"  ✓ The file's totals line (773.60\u00a0EUR) equals the sum of its rows."
		);
		expect(out.at(-1)).toBe('Dry run: nothing was saved. Run again without --dry-run to import.');
		expect(err.join('\n')).toMatch(/line 4[^\n]*31\.04\.2019/i);
	});

	it('says in Latvian how many rejected rows a commit skipped and where they are listed', async () => {
		const { ctx, out } = capture('lv');
		const result = await run('commit');
		printOutcome(result, ctx, project);
		expect(out).toContain(
			'  Ieraksti: 2 pieņemti + 2 noraidīti + 2 atlikti malā = 6 ieraksti failā'
		);
		expect(out).toContain(
			'  Summas: pieņemtie 463,60\u00a0EUR + noraidītie 60,00\u00a0EUR + malā atliktie 250,00\u00a0EUR = 773,60\u00a0EUR — faila rindu summa'
		);
		const batch = result.batchId!;
		expect(JSON.parse(resultJson(result)).commit).toEqual({ batch, imported: 2, skipped: 2 });
		expect(out.slice(-2)).toEqual([
			`Importēts kā partija #${batch}.`,
			`2 noraidīti ieraksti izlaisti, nav importēti: to rindas uzskaitītas augstāk un saglabātas ar importu #${batch} (cofund import show ${batch} --project SOLID).`
		]);
	});

	it('gives the same figures in --json as fields that add up', async () => {
		const json = JSON.parse(resultJson(await run('dry-run')));
		const { records, amounts, statedTotal } = json.balance;
		expect(records.accepted + records.rejected + records.setAside).toBe(records.total);
		expect(records.total).toBe(json.report.records);
		expect(amounts.acceptedCents + amounts.rejectedCents + amounts.setAsideCents).toBe(
			amounts.rowsCents
		);
		// The rows committed above are duplicates now: set aside, with their amounts.
		expect(records).toMatchObject({ accepted: 0, setAside: 4 });
		expect(amounts).toMatchObject({
			acceptedCents: 0,
			setAsideCents: 25000 + 46360,
			rowsCents: 77360,
			unreadable: { rejected: 1, setAside: 0 }
		});
		expect(statedTotal).toEqual({
			statedCents: 77360,
			rowsCents: 77360,
			differenceCents: 0,
			matches: true
		});
		expect(json.commit).toBeNull();
	});
});
