/**
 * A sheet with Excel's most rows, 1,048,576 (the header and 1,048,575 records), streams through the
 * import in fixed memory and every row is accounted for. The rows are nearly all another
 * project's, set aside without a write, so the database does little. One engine: what is tested
 * is the reading, which is the same on both.
 */
import { ENGINES, freshDatabase } from '$tests/factories/database';
import { solidDefinition } from '$tests/factories/projects';
import ExcelJS from 'exceljs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM_ACTOR } from '../audit/record-audit';
import type { DatabaseHandle } from '../db';
import { applyProjectDefinition } from '../projects/apply-definition';
import { fileSource } from './byte-source';
import { loadImportProject } from './import-project';
import { runImport } from './run-import';

const engine = ENGINES[0]!;
const EXCEL_ROWS = 1_048_576;
const RECORDS = EXCEL_ROWS - 1;
/** SOLID's own rows: every 262,144th. */
const OWN_EVERY = 262_144;
const MiB = 1024 * 1024;

async function writeMaxSheet(path: string) {
	const book = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path, useSharedStrings: false });
	const sheet = book.addWorksheet('Grāmatojumi');
	sheet.getColumn(1).numFmt = 'dd.mm.yyyy';
	sheet.addRow(['Datums', 'Dok. Nr.', 'Summa EUR', 'Projekts']).commit();
	const day = new Date(Date.UTC(2018, 2, 5));
	for (let i = 1; i <= RECORDS; i++) {
		const own = i % OWN_EVERY === 0;
		sheet.addRow([day, own ? `S-${i}` : 'C', own ? 10.5 : 1, own ? 'SOLID' : 'CITA']).commit();
	}
	sheet.commit();
	await book.commit();
}

describe(`a sheet of ${EXCEL_ROWS} rows on ${engine}`, () => {
	let handle: DatabaseHandle;
	let scratch: string;
	let path: string;

	beforeAll(async () => {
		handle = await freshDatabase(engine);
		await applyProjectDefinition(handle.db, solidDefinition(), { actor: SYSTEM_ACTOR });
		scratch = await mkdtemp(join(tmpdir(), 'cofund-xlsx-max-'));
		path = join(scratch, 'max.xlsx');
		await writeMaxSheet(path);
	}, 900_000);
	afterAll(async () => {
		await handle?.close();
		if (scratch) await rm(scratch, { recursive: true, force: true });
	});

	it('streams in fixed memory and accounts for every row', async () => {
		let peakHeap = 0;
		let reports = 0;
		const result = await runImport(handle.db, {
			project: (await loadImportProject(handle.db, 'SOLID'))!,
			kind: 'expenses',
			input: { source: await fileSource(path) },
			profile: {},
			actor: { id: null, email: 'coordinator@example.lv' },
			mode: 'dry-run',
			today: '2026-11-24',
			onProgress: () => {
				reports++;
				peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed);
			}
		});
		const own = Math.floor(RECORDS / OWN_EVERY);
		expect(result.report.records).toBe(RECORDS);
		expect(result.report.accepted).toEqual({ count: own, totalCents: own * 1050 });
		expect(result.report.setAside.byReason['other-project']).toEqual({
			count: RECORDS - own,
			totalCents: (RECORDS - own) * 100
		});
		expect(result.report.rejected.count).toBe(0);
		expect(result.dialect.sheet?.name).toBe('Grāmatojumi');
		// Read in batches, never whole: a sheet held in memory would take well over a gigabyte.
		expect(reports).toBeGreaterThan(1000);
		expect(peakHeap).toBeLessThan(512 * MiB);
	}, 1_800_000);
});
