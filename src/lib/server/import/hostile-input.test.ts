/**
 * Input meant to hurt: what a refusal or report echoes of a hostile file stays small, a file name
 * reaches no terminal or page with control characters, abandoned uploads go after a day, and a
 * commit that wrote nothing never says it committed.
 */
import { ENGINES, freshDatabase } from '$tests/factories/database';
import { importSample } from '$tests/factories/imports';
import { solidDefinition } from '$tests/factories/projects';
import { count, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM_ACTOR } from '../audit/record-audit';
import type { DatabaseHandle } from '../db';
import { auditEvents, sourceFileChunks, sourceFiles } from '../db/schema';
import { applyProjectDefinition } from '../projects/apply-definition';
import { bytesSource } from './byte-source';
import { ImportFileError } from './import-errors';
import { loadImportProject } from './import-project';
import { runImport, type ImportRequest } from './run-import';
import { removeStaleUploads } from './stale-uploads';
import { storeUpload } from './store-upload';

const KB = 1024;

describe.each(ENGINES)('hostile import input on %s', (engine) => {
	let handle: DatabaseHandle;
	const run = async (
		name: string,
		text: string,
		mode: ImportRequest['mode'] = 'dry-run',
		extra: Partial<ImportRequest> = {}
	) =>
		runImport(handle.db, {
			project: (await loadImportProject(handle.db, 'SOLID'))!,
			kind: 'expenses',
			input: { source: bytesSource(name, new TextEncoder().encode(text)) },
			profile: {},
			actor: SYSTEM_ACTOR,
			mode,
			today: '2026-11-24',
			...extra
		});
	const failureOf = async (promise: Promise<unknown>) => {
		const error = await promise.then(
			() => null,
			(e: unknown) => e
		);
		expect(error).toBeInstanceOf(ImportFileError);
		return error as ImportFileError;
	};

	beforeAll(async () => {
		handle = await freshDatabase(engine);
		await applyProjectDefinition(handle.db, solidDefinition(), { actor: SYSTEM_ACTOR });
	});
	afterAll(async () => {
		await handle?.close();
	});

	it('answers a header of a million columns with a refusal of a few kilobytes', async () => {
		const header = Array.from({ length: 1_000_000 }, (_, i) => `c${i}`).join(';');
		const error = await failureOf(run('wide.csv', `${header}\n1;2;3\n`));
		expect(error.failure.code).toBe('header');
		// Before, every missing field carried the whole header again: about 8 MB.
		expect(JSON.stringify(error.failure).length).toBeLessThan(64 * KB);
	}, 120_000);

	it('echoes a few characters of a 20 MB cell, not the cell', async () => {
		const huge = '9'.repeat(20 * 1024 * KB);
		const text = `Datums;Summa;Dok. Nr.;Saņēmējs;Apraksts\n01.03.2018;${huge}x;1;A;B\n`;
		const result = await run('long-line.csv', text);
		expect(result.report.rejected.count).toBe(1);
		expect(JSON.stringify(result).length).toBeLessThan(64 * KB);
		expect(result.report.rejected.rows[0]!.problems[0]!.value.endsWith('…')).toBe(true);
	}, 120_000);

	it('keeps and shows a file name without its control characters', async () => {
		const result = await run(
			'ledger\u001b[2J\u202e.csv',
			'Datums;Summa;Dok. Nr.;Saņēmējs;Apraksts\n01.03.2018;10,00;1;A;B\n'
		);
		expect(result.fileName).toBe('ledger[2J.csv');
		const project = (await loadImportProject(handle.db, 'SOLID'))!;
		const file = await storeUpload(handle.db, {
			name: 'bell\u0007\u0000.csv',
			body: new Blob(['x']).stream(),
			projectId: project.id,
			uploadedBy: 'coordinator@example.lv',
			limit: 1024
		});
		expect(file.name).toBe('bell.csv');
		const [row] = await handle.db.select().from(sourceFiles).where(eq(sourceFiles.id, file.id));
		expect(row!.name).toBe('bell.csv');
	});

	it('says committed: false when a commit finds nothing to commit', async () => {
		await importSample(handle.db, 'expenses');
		const again = await failureOf(importSample(handle.db, 'expenses'));
		expect(again.failure.code).toBe('nothing-to-commit');
		expect(again.result?.committed).toBe(false);
		expect(again.result?.batchId).toBeNull();
	});

	it('says committed: false when rejected rows stop a commit', async () => {
		const error = await failureOf(
			run('bad.csv', 'Datums;Summa;Dok. Nr.;Saņēmējs;Apraksts\n01.03.2018;abc;1;A;B\n', 'commit')
		);
		expect(error.failure.code).toBe('has-rejected');
		expect(error.result?.committed).toBe(false);
	});

	it('removes uploads never imported after a day, and never an imported original', async () => {
		const project = (await loadImportProject(handle.db, 'SOLID'))!;
		const upload = await storeUpload(handle.db, {
			name: 'left.csv',
			body: new Blob(['a;b\n1;2\n']).stream(),
			projectId: project.id,
			uploadedBy: 'coordinator@example.lv',
			limit: 1024
		});
		const files = async () => (await handle.db.select({ n: count() }).from(sourceFiles))[0]!.n;
		const total = await files();
		expect(await removeStaleUploads(handle.db)).toBe(0);
		const tomorrow = new Date(Date.now() + 25 * 60 * 60 * 1000);
		const unused = await handle.db
			.select({ n: count() })
			.from(sourceFiles)
			.where(
				sql`not exists (select 1 from import_batches b where b.source_file_id = ${sourceFiles.id})`
			);
		expect(unused[0]!.n).toBeGreaterThanOrEqual(1);
		expect(await removeStaleUploads(handle.db, tomorrow)).toBe(unused[0]!.n);
		expect(await files()).toBe(total - unused[0]!.n);
		const chunks = await handle.db
			.select({ n: count() })
			.from(sourceFileChunks)
			.where(eq(sourceFileChunks.fileId, upload.id));
		expect(chunks[0]!.n).toBe(0);
		const [event] = await handle.db
			.select()
			.from(auditEvents)
			.where(eq(auditEvents.action, 'upload.remove-stale'));
		expect(JSON.stringify(event!.before)).toContain('left.csv');
		// The committed ledger's original stays.
		const kept = await handle.db
			.select({ n: count() })
			.from(sourceFiles)
			.where(
				sql`exists (select 1 from import_batches b where b.source_file_id = ${sourceFiles.id})`
			);
		expect(kept[0]!.n).toBe(1);
	});
});
