import { describe, expect, it } from 'vitest';
import { controlFigures } from './control-figures';
import { controlCells, controlYearsCsv } from './control-csv';

const words = {
	year: 'Year',
	total: 'Total',
	declared: 'Declared',
	verified: 'Verified',
	queried: 'Queried',
	ineligible: 'Ineligible',
	eligible: 'Eligible'
};

describe('the control columns of a CSV per year', () => {
	const control = controlFigures(
		[
			{ month: '2018-05', category: '2122', event: 2, cents: 101100, rows: 1 },
			{ month: '2019-03', category: '2121', event: 4, cents: 9000, rows: 1 }
		],
		[
			{
				month: '2018-05',
				category: '2122',
				event: 2,
				state: 'ineligible',
				cents: 101100,
				deducted: 2000,
				rows: 1
			}
		]
	);

	it('gives each year its five amounts in units, and a total line', () => {
		expect(controlYearsCsv(control, words)).toEqual({
			header: ['Year', 'Declared', 'Verified', 'Queried', 'Ineligible', 'Eligible'],
			rows: [
				[2018, 1011, 0, 0, 20, 991],
				[2019, 90, 0, 0, 0, 90],
				['Total', 1101, 0, 0, 20, 1081]
			]
		});
	});

	it('gives zeros for a planned year with no expenses', () => {
		expect(controlCells(control, 2020)).toEqual([0, 0, 0, 0, 0]);
	});
});
