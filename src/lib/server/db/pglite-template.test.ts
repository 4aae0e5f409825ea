import { sql } from 'drizzle-orm';
import { copyFileSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { DEMO_TIMEOUT, demoCopy, prepareDemo } from '$tests/factories/demo-folder';
import { openDatabase, openMemoryPglite, PGLITE_SETTINGS, queryRows, type Database } from '.';
import {
	installedPgliteVersion,
	readTemplateManifest,
	templateArchive,
	templateDir
} from './pglite-template';

/** Where this file's tests make the app look for its template; the shipped one when unset. */
const look = vi.hoisted(() => ({ dir: undefined as string | undefined }));
vi.mock('./pglite-template', async (importOriginal) => {
	const actual = await importOriginal<typeof import('./pglite-template')>();
	return {
		...actual,
		templateArchive: (settings: readonly string[], dir?: string) =>
			actual.templateArchive(settings, dir ?? look.dir ?? actual.templateDir())
	};
});

afterEach(() => {
	look.dir = undefined;
	vi.restoreAllMocks();
});

const newDataDir = () => mkdtempSync(join(tmpdir(), 'cofund-template-'));

/**
 * initdb gives every cluster a new system identifier, and a folder unpacked from the template
 * keeps the template's: so equal identifiers prove two folders came from the one archive.
 */
async function systemIdentifier(db: Database): Promise<string> {
	const [row] = await queryRows<{ id: string }>(
		db,
		sql`select system_identifier::text as id from pg_control_system()`
	);
	return row!.id;
}

async function tableCount(db: Database): Promise<number> {
	const [row] = await queryRows<{ n: number }>(
		db,
		sql`select count(*)::int as n from information_schema.tables where table_schema = 'public'`
	);
	return row!.n;
}

/** A copy of the shipped template whose manifest says `change` instead. */
function templateCopy(change: (manifest: ReturnType<typeof readTemplateManifest>) => void) {
	const dir = mkdtempSync(join(tmpdir(), 'cofund-template-copy-'));
	copyFileSync(join(templateDir(), 'pgdata.tar.gz'), join(dir, 'pgdata.tar.gz'));
	const manifest = readTemplateManifest();
	change(manifest);
	writeFileSync(join(dir, 'template.json'), JSON.stringify(manifest));
	return dir;
}

describe('the template of a new PGlite folder', () => {
	it('was made by the installed PGlite with the settings the app starts it with', () => {
		// After an upgrade of PGlite or a change of its settings: `npm run db:template`.
		const manifest = readTemplateManifest();
		expect(manifest.pglite).toBe(installedPgliteVersion());
		expect(manifest.settings).toEqual(PGLITE_SETTINGS);
		expect('archive' in templateArchive(PGLITE_SETTINGS)).toBe(true);
	});

	it('is refused when it was made by another PGlite, with other settings, or is missing', () => {
		const older = templateCopy((manifest) => void (manifest.pglite = '0.0.1'));
		expect(templateArchive(PGLITE_SETTINGS, older)).toEqual({
			reason: `the template was made by PGlite 0.0.1, this is PGlite ${installedPgliteVersion()}`
		});
		const other = templateCopy((manifest) => void (manifest.settings = ['shared_buffers=128MB']));
		expect(templateArchive(PGLITE_SETTINGS, other)).toEqual({
			reason: 'the template was made with shared_buffers=128MB, not shared_buffers=16MB'
		});
		const empty = mkdtempSync(join(tmpdir(), 'cofund-template-none-'));
		expect(templateArchive(PGLITE_SETTINGS, empty)).toEqual({ reason: `no template in ${empty}` });
	});

	it('makes a new folder that migrates, keeps its rows, and reopens as it is', async () => {
		const warn = vi.spyOn(console, 'warn');
		const dataDir = newDataDir();
		const memory = await openMemoryPglite();
		const template = await systemIdentifier(memory.db);
		await memory.close();

		const first = await openDatabase({ dataDir }, 'template test');
		try {
			expect(await systemIdentifier(first.db)).toBe(template);
			expect(await tableCount(first.db)).toBeGreaterThan(10);
			await first.db.execute(sql`create table kept (note text)`);
			await first.db.execute(sql`insert into kept values ('from the first start')`);
		} finally {
			await first.close();
		}
		const again = await openDatabase({ dataDir }, 'template test');
		try {
			const rows = await queryRows<{ note: string }>(again.db, sql`select note from kept`);
			expect(rows).toEqual([{ note: 'from the first start' }]);
		} finally {
			await again.close();
		}
		expect(warn).not.toHaveBeenCalled();
	});

	it('falls back to initdb, with a warning, when the template is of another PGlite', async () => {
		const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
		look.dir = templateCopy((manifest) => void (manifest.pglite = '0.0.2-fallback-test'));
		const memory = await openMemoryPglite();
		const template = await systemIdentifier(memory.db);
		await memory.close();
		expect(warn).toHaveBeenCalledTimes(1);

		const dataDir = newDataDir();
		const handle = await openDatabase({ dataDir }, 'template fallback test');
		try {
			expect(await systemIdentifier(handle.db)).not.toBe(template);
			expect(await tableCount(handle.db)).toBeGreaterThan(10);
		} finally {
			await handle.close();
		}
		// Once per reason in a process: the folder's initdb is not told again.
		expect(warn).toHaveBeenCalledTimes(1);
		expect(String(warn.mock.calls[0]![0])).toMatch(
			/^cofund: a new database is made by initdb.*PGlite 0\.0\.2-fallback-test.*db:template/
		);
	});
});

describe('the demo in a folder made from the template', () => {
	let demoDir: string;
	beforeAll(async () => {
		await prepareDemo({
			DATABASE_URL: '',
			COFUND_USER: '',
			COFUND_AUDIT_KEY: '',
			COFUND_AUDIT_ANCHOR: '',
			COFUND_DEMO_PASSWORD: 'demo password for tests'
		});
		demoDir = await demoCopy('cofund-template-demo-');
	}, DEMO_TIMEOUT);

	it('holds SOLID, its users and its imported samples', async () => {
		const memory = await openMemoryPglite();
		const template = await systemIdentifier(memory.db);
		await memory.close();
		const handle = await openDatabase({ dataDir: demoDir }, 'template demo test');
		try {
			expect(await systemIdentifier(handle.db)).toBe(template);
			const [row] = await queryRows<{ expenses: number; people: number; users: number }>(
				handle.db,
				sql`select
					(select count(*)::int from expenses e join projects p on p.id = e.project_id
						where p.code = 'SOLID') as expenses,
					(select count(*)::int from participations pa join projects p on p.id = pa.project_id
						where p.code = 'SOLID') as people,
					(select count(*)::int from users) as users`
			);
			expect(row!.expenses).toBeGreaterThan(0);
			expect(row!.people).toBeGreaterThan(0);
			expect(row!.users).toBe(4);
		} finally {
			await handle.close();
		}
	});
});

// A folder whose pgdata exists but is empty (made by hand, say) is new too.
describe('an empty pgdata folder', () => {
	it('is made from the template', async () => {
		const dataDir = newDataDir();
		mkdirSync(join(dataDir, 'pgdata'));
		const memory = await openMemoryPglite();
		const template = await systemIdentifier(memory.db);
		await memory.close();
		const handle = await openDatabase({ dataDir }, 'template test');
		try {
			expect(await systemIdentifier(handle.db)).toBe(template);
		} finally {
			await handle.close();
		}
	});
});
