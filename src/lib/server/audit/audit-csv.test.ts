import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { CSV_BOM } from '$lib/domain/csv-export';
import { ENGINES, freshDatabase } from '$tests/factories/database';
import { importSample } from '$tests/factories/imports';
import { applySolidAndOther } from '$tests/factories/projects';
import { makeUser } from '$tests/factories/users';
import type { AppUser } from '../auth/users';
import type { DatabaseHandle } from '../db';
import { users } from '../db/schema';
import { auditCsv } from './audit-csv';
import { recordAudit } from './record-audit';

const parse = (csv: string, delimiter: string) => {
	expect(csv.startsWith(CSV_BOM)).toBe(true);
	return Papa.parse<string[]>(csv.slice(1), { delimiter, skipEmptyLines: true }).data;
};

describe.each(ENGINES)('the audit log as CSV, on %s', (engine) => {
	let handle: DatabaseHandle;
	let admin: AppUser;
	let auditor: AppUser;
	let coordinator: AppUser;
	beforeAll(async () => {
		handle = await freshDatabase(engine);
		const { db } = handle;
		await applySolidAndOther(db);
		admin = await makeUser(db, 'admin', 'admin@example.lv');
		auditor = await makeUser(db, 'auditor', 'auditor@example.lv', ['SOLID']);
		coordinator = await makeUser(db, 'coordinator', 'coordinator@example.lv', ['SOLID']);
		await db.update(users).set({ name: 'Jānis Bērziņš' }).where(eq(users.id, coordinator.id));
		await importSample(db, 'expenses', 'SOLID');
		await db.transaction((tx) =>
			recordAudit(tx, coordinator, {
				action: 'project.update',
				objectType: 'project',
				objectId: 'SOLID',
				before: {},
				after: {}
			})
		);
		// A person's name that a spreadsheet would run as a formula.
		await db.transaction((tx) =>
			recordAudit(
				tx,
				{ id: null, email: '=HYPERLINK("http://evil.example")' },
				{ action: 'project.member-add', objectType: 'project', objectId: 'SOLID', after: {} }
			)
		);
	});
	afterAll(async () => {
		await handle?.close();
	});

	it('says each event in Latvian, in the LV dialect, with its time, change and hash', async () => {
		const rows = parse(await auditCsv(handle.db, auditor, {}, 'lv'), ';');
		expect(rows[0]).toEqual([
			'Ieraksts',
			'Laiks (Rīga)',
			'Kas',
			'E-pasts',
			'Darbība',
			'Kas notika',
			'Projekts',
			'Objekts',
			'Izmaiņas',
			'Jaucējkods'
		]);
		const commit = rows.find((row) => row[4] === 'Imports')!;
		expect(commit[5]).toMatch(/^Importēja ledger\.csv \(\d+ rindas?\)$/);
		expect(commit[6]).toBe('SOLID');
		expect(commit[1]).toMatch(/^\d\d\.\d\d\.\d{4}\. \d\d:\d\d$/);
		expect(commit[8]).toMatch(/Pieņemtā summa: [\d\s ]+,\d\d\sEUR/);
		expect(commit[9]).toMatch(/^[0-9a-f]{64}$/);
		// Each person by name and by the email the chain stores; cofund's own steps in words.
		expect(commit[2]).toBe('cofund (sistēma)');
		expect(commit[3]).toBe('system');
		const update = rows.find((row) => row[4] === 'Plāna maiņa')!;
		expect([update[2], update[3]]).toEqual(['Jānis Bērziņš', 'coordinator@example.lv']);
		// The formula is kept as text, never run.
		expect(rows.map((row) => row[2])).toContain(`'=HYPERLINK("http://evil.example")`);
		// The auditor's CSV holds only SOLID's events.
		expect(new Set(rows.slice(1).map((row) => row[6]))).toEqual(new Set(['SOLID']));
	});

	it('writes English in the EN dialect, and applies the filters', async () => {
		const rows = parse(
			await auditCsv(handle.db, admin, { project: 'OTHER', action: 'project.create' }, 'en'),
			','
		);
		expect(rows[0]!.slice(1, 4)).toEqual(['Time (Riga)', 'Who', 'Email']);
		expect(rows.slice(1).map((row) => [row[4], row[5], row[6]])).toEqual([
			['Project created', 'Created project OTHER', 'OTHER']
		]);
	});
});
