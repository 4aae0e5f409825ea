import { ENGINES, freshDatabase } from '$tests/factories/database';
import { importSample } from '$tests/factories/imports';
import { applySolidAndOther } from '$tests/factories/projects';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM_ACTOR } from '../audit/record-audit';
import type { DatabaseHandle } from '../db';
import { loadImportProject } from '../import/import-project';
import { revertImport } from '../import/revert-import';
import { importState } from './import-state';
import { projectDashboard } from './project-dashboard';

describe.each(ENGINES)('whether a project has anything imported, on %s', (engine) => {
	let handle: DatabaseHandle;
	const id = async (code: string) => (await loadImportProject(handle.db, code))!.id;
	beforeAll(async () => {
		handle = await freshDatabase(engine);
		await applySolidAndOther(handle.db);
		await importSample(handle.db, 'expenses');
	});
	afterAll(async () => {
		await handle?.close();
	});

	it('counts the live imports per kind, and none on a project without imports', async () => {
		expect(await importState(handle.db, await id('SOLID'))).toEqual({ expenses: 1, trips: 0 });
		expect(await importState(handle.db, await id('OTHER'))).toEqual({ expenses: 0, trips: 0 });
	});

	it('raises no alert on a project without imports, though all its events have passed', async () => {
		const dashboard = (await projectDashboard(handle.db, 'OTHER', '2026-11'))!;
		expect(dashboard.events).toHaveLength(5);
		expect(dashboard.alerts).toEqual([]);
	});

	it('no longer counts a reverted import', async () => {
		const trips = await importSample(handle.db, 'participation');
		expect(await importState(handle.db, await id('SOLID'))).toEqual({ expenses: 1, trips: 1 });
		await revertImport(handle.db, trips.batchId!, await id('SOLID'), SYSTEM_ACTOR);
		expect(await importState(handle.db, await id('SOLID'))).toEqual({ expenses: 1, trips: 0 });
	});
});
