/** Test data: SOLID's sample exports, committed as the coordinator would, on any database. */
import { SYSTEM_ACTOR } from '../../src/lib/server/audit/record-audit';
import type { Database } from '../../src/lib/server/db';
import { fileSource } from '../../src/lib/server/import/byte-source';
import { loadImportProject } from '../../src/lib/server/import/import-project';
import {
	runImport,
	type ImportRequest,
	type ImportResult
} from '../../src/lib/server/import/run-import';
import { fromPackageRoot } from '../../src/lib/server/package-root';

export const SAMPLES = { expenses: 'ledger.csv', participation: 'travel.csv' } as const;

/** Runs one export file through the import as the system would, on the fixed day the tests use. */
export async function importFile(
	db: Database,
	file: string,
	options: {
		kind?: ImportRequest['kind'];
		mode?: ImportRequest['mode'];
		skipRejected?: boolean;
		code?: string;
	} = {}
): Promise<ImportResult> {
	const { kind = 'expenses', mode = 'commit', skipRejected = false, code = 'SOLID' } = options;
	return runImport(db, {
		project: (await loadImportProject(db, code))!,
		kind,
		input: { source: await fileSource(file) },
		profile: {},
		actor: SYSTEM_ACTOR,
		mode,
		skipRejected,
		today: '2026-11-24'
	});
}

export function importSample(
	db: Database,
	kind: keyof typeof SAMPLES,
	code = 'SOLID'
): Promise<ImportResult> {
	return importFile(db, fromPackageRoot(`static/samples/solid/${SAMPLES[kind]}`), { kind, code });
}

/**
 * A ledger of `rows` generated expense lines for SOLID, in the sample's dialect, committed: a
 * project big enough that its tables need several pages. Row i is dated in 2018 or 2019 by turns,
 * coded 2122 every third row (2121 otherwise), and costs (i + 1) × 10 EUR and i cents.
 */
export async function importGeneratedLedger(
	db: Database,
	rows: number,
	code = 'SOLID'
): Promise<ImportResult> {
	const { mkdtemp, writeFile, rm } = await import('node:fs/promises');
	const { tmpdir } = await import('node:os');
	const { join } = await import('node:path');
	const lines = ['Datums;Dok. Nr.;Partneris;Apraksts;EKK;Summa EUR;Projekts;Pasākums;Finansējums'];
	for (let i = 0; i < rows; i++) {
		const year = i % 2 === 0 ? 2018 : 2019;
		const month = String((i % 10) + 1).padStart(2, '0');
		const day = String((i % 27) + 1).padStart(2, '0');
		const category = i % 3 === 0 ? '2122' : '2121';
		const amount = `${(i + 1) * 10},${String(i % 100).padStart(2, '0')}`;
		const event = (i % 5) + 1;
		lines.push(
			`${day}.${month}.${year};GEN-${String(i).padStart(5, '0')};Payee ${i % 7};Generated line ${i};${category};${amount};${code};${event};ES`
		);
	}
	const dir = await mkdtemp(join(tmpdir(), 'cofund-ledger-'));
	const file = join(dir, 'generated-ledger.csv');
	try {
		await writeFile(file, '\uFEFF' + lines.join('\r\n') + '\r\n', 'utf8');
		return await importFile(db, file, { code });
	} finally {
		await rm(dir, { recursive: true, force: true });
	}
}
