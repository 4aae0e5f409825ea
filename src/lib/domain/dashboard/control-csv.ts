/**
 * The control columns a CSV of figures per year carries: declared, verified, queried, ineligible
 * and eligible, read from `figures.control` (control-figures.ts), in whole currency units as the
 * other columns of those CSVs are.
 */
import type { ControlAmounts, ControlFigures } from './control-figures';

export interface ControlWords {
	declared: string;
	verified: string;
	queried: string;
	ineligible: string;
	eligible: string;
}

const KEYS = ['declared', 'verified', 'queried', 'ineligible', 'eligible'] as const;

export const controlHeadings = (words: ControlWords): string[] => KEYS.map((key) => words[key]);

/** The five amounts of one year (zeros for a year with no expenses), in units. */
export function controlCells(control: Pick<ControlFigures, 'years'>, year: number): number[] {
	const found: ControlAmounts | undefined = control.years.find((y) => y.year === year);
	return KEYS.map((key) => (found ? found[key] : 0) / 100);
}

/** A CSV of the control per year, with a total line; `total` labels it. */
export function controlYearsCsv(
	control: ControlFigures,
	words: ControlWords & { year: string; total: string }
): { header: string[]; rows: (string | number)[][] } {
	return {
		header: [words.year, ...controlHeadings(words)],
		rows: [
			...control.years.map((y) => [y.year, ...controlCells(control, y.year)]),
			[words.total, ...KEYS.map((key) => control.total[key] / 100)]
		]
	};
}
