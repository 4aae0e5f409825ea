/** Test data: SOLID's sample exports, committed as the coordinator would, on any database. */
import { SYSTEM_ACTOR } from '../../src/lib/server/audit/record-audit';
import type { Database } from '../../src/lib/server/db';
import { fileSource } from '../../src/lib/server/import/byte-source';
import { loadImportProject } from '../../src/lib/server/import/import-project';
import { runImport, type ImportResult } from '../../src/lib/server/import/run-import';
import { fromPackageRoot } from '../../src/lib/server/package-root';

export const SAMPLES = { expenses: 'ledger.csv', participation: 'travel.csv' } as const;

export async function importSample(
	db: Database,
	kind: keyof typeof SAMPLES,
	code = 'SOLID'
): Promise<ImportResult> {
	return runImport(db, {
		project: (await loadImportProject(db, code))!,
		kind,
		input: { source: await fileSource(fromPackageRoot(`static/samples/solid/${SAMPLES[kind]}`)) },
		profile: {},
		actor: SYSTEM_ACTOR,
		mode: 'commit',
		today: '2026-11-24'
	});
}
