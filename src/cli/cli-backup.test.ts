import { createHash } from 'node:crypto';
import {
	copyFileSync,
	mkdirSync,
	mkdtempSync,
	readFileSync,
	writeFileSync,
	existsSync,
	readdirSync
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import postgres from 'postgres';
import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { openDatabase, queryRows } from '$lib/server/db';
import { runCli } from '../../tests/factories/cli';
import { BACKUP_TABLES } from '$lib/server/backup/backup-tables';

const serverUrl = process.env.TEST_DATABASE_URL?.trim() || undefined;
const root = mkdtempSync(join(tmpdir(), 'cofund-cli-backup-'));

interface Place {
	dir: string;
	url?: string;
}

const envOf = (place: Place) => ({
	COFUND_DATA_DIR: place.dir,
	DATABASE_URL: place.url ?? '',
	COFUND_USER: '',
	COFUND_AUDIT_KEY: '',
	COFUND_AUDIT_ANCHOR: '',
	COFUND_DEMO_PASSWORD: 'demo password for tests'
});

const cofund = (place: Place, ...args: string[]) =>
	runCli(['--ui-lang', 'en', ...args], envOf(place));

let places = 0;
/** A new, empty place: a data folder, and a new PostgreSQL database when `postgres`. */
async function newPlace(engine: 'pglite' | 'postgres'): Promise<Place> {
	const dir = join(root, `place-${++places}`);
	mkdirSync(dir);
	if (engine === 'pglite') return { dir };
	const name = `cofund_backup_${process.pid}_${randomBytes(4).toString('hex')}`;
	const admin = postgres(serverUrl!, { max: 1, onnotice: () => {} });
	await admin.unsafe(`create database "${name}"`);
	await admin.end({ timeout: 5 });
	const url = new URL(serverUrl!);
	url.pathname = `/${name}`;
	return { dir, url: url.toString() };
}

/** The audit key travels beside the backup, never inside it. */
const carryKey = (from: Place, to: Place) =>
	copyFileSync(join(from.dir, 'audit.key'), join(to.dir, 'audit.key'));

/** Row counts of every table of a place's database, opened after the CLI has closed it. */
async function countsOf(place: Place): Promise<Record<string, number>> {
	const handle = await openDatabase({ dataDir: place.dir, url: place.url }, 'test count');
	try {
		const tables = await queryRows<{ name: string }>(
			handle.db,
			sql`select table_name as name from information_schema.tables where table_schema = 'public' order by 1`
		);
		const counts: Record<string, number> = {};
		for (const { name } of tables) {
			const rows = await queryRows<{ n: number }>(
				handle.db,
				sql.raw(`select count(*)::int as n from "${name}"`)
			);
			counts[name] = rows[0]!.n;
		}
		return counts;
	} finally {
		await handle.close();
	}
}

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

async function originals(place: Place): Promise<Record<string, string>> {
	const handle = await openDatabase({ dataDir: place.dir, url: place.url }, 'test originals');
	try {
		const files = await queryRows<{ id: string; name: string; sha256: string }>(
			handle.db,
			sql`select id, name, sha256 from source_files order by id`
		);
		const found: Record<string, string> = {};
		for (const file of files) {
			const chunks = await queryRows<{ bytes: Uint8Array }>(
				handle.db,
				sql`select bytes from source_file_chunks where file_id = ${file.id} order by seq`
			);
			const actual = sha256(Buffer.concat(chunks.map((c) => Buffer.from(c.bytes))));
			expect(actual).toBe(file.sha256);
			found[file.name] = actual;
		}
		return found;
	} finally {
		await handle.close();
	}
}

const manifestOf = (file: string) =>
	JSON.parse(gunzipSync(readFileSync(file)).toString('utf8').split('\n')[0]!) as {
		tables: { name: string; rows: number }[];
		auditKey: string;
	};

const ADMIN = ['--as', 'admin@cofund.example'];
const AUDITOR = ['--as', 'auditor@cofund.example'];

async function summaryOf(place: Place): Promise<unknown> {
	const result = await cofund(place, ...AUDITOR, 'summary', '--project', 'SOLID', '--json');
	expect(result.code, result.err).toBe(0);
	return JSON.parse(result.out);
}

/** What must hold after a restore: the chain, the bytes, the document, the figures. */
async function expectSameOffice(
	place: Place,
	original: { summary: unknown; pdf: string; originals: Record<string, string> }
) {
	const verified = await cofund(place, ...AUDITOR, 'audit', 'verify', '--deep');
	expect(verified.code, verified.err).toBe(0);
	expect(verified.out).toMatch(/intact/);
	expect(await summaryOf(place)).toEqual(original.summary);
	const verdict = await cofund(place, ...AUDITOR, 'verify', original.pdf, '--json');
	expect(verdict.code, verdict.err).toBe(0);
	const parsed = JSON.parse(verdict.out) as { genuine: boolean; data?: { same: boolean } };
	expect(parsed.genuine).toBe(true);
	expect(parsed.data?.same).toBe(true);
	expect(await originals(place)).toEqual(original.originals);
}

async function backup(place: Place, name: string): Promise<string> {
	const file = join(root, name);
	const made = await cofund(place, ...ADMIN, 'backup', '--out', file);
	expect(made.code, made.err).toBe(0);
	expect(made.out).toMatch(new RegExp(`Wrote .*: [\\d,]+ rows in ${BACKUP_TABLES.length} tables`));
	expect(made.out).toContain('The audit key is not in the backup');
	expect(readFileSync(`${file}.sha256`, 'utf8')).toBe(`${sha256(readFileSync(file))}  ${name}\n`);
	// Nothing but the backup and its checksum is left: no temporary file.
	expect(readdirSync(root).filter((f) => f.includes('.partial'))).toEqual([]);
	return file;
}

async function restoreInto(place: Place, file: string) {
	const restored = await cofund(place, 'restore', file);
	expect(restored.code, restored.err).toBe(0);
	expect(restored.out).toContain('Checked the SHA-256 in');
	expect(restored.out).toMatch(
		/The audit chain verifies: \d+ events, signed with key [0-9a-f]{16}/
	);
	// Every table holds what the manifest says (the restore adds one audit event of its own).
	const counts = await countsOf(place);
	for (const { name, rows } of manifestOf(file).tables) {
		expect(counts[name], name).toBe(name === 'audit_events' ? rows + 1 : rows);
	}
}

const empty = (counts: Record<string, number>) => Object.values(counts).every((n) => n === 0);

describe('cofund backup and cofund restore', { timeout: 600_000 }, () => {
	let source: Place;
	let file: string;
	let original: { summary: unknown; pdf: string; originals: Record<string, string> };

	it('backs up the demo, with a document made before, and restores it into a new data folder', async () => {
		source = await newPlace('pglite');
		expect((await cofund(source, 'demo')).code).toBe(0);
		const pdf = join(root, 'annex.pdf');
		const made = await cofund(
			source,
			'--as',
			'coordinator@cofund.example',
			'document',
			'council-annex',
			'--project',
			'SOLID',
			'--date',
			'2026-11-24',
			'--out',
			pdf
		);
		expect(made.code, made.err).toBe(0);
		original = { summary: await summaryOf(source), pdf, originals: await originals(source) };
		expect(original.originals['ledger.csv']).toBe(
			sha256(readFileSync('static/samples/solid/ledger.csv'))
		);
		file = await backup(source, 'demo.cofund-backup.gz');
		const target = await newPlace('pglite');
		carryKey(source, target);
		await restoreInto(target, file);
		await expectSameOffice(target, original);
		// The backup itself is in the source's audit log.
		const log = await cofund(source, ...AUDITOR, 'audit', 'verify');
		expect(log.code, log.err).toBe(0);
	});

	it('refuses to restore without the audit key that signed the log, and writes nothing', async () => {
		const target = await newPlace('pglite');
		const refused = await cofund(target, 'restore', file);
		expect(refused.code).toBe(1);
		expect(refused.err).toMatch(/is signed with key [0-9a-f]{16}, but this place signs with key/);
		expect(empty(await countsOf(target))).toBe(true);
	});

	it('refuses a truncated file, a flipped byte, a wrong checksum, a newer format and a non-empty target, and the target stays empty', async () => {
		const bytes = readFileSync(file);
		const cases: [string, (target: string) => void, RegExp][] = [
			[
				'truncated',
				(t) => writeFileSync(t, bytes.subarray(0, Math.floor(bytes.length / 2))),
				/is incomplete \(cut short\); nothing was restored/
			],
			[
				'flipped',
				(t) => {
					const copy = Buffer.from(bytes);
					const at = Math.floor(copy.length / 2);
					copy[at] = copy[at]! ^ 0x40;
					writeFileSync(t, copy);
				},
				/is (damaged|incomplete \(cut short\)|does not match its checksum)/
			],
			[
				'checksum',
				(t) => {
					writeFileSync(t, bytes);
					writeFileSync(`${t}.sha256`, `${'0'.repeat(64)}  x\n`);
				},
				/does not match its checksum \(expected 0{64}, found [0-9a-f]{64}\); nothing was restored/
			],
			[
				'newer',
				(t) =>
					writeFileSync(
						t,
						gzipSync(`${JSON.stringify({ format: 'cofund-backup', version: 99 })}\n`)
					),
				/format version 99, newer than this cofund reads/
			]
		];
		for (const [name, write, message] of cases) {
			const target = await newPlace('pglite');
			carryKey(source, target);
			const broken = join(root, `${name}.cofund-backup.gz`);
			write(broken);
			const refused = await cofund(target, 'restore', broken);
			expect(refused.code, name).toBe(1);
			expect(refused.err, name).toMatch(message);
			expect(empty(await countsOf(target)), name).toBe(true);
		}
		const before = await countsOf(source);
		const full = await cofund(source, 'restore', file);
		expect(full.code).toBe(1);
		expect(full.err).toMatch(/This database is not empty \(rows in \w+, [\d,]+ of them\)/);
		expect(await countsOf(source)).toEqual(before);
		// In Latvian too.
		const lv = await runCli(['--ui-lang', 'lv', 'restore', file], envOf(source));
		expect(lv.err).toMatch(/Šī datubāze nav tukša/);
	});

	it.runIf(serverUrl)(
		'restores a PGlite backup into PostgreSQL, and that one back into PGlite',
		async () => {
			const pg = await newPlace('postgres');
			carryKey(source, pg);
			await restoreInto(pg, file);
			await expectSameOffice(pg, original);
			const fromPg = await backup(pg, 'from-postgres.cofund-backup.gz');
			const back = await newPlace('pglite');
			carryKey(source, back);
			await restoreInto(back, fromPg);
			await expectSameOffice(back, original);
		}
	);

	it('backs up through the socket of an app that serves the folder, which keeps answering', async () => {
		const app = await openDatabase({ dataDir: source.dir }, 'cofund web app', { serve: true });
		try {
			const reading = async () =>
				(await queryRows<{ n: number }>(app.db, sql`select count(*)::int as n from projects`))[0]!
					.n;
			const [file, during] = await Promise.all([
				backup(source, 'served.cofund-backup.gz'),
				reading()
			]);
			expect(during).toBe(1);
			expect(await reading()).toBe(1);
			const target = await newPlace('pglite');
			carryKey(source, target);
			await restoreInto(target, file);
			await expectSameOffice(target, original);
		} finally {
			await app.close();
		}
	});

	it('keeps no file when the backup cannot be written', async () => {
		const failed = await cofund(
			source,
			...ADMIN,
			'backup',
			'--out',
			join(root, 'no-such-folder', 'x.gz')
		);
		expect(failed.code).toBe(1);
		expect(existsSync(join(root, 'no-such-folder'))).toBe(false);
	});

	it('lets only admins back up', async () => {
		const refused = await cofund(source, ...AUDITOR, 'backup', '--out', join(root, 'auditor.gz'));
		expect(refused.code).toBe(1);
		expect(refused.err).toMatch(/backup:create/);
		expect(existsSync(join(root, 'auditor.gz'))).toBe(false);
	});
});
