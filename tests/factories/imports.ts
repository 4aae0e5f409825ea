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
