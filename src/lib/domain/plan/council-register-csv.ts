/**
 * The council's register as CSV rows: one row per decision and budget year, money as numbers
 * (EUR, two decimals at most), so that a spreadsheet can add the columns up. The caller gives
 * the header in the reader's language and writes it with csv-export.ts, which escapes the text.
 */
import type { CsvCell } from '../csv-export';
import type { CouncilRegister } from './council-register';

export interface RegisterCsvWords {
	/** The kind of a decision: adoption, or amendment of the decision named. */
	kind: (entry: CouncilRegister['decisions'][number]) => string;
	title: (title: { lv: string; en: string }) => string;
}

/** Columns: project, title, decision date, number, kind, year, pre-, co-financing, total, changes. */
export function registerCsvRows(register: CouncilRegister, words: RegisterCsvWords): CsvCell[][] {
	return register.decisions.flatMap((entry) =>
		entry.years.map((year) => {
			const change = entry.change.find((c) => c.year === year.year);
			return [
				entry.code,
				words.title(entry.title),
				entry.decision.date,
				entry.decision.number,
				words.kind(entry),
				year.year,
				year.prefinancing / 100,
				year.cofinancing / 100,
				year.total / 100,
				(change?.prefinancing ?? 0) / 100,
				(change?.cofinancing ?? 0) / 100
			];
		})
	);
}
