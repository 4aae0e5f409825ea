import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { bytesSource } from './byte-source';
import { columnName } from './xlsx-cells';
import { SheetFacts, xlsxRecords } from './xlsx-records';

const TEXT = 'Aviobiļetes Rīga–Brisele–Rīga, 3 pers.; Sződliget, Gmina Dąbrowa 🚆';
const ROWS = 3000;

async function latvianBook(useSharedStrings: boolean): Promise<Buffer> {
	const chunks: Buffer[] = [];
	const { PassThrough } = await import('node:stream');
	const stream = new PassThrough();
	stream.on('data', (chunk: Buffer) => chunks.push(chunk));
	const book = new ExcelJS.stream.xlsx.WorkbookWriter({ stream, useSharedStrings });
	const sheet = book.addWorksheet('Lapa');
	sheet.addRow(['Datums', 'Apraksts', 'Summa EUR']).commit();
	// Each row its own text, so that shared strings are many and cross chunk boundaries too.
	for (let i = 1; i <= ROWS; i++) sheet.addRow([`${i}.03.2018`, `${TEXT} ${i}`, i]).commit();
	sheet.commit();
	await book.commit();
	return Buffer.concat(chunks);
}

async function readAll(bytes: Buffer, chunk = 4096) {
	const facts = new SheetFacts();
	const source = bytesSource('l.xlsx', bytes);
	const pieces = async function* () {
		for (let at = 0; at < bytes.length; at += chunk) yield bytes.subarray(at, at + chunk);
	};
	const records: string[][] = [];
	const lines: number[] = [];
	for await (const batch of xlsxRecords(pieces(), { profile: {} }, facts)) {
		records.push(...batch.records);
		lines.push(...batch.lines);
	}
	return { records, lines, facts, size: source.size };
}

describe('xlsxRecords', () => {
	for (const shared of [false, true]) {
		it(`keeps every letter whole across the XML's chunks (${shared ? 'shared' : 'inline'} strings)`, async () => {
			const { records, lines } = await readAll(await latvianBook(shared));
			expect(records).toHaveLength(ROWS + 1);
			expect(lines.at(-1)).toBe(ROWS + 1);
			const broken = records.filter((r, i) => i > 0 && r[1] !== `${TEXT} ${i}`);
			expect(broken).toEqual([]);
		});
	}

	it('reads the whole file through, past the sheet it reads, so that its hash is the file’s', async () => {
		const book = new ExcelJS.Workbook();
		book.addWorksheet('Grāmatojumi').addRow(['Datums', 'Summa EUR']);
		book.getWorksheet('Grāmatojumi')!.addRow(['05.03.2018', 38.5]);
		book.addWorksheet('Piezīmes').addRow(['Pārbaudīts']);
		const bytes = Buffer.from(await book.xlsx.writeBuffer());
		let read = 0;
		const pieces = async function* () {
			for (let at = 0; at < bytes.length; at += 1000) {
				const piece = bytes.subarray(at, at + 1000);
				read += piece.length;
				yield piece;
			}
		};
		const facts = new SheetFacts();
		let records = 0;
		for await (const batch of xlsxRecords(pieces(), { profile: {} }, facts))
			records += batch.records.length;
		expect(records).toBe(2);
		expect(facts.sheets).toEqual(['Grāmatojumi', 'Piezīmes']);
		expect(read).toBe(bytes.length);
	});

	it('names columns as Excel does', () => {
		expect([1, 26, 27, 52, 53, 702, 703, 16384].map(columnName)).toEqual([
			'A',
			'Z',
			'AA',
			'AZ',
			'BA',
			'ZZ',
			'AAA',
			'XFD'
		]);
	});

	it('keeps the row numbers of a sheet with rows left out, and holes as empty cells', async () => {
		const book = new ExcelJS.Workbook();
		const sheet = book.addWorksheet('Lapa');
		sheet.getCell('A1').value = 'Datums';
		sheet.getCell('C1').value = 'Summa EUR';
		sheet.getCell('A4').value = '05.03.2018';
		sheet.getCell('C4').value = 38.5;
		const { records, lines } = await readAll(Buffer.from(await book.xlsx.writeBuffer()));
		expect(lines).toEqual([1, 4]);
		expect(records.map((r) => [...r])).toEqual([
			['Datums', '', 'Summa EUR'],
			['05.03.2018', '', '38.5']
		]);
	});
});
