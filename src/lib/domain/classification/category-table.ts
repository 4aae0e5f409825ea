/**
 * The spend-by-code table as the reader sees it and downloads it: each code with its name in the
 * reader's language beside it (classification-name.ts), the amounts as they were summed.
 */
import type { CsvCell } from '../csv-export';
import type { Locale } from '../locale';
import { centsToDecimal, type Cents } from '../money';
import { classificationName, type ClassificationEntry } from './classification-name';

export interface CategorySpend {
	category: string;
	cents: Cents;
}

/** The column headings and the word for rows with no code, in the reader's language. */
export interface CategoryWords {
	code: string;
	name: string;
	amount: string;
	noCode: string;
}

export interface NamedCategorySpend extends CategorySpend {
	/** The code's name, or null when no list names it (or the row has no code). */
	name: string | null;
}

export function namedCategories(
	rows: readonly CategorySpend[],
	lang: Locale,
	projectList?: readonly ClassificationEntry[]
): NamedCategorySpend[] {
	return rows.map((row) => ({
		...row,
		name: row.category ? classificationName(row.category, lang, projectList) : null
	}));
}

/** Code, name and amount per row: the amount a number, so a spreadsheet can add it up. */
export function categoryCsv(
	rows: readonly CategorySpend[],
	lang: Locale,
	words: CategoryWords,
	projectList?: readonly ClassificationEntry[]
): { header: string[]; rows: CsvCell[][] } {
	return {
		header: [words.code, words.name, words.amount],
		rows: namedCategories(rows, lang, projectList).map((row) => [
			row.category,
			row.category ? (row.name ?? '') : words.noCode,
			Number(centsToDecimal(row.cents))
		])
	};
}
