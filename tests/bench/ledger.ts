/**
 * A large ledger in the dialect of static/samples/solid/ledger.csv: UTF-8 with a BOM, `;`, CRLF,
 * decimal comma, dd.mm.yyyy dates, Latvian headers and text. Written as a stream, a megabyte of
 * text at a time, so the file is never held whole in memory. The content is drawn from a seeded
 * generator: the same row count always gives the same file. The same rows can be written as an
 * Excel workbook too (writeLedgerXlsx).
 */
import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { finished } from 'node:stream/promises';
import ExcelJS from 'exceljs';

export const LEDGER_HEADER = [
	'Datums',
	'Dok. Nr.',
	'Partneris',
	'Apraksts',
	'EKK',
	'Summa EUR',
	'Projekts',
	'Pasākums',
	'Finansējums'
];

export interface LedgerStats {
	/** Data rows, without the header. */
	rows: number;
	/** Rows of the SOLID project, which an import accepts. */
	solid: number;
	/** Rows of other projects, which an import sets aside. */
	other: number;
	/** Sum of the SOLID rows' amounts, in cents. */
	solidCents: number;
	bytes: number;
}

/** mulberry32: small, fast and good enough for test data. */
function random(seed: number) {
	let state = seed >>> 0;
	return () => {
		state = (state + 0x6d2b79f5) >>> 0;
		let t = state;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

const pad = (n: number) => String(n).padStart(2, '0');

/** Every day of 2018 and 2019 as dd.mm.yyyy. */
const DAYS: string[] = [];
for (let t = Date.UTC(2018, 0, 1); t <= Date.UTC(2019, 11, 31); t += 86_400_000) {
	const d = new Date(t);
	DAYS.push(`${pad(d.getUTCDate())}.${pad(d.getUTCMonth() + 1)}.${d.getUTCFullYear()}`);
}

const PEOPLE = [
	'Inese Kalniņa',
	'Jānis Bērziņš',
	'Olga Ivanova',
	'Sergejs Petrovs',
	'Anna Vasiļjeva',
	'Marija Kuzņecova',
	'Dmitrijs Sokolovs',
	'Līga Ozola',
	'Edgars Krūmiņš',
	'Natālija Žukova'
];
const CITIES = [
	'Brisele',
	'Sofija',
	'Bari',
	'Atēnas',
	'Belgrada',
	'Bratislava',
	'Skopje',
	'Varšava'
];
const HOTELS = [
	'Hotel Jette Palace',
	'Hotel Sofia Balkan',
	'Albergo Bari Centro',
	'Hotel Alimos Beach'
];
const OTHER_PROJECTS = ['GREEN-LV', 'KULTŪRA-2019', 'JAUNATNE', 'Ūdens-Daugava'];

type Pick = <T>(items: readonly T[]) => T;
/** A whole number from 0 to n - 1. */
type Draw = (n: number) => number;

interface Kind {
	prefix: string;
	category: string;
	/** Amount range in cents. */
	cents: [number, number];
	payee: (pick: Pick) => string;
	description: (pick: Pick, persons: number, draw: Draw) => string;
}

const KINDS: Kind[] = [
	{
		prefix: 'AB',
		category: '2122',
		cents: [9_000, 140_000],
		payee: () => 'airBaltic Corporation AS',
		description: (pick, n) => `Aviobiļetes Rīga–${pick(CITIES)}–Rīga, ${n} pers.`
	},
	{
		prefix: 'BTA',
		category: '2122',
		cents: [390, 4_500],
		payee: () => 'BTA Baltic Insurance Company AAS',
		description: (_, n) => `Ceļojuma apdrošināšana, ${n} pers.`
	},
	{
		prefix: 'AO',
		category: '2121',
		cents: [3_000, 18_000],
		payee: (pick) => pick(PEOPLE),
		description: (pick, _, draw) => {
			const day = 1 + draw(25);
			return `Dienas nauda, ${pick(CITIES)} ${pad(day)}.–${pad(day + 2)}.${pick(['03', '06', '10'])}.`;
		}
	},
	{
		prefix: 'LX',
		category: '2122',
		cents: [1_500, 9_000],
		payee: () => 'SIA Lux Express Latvia',
		description: (_, n) => `Autobuss Daugavpils–Rīga–Daugavpils, ${n} pers.`
	},
	{
		prefix: 'HTL',
		category: '2122',
		cents: [6_000, 90_000],
		payee: (pick) => pick(HOTELS),
		description: (pick, n) => `Viesnīca, ${pick([1, 2, 3])} naktis, ${n} pers.`
	},
	{
		prefix: 'DR',
		category: '2311',
		cents: [1_000, 25_000],
		payee: () => 'SIA Latgales druka',
		description: () => 'Prezentācijas materiālu druka'
	},
	{
		prefix: 'KF',
		category: '2363',
		cents: [2_000, 30_000],
		payee: () => 'SIA Kafijas grauzdētava',
		description: () => 'Kafijas pauze semināra dalībniekiem, Daugavpils'
	}
];

function amountText(cents: number): string {
	const sign = cents < 0 ? '-' : '';
	const abs = Math.abs(cents);
	return `${sign}${Math.floor(abs / 100)},${pad(abs % 100)}`;
}

/** One data row as the generator drew it: the CSV text of each field, the amount also in cents. */
export interface LedgerRow {
	/** dd.mm.yyyy */
	date: string;
	documentNumber: string;
	payee: string;
	description: string;
	category: string;
	cents: number;
	project: string;
	event: string;
	funding: string;
}

/** The rows of a ledger, drawn in a fixed order from the seed: CSV and XLSX get the same rows. */
export function* ledgerRows(rows: number, seed = 20180222): Generator<LedgerRow> {
	const next = random(seed);
	const draw: Draw = (n) => Math.floor(next() * n);
	const pick: Pick = (items) => items[draw(items.length)]!;
	for (let i = 0; i < rows; i++) {
		const kind = pick(KINDS);
		const persons = 1 + draw(6);
		const credit = next() < 0.02;
		const [low, high] = kind.cents;
		let cents = low + draw(high - low);
		if (credit) cents = -cents;
		const project = next() < 0.96 ? 'SOLID' : pick(OTHER_PROJECTS);
		const roll = next();
		const event = roll < 0.1 ? '' : String(1 + draw(5));
		const funding = next() < 0.3 ? 'ES' : 'Pašvaldība';
		// The row number makes every document number, and so every row, unique.
		const documentNumber = `${kind.prefix}-${100_000 + i}${credit ? '-K' : ''}`;
		const description = credit
			? 'Kredītrēķins: atcelta 1 biļete (slimība)'
			: kind.description(pick, persons, draw);
		// Drawn in this order (date, then payee) since the first version: the same seed, the same file.
		const date = pick(DAYS);
		const payee = kind.payee(pick);
		yield {
			date,
			documentNumber,
			payee,
			description,
			category: kind.category,
			cents,
			project,
			event,
			funding
		};
	}
}

function countRow(stats: LedgerStats, row: LedgerRow) {
	if (row.project === 'SOLID') {
		stats.solid++;
		stats.solidCents += row.cents;
	} else stats.other++;
}

/** Writes `rows` data rows after the header to `path`. */
export async function writeLedger(
	path: string,
	rows: number,
	seed = 20180222
): Promise<LedgerStats> {
	const out = createWriteStream(path);
	const stats: LedgerStats = { rows, solid: 0, other: 0, solidCents: 0, bytes: 0 };
	let text = '\uFEFF' + LEDGER_HEADER.join(';') + '\r\n';
	const emit = async () => {
		stats.bytes += Buffer.byteLength(text);
		if (!out.write(text)) await once(out, 'drain');
		text = '';
	};
	for (const row of ledgerRows(rows, seed)) {
		text +=
			`${row.date};${row.documentNumber};${row.payee};${row.description};${row.category};` +
			`${amountText(row.cents)};${row.project};${row.event};${row.funding}\r\n`;
		countRow(stats, row);
		if (text.length >= 1 << 20) await emit();
	}
	await emit();
	out.end();
	await finished(out);
	return stats;
}

/**
 * The same rows as writeLedger as an Excel workbook, through exceljs's streaming writer (one row
 * in memory at a time): the date as a date cell, the amount as a number cell in euros, the rest
 * as text, under the same header on the first sheet.
 */
export async function writeLedgerXlsx(
	path: string,
	rows: number,
	seed = 20180222
): Promise<LedgerStats> {
	const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
		filename: path,
		useSharedStrings: false,
		useStyles: true
	});
	const sheet = workbook.addWorksheet('Ledger');
	sheet.columns = LEDGER_HEADER.map((header, i) => ({
		header,
		key: String(i),
		style: i === 0 ? { numFmt: 'dd.mm.yyyy' } : i === 5 ? { numFmt: '0.00' } : {}
	}));
	const stats: LedgerStats = { rows, solid: 0, other: 0, solidCents: 0, bytes: 0 };
	for (const row of ledgerRows(rows, seed)) {
		const [day, month, year] = row.date.split('.').map(Number) as [number, number, number];
		sheet
			.addRow([
				new Date(Date.UTC(year, month - 1, day)),
				row.documentNumber,
				row.payee,
				row.description,
				row.category,
				row.cents / 100,
				row.project,
				row.event,
				row.funding
			])
			.commit();
		countRow(stats, row);
	}
	sheet.commit();
	await workbook.commit();
	stats.bytes = (await stat(path)).size;
	return stats;
}
