import { expect, test } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { ProjectPage } from '../pages/project-page';
import { signIn } from '../pages/sign-in';

const seed = readFileSync('tests/fixtures/seed/solid-annex-2018.txt', 'utf8');
const all = (pattern: RegExp) => [...new Set(seed.match(pattern) ?? [])];

/** Every figure the council annex states, taken from the annex itself. */
const seedFigures = [
	...all(/\d\.pielikums/g),
	...all(/\d{4}\.gada \d{1,2}\.\p{L}+/gu),
	...all(/lēmumam Nr\.\d+/g),
	...all(/\d{2}\.\d{2}\.\d{4}\. – \d{2}\.\d{2}\.\d{4}\./g),
	...all(/\d+ EUR/g),
	...all(/\d{4}\.gadā \d+ EUR/g),
	...all(/(?<![.\d])\d{2}\.\d{4}\./g),
	...all(/\(\d+ pārstāvji\)/g)
];
const partnerSection = seed.slice(
	seed.indexOf('Projekta partneri:'),
	seed.indexOf('Finansēšanas avots:')
);
const seedPartners = (partnerSection.match(/^\s*\d+\. (.+?)\s*$/gm) ?? []).map((line) =>
	line.replace(/^\s*\d+\. /, '').trim()
);

test.describe('the SOLID project page', () => {
	test.beforeEach(({ page }) => signIn(page, 'coordinator'));

	test('shows every figure of the council annex, as the annex writes it', async ({ page }) => {
		expect(seedFigures.length).toBeGreaterThan(20);
		expect(seedPartners).toHaveLength(12);
		const project = new ProjectPage(page);
		await project.open('SOLID');
		const text = await project.text();
		for (const figure of seedFigures) expect(text, figure).toContain(figure);
		for (const partner of seedPartners) expect(text, partner).toContain(partner);
		expect(text).toContain('Jette kultūras centrs /Le Centre Culturel de Jette/, Jette, Beļģija');
		expect(text).toContain('2018.gadā 1100 EUR; 2019.gadā 400 EUR');
		expect(text).toContain('2018.gadā 1990 EUR; 2019.gadā 670 EUR');
		await expect(page.getByTestId('year-total-2018')).toHaveText('3090 EUR');
		await expect(page.getByTestId('year-total-2019')).toHaveText('1070 EUR');
		await expect(page.getByTestId('figure-mobilities')).toContainText('15');
		await expect(project.findings).toContainText('Plāns atbilst visiem noteikumiem.');
	});

	test('switches to English, and remembers the choice', async ({ page }) => {
		const project = new ProjectPage(page);
		await project.open('SOLID');
		await project.switchLanguage('EN');
		const text = await project.text();
		for (const figure of [
			'Annex 1',
			'to decision No. 57 of 22 February 2018',
			'1 January 2018 – 15 November 2019',
			'The project budget of Daugavpils City Council is 4,160 EUR, of which',
			'EU co-financing 1,500 EUR',
			'Council co-financing 2,660 EUR',
			'Pre-financing – in 2018 1,100 EUR; in 2019 400 EUR',
			'Co-financing – in 2018 1,990 EUR; in 2019 670 EUR',
			'Event 1 – Jette, Belgium – project kick-off meeting March 2018 (3 representatives)',
			'Event 2 – Bulgaria, June 2018 (6 representatives)',
			'Mogila Municipality, Macedonia'
		]) {
			expect(text, figure).toContain(figure);
		}
		await expect(page.getByTestId('year-total-2018')).toHaveText('3,090 EUR');

		await page.reload();
		await expect(page.locator('html')).toHaveAttribute('lang', 'en');
		await page.goto('/projects');
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Projects');

		await project.open('SOLID');
		await project.switchLanguage('LV');
		await expect(page.getByTestId('figure-total')).toHaveText('4160 EUR');
	});
});
