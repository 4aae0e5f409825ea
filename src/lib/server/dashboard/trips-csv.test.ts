import { ENGINES, freshDatabase } from '$tests/factories/database';
import { importFile, importSample } from '$tests/factories/imports';
import { solidDefinition } from '$tests/factories/projects';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Locale } from '$lib/domain/locale';
import { readTripQuery, tripSort } from '$lib/domain/tables/trip-query';
import { SYSTEM_ACTOR } from '../audit/record-audit';
import type { DatabaseHandle } from '../db';
import { loadImportProject } from '../import/import-project';
import { applyProjectDefinition } from '../projects/apply-definition';
import { tripRows } from './trip-rows';
import { tripsCsv } from './trips-csv';

/** A trip whose person a spreadsheet would run as a formula, were it not made safe. */
const FORMULA_TRIP =
	'Vārds, uzvārds;Amats;Pasākums;Pilsēta;Valsts;No;Līdz;Rīkojuma Nr.;Statuss\n' +
	'=1+1;Projektu koordinators;5;Jette;Beļģija;24.09.2019;25.09.2019;R-2019/93;Atcelts\n';

describe.each(ENGINES)('the trips CSV on %s', (engine) => {
	let handle: DatabaseHandle;
	let projectId: number;
	const query = (q: string) => readTripQuery(new URLSearchParams(q));
	const csv = async (q: string, locale: Locale, pageSize?: number) => {
		const parsed = query(q);
		let text = '';
		for await (const part of tripsCsv(handle.db, projectId, locale, {
			filter: parsed,
			sort: tripSort(parsed),
			pageSize
		}))
			text += part;
		expect(text.startsWith('\uFEFF')).toBe(true);
		return Papa.parse<string[]>(text.slice(1), {
			delimiter: locale === 'lv' ? ';' : ',',
			skipEmptyLines: true
		}).data;
	};
	/** Person and order number of each row, as the table shows them and as the CSV holds them. */
	const shown = async (q: string) => {
		const parsed = query(q);
		const { rows } = await tripRows(handle.db, projectId, parsed, 1, tripSort(parsed));
		return rows.map((r) => `${r.person} ${r.orderNumber} ${r.line}`);
	};
	/** The same, from the CSV; a formula-safe cell reads back without its apostrophe. */
	const fromCsv = (lines: string[][]) =>
		lines
			.slice(1)
			.map((cells) => `${cells[0]!.replace(/^'(?=[=+\-@])/, '')} ${cells[7]} ${cells[10]}`);

	beforeAll(async () => {
		handle = await freshDatabase(engine);
		await applyProjectDefinition(handle.db, solidDefinition(), { actor: SYSTEM_ACTOR });
		expect((await importSample(handle.db, 'participation')).report.accepted.count).toBe(15);
		const dir = await mkdtemp(join(tmpdir(), 'cofund-trips-'));
		try {
			const file = join(dir, 'travel-extra.csv');
			await writeFile(file, FORMULA_TRIP);
			const extra = await importFile(handle.db, file, { kind: 'participation' });
			expect(extra.report.accepted.count).toBe(1);
		} finally {
			await rm(dir, { recursive: true, force: true });
		}
		projectId = (await loadImportProject(handle.db, 'SOLID'))!.id;
	}, 120_000);
	afterAll(async () => {
		await handle?.close();
	});

	it('holds exactly the rows the table lists, in its order, through its keyset', async () => {
		for (const q of [
			'',
			'status=done&from=2018-06-01',
			'event=2&sort=-person',
			'q=inese',
			'sort=status',
			'sort=-event',
			'sort=-departure&to=2018-12-31'
		]) {
			const expected = await shown(q);
			expect(expected.length, q).toBeGreaterThan(0);
			// Pages of 2 make the export follow its keyset many times, ties on the key included.
			expect(fromCsv(await csv(q, 'en', 2)), q).toEqual(expected);
		}
		expect(await shown('status=cancelled')).toHaveLength(2);
		expect(fromCsv(await csv('status=cancelled&q=nobody', 'en'))).toEqual([]);
	});

	it('speaks the reader’s language and dialect, and keeps a formula as text', async () => {
		const lv = await csv('event=5&sort=person', 'lv');
		expect(lv[0]).toEqual([
			'Vārds, uzvārds',
			'Amats',
			'Pasākums',
			'Pilsēta',
			'Valsts',
			'Izbraukšanas datums',
			'Atgriešanās datums',
			'Rīkojuma nr.',
			'Statuss',
			'Fails',
			'Rinda'
		]);
		expect(lv[1]).toEqual([
			"'=1+1",
			'Projektu koordinators',
			'5',
			'Jette',
			'Beļģija',
			'2019-09-24',
			'2019-09-25',
			'R-2019/93',
			'Atcelts',
			'travel-extra.csv',
			'2'
		]);
		const en = await csv('event=5&sort=person', 'en');
		expect(en[0]![0]).toBe('Person');
		expect(en[0]![8]).toBe('Status');
		expect(en[1]!.slice(4, 5)).toEqual(['Belgium']);
		expect(en[1]![8]).toBe('Cancelled');
		expect(en.slice(1).map((cells) => cells[8])).toEqual(['Cancelled', 'Took place', 'Took place']);
	});
});
