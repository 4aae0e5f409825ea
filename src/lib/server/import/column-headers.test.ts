/**
 * No column is lost silently, on either engine: a ledger whose classification code column is
 * headed with abbreviations imports every code in place, and a ledger without that column is
 * flagged by the check and not committed until the user confirms importing without it.
 */
import { ENGINES, freshDatabase } from '$tests/factories/database';
import { solidDefinition } from '$tests/factories/projects';
import { and, eq, isNull } from 'drizzle-orm';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ImportField } from '$lib/domain/import/fields';
import { fromPackageRoot } from '../package-root';
import { SYSTEM_ACTOR } from '../audit/record-audit';
import type { DatabaseHandle } from '../db';
import { auditEvents, expenses } from '../db/schema';
import { applyProjectDefinition } from '../projects/apply-definition';
import { bytesSource } from './byte-source';
import { ImportFileError } from './import-errors';
import { loadImportProject } from './import-project';
import { revertImport } from './revert-import';
import { runImport, type ImportRequest } from './run-import';

const actor = { id: null, email: 'coordinator@example.lv' };
/** The SOLID sample ledger as table cells: its header names the code column "EKK". */
const SAMPLE = readFileSync(fromPackageRoot('static/samples/solid/ledger.csv'), 'utf8')
	.replace(/^\uFEFF/, '')
	.trim()
	.split(/\r?\n/)
	.map((line) => line.split(';'));
const CODE = SAMPLE[0]!.indexOf('EKK');
const SAMPLE_CODES = SAMPLE.slice(1).map((cells) => cells[CODE]!);

const csv = (rows: string[][]) =>
	new TextEncoder().encode(rows.map((r) => r.join(';')).join('\r\n'));
const withCodeHeader = (header: string) =>
	csv(SAMPLE.map((cells, i) => (i === 0 ? cells.with(CODE, header) : cells)));
const withoutCodes = csv(SAMPLE.map((cells) => cells.toSpliced(CODE, 1)));

describe.each(ENGINES)('the classification code column on %s', (engine) => {
	let handle: DatabaseHandle;
	const run = async (
		name: string,
		bytes: Uint8Array,
		mode: ImportRequest['mode'],
		without: ImportField[] = []
	) =>
		runImport(handle.db, {
			project: (await loadImportProject(handle.db, 'SOLID'))!,
			kind: 'expenses',
			input: { source: bytesSource(name, bytes) },
			profile: {},
			actor,
			mode,
			without,
			today: '2026-11-24'
		});
	const live = () => handle.db.select().from(expenses).where(isNull(expenses.revertedAt));

	beforeAll(async () => {
		handle = await freshDatabase(engine);
		await applyProjectDefinition(handle.db, solidDefinition(), { actor: SYSTEM_ACTOR });
	});
	afterAll(async () => {
		await handle?.close();
	});

	it.each(['Budž. klasif. kods', 'Ekon. klasif. kods'])(
		'imports a ledger headed %j with every code in place',
		async (header) => {
			const result = await run(`${header}.csv`, withCodeHeader(header), 'commit');
			expect(result.committed).toBe(true);
			expect(result.dialect.columns.category).toEqual({ column: CODE + 1, header });
			// Only the currency is missing, and it is read in EUR as the project's: nothing to confirm.
			expect(result.warnings).toEqual([
				{ code: 'missing-column', field: 'currency', acknowledge: false }
			]);
			const rows = await handle.db
				.select()
				.from(expenses)
				.where(eq(expenses.batchId, result.batchId!));
			expect(rows.sort((a, b) => a.line - b.line).map((r) => r.category)).toEqual(SAMPLE_CODES);
			expect(SAMPLE_CODES.every((code) => /^\d{4}$/.test(code))).toBe(true);
			// Imported rows are kept as they are; a revert lets the same rows come again.
			const project = (await loadImportProject(handle.db, 'SOLID'))!;
			await revertImport(handle.db, result.batchId!, project.id, actor);
		}
	);

	it('flags a ledger without a code column in the check, naming the field', async () => {
		const result = await run('no-codes.csv', withoutCodes, 'dry-run');
		expect(result.report.accepted.count).toBe(SAMPLE_CODES.length);
		expect(result.warnings).toContainEqual({
			code: 'missing-column',
			field: 'category',
			acknowledge: true
		});
		expect(result.dialect.columns.category).toBeUndefined();
	});

	it('commits it only once the user has said to import without the codes', async () => {
		const before = (await live()).length;
		const refused = await run('no-codes.csv', withoutCodes, 'commit').catch((e: unknown) => e);
		expect(refused).toBeInstanceOf(ImportFileError);
		expect((refused as ImportFileError).failure).toEqual({
			code: 'missing-columns',
			fields: ['category']
		});
		expect((refused as ImportFileError).result?.warnings).toContainEqual(
			expect.objectContaining({ field: 'category' })
		);
		expect((await live()).length).toBe(before);

		const confirmed = await run('no-codes.csv', withoutCodes, 'commit', ['category']);
		expect(confirmed.committed).toBe(true);
		const rows = await handle.db
			.select()
			.from(expenses)
			.where(eq(expenses.batchId, confirmed.batchId!));
		expect(rows).toHaveLength(SAMPLE_CODES.length);
		expect(new Set(rows.map((r) => r.category))).toEqual(new Set(['']));
		// The audit log keeps what the user confirmed, for whoever asks why the codes are empty.
		const [event] = await handle.db
			.select()
			.from(auditEvents)
			.where(
				and(
					eq(auditEvents.action, 'import.commit'),
					eq(auditEvents.objectId, String(confirmed.batchId))
				)
			);
		expect(event?.after).toMatchObject({ without: ['category'] });
	});
});
